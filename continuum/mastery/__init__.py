"""The mastery engine: pure calculations from evidence to estimates, statuses and rollups.

Everything other layers use is listed here; nothing in this package imports Django, reads
the clock or touches the database. Batch functions take `EvidenceColumns` for a whole
district; the one-learner-target functions take scores (or `EvidenceItem`s) in order.
"""

from continuum.mastery.estimates import Estimates
from continuum.mastery.evidence import EvidenceColumns, Kind, evidence_columns
from continuum.mastery.explain import Contribution, Explanation, explanation, what_if
from continuum.mastery.flags import (
    FlagKind,
    LearnerSignals,
    Observation,
    PaceSignal,
    RaisedFlag,
    Thresholds,
    learner_flags,
    school_days_between,
)
from continuum.mastery.grouping import (
    Grouping,
    Need,
    SuggestedGroup,
    Suggestions,
    TrackingWarning,
    pair_overlap,
    suggested_groups,
    tracking_warnings,
)
from continuum.mastery.methods import (
    METHODS,
    Method,
    estimate_batch,
    estimate_one,
    method_parameters,
)
from continuum.mastery.methods.averages import (
    decaying_average,
    highest,
    latest,
    mean,
    weighted_average,
    weighted_mean,
)
from continuum.mastery.methods.recent import median_of_last, mode_of_last, n_of_m
from continuum.mastery.methods.trends import best_fit, power_law
from continuum.mastery.pace import PaceStatus, RequirementPace, pace
from continuum.mastery.policy import (
    CountedEvidence,
    EvidenceItem,
    GradingPolicy,
    counted_evidence,
    policy_estimates,
    policy_explanation,
    policy_from_dict,
    policy_status,
    policy_what_if,
    policy_what_if_status,
)
from continuum.mastery.readiness import Readiness, prerequisites_of, readiness
from continuum.mastery.recommend import CatalogEntry, PlanPace, Suggestion, Tier, recommendations
from continuum.mastery.replay import Replay, replay
from continuum.mastery.rollups import RULES, Edges, RollupRule, edges, rollup
from continuum.mastery.segments import Segments, group
from continuum.mastery.status import (
    DEFAULT_BANDS,
    ESTIMATE_BANDS,
    EVIDENCE_BANDS,
    Bands,
    ScaleBands,
    Status,
    capped_statuses,
    scale_bands,
    status_of,
    statuses,
    statuses_by_target,
)
from continuum.mastery.struggle import Struggle, Tally, median_of_histogram, struggling_targets

__all__ = [
    "DEFAULT_BANDS",
    "ESTIMATE_BANDS",
    "EVIDENCE_BANDS",
    "METHODS",
    "RULES",
    "Bands",
    "CatalogEntry",
    "Contribution",
    "CountedEvidence",
    "Edges",
    "Estimates",
    "EvidenceColumns",
    "EvidenceItem",
    "Explanation",
    "FlagKind",
    "GradingPolicy",
    "Grouping",
    "Kind",
    "LearnerSignals",
    "Method",
    "Need",
    "Observation",
    "PaceSignal",
    "PaceStatus",
    "PlanPace",
    "RaisedFlag",
    "Readiness",
    "Replay",
    "RequirementPace",
    "RollupRule",
    "ScaleBands",
    "Segments",
    "Status",
    "Struggle",
    "SuggestedGroup",
    "Suggestion",
    "Suggestions",
    "Tally",
    "Thresholds",
    "Tier",
    "TrackingWarning",
    "best_fit",
    "capped_statuses",
    "counted_evidence",
    "decaying_average",
    "edges",
    "estimate_batch",
    "estimate_one",
    "evidence_columns",
    "explanation",
    "group",
    "highest",
    "latest",
    "learner_flags",
    "mean",
    "median_of_histogram",
    "median_of_last",
    "method_parameters",
    "mode_of_last",
    "n_of_m",
    "pace",
    "pair_overlap",
    "policy_estimates",
    "policy_explanation",
    "policy_from_dict",
    "policy_status",
    "policy_what_if",
    "policy_what_if_status",
    "power_law",
    "prerequisites_of",
    "readiness",
    "recommendations",
    "replay",
    "rollup",
    "scale_bands",
    "school_days_between",
    "status_of",
    "statuses",
    "statuses_by_target",
    "struggling_targets",
    "suggested_groups",
    "tracking_warnings",
    "weighted_average",
    "weighted_mean",
    "what_if",
]
