"""The evidence app's models, one module per concern; everything is importable from here, as
Django and the other apps expect."""

from continuum.evidence.models.assessments import (
    DEFAULT_EVIDENCE_KIND,
    Alignment,
    Assessment,
    AssessmentKind,
    EvidenceKind,
    Question,
    QuestionKind,
    Response,
)
from continuum.evidence.models.estimates import (
    AT_LEAST_PROFICIENT,
    SHOWN_LEVEL,
    SHOWN_STATUS,
    STARTED_STATUSES,
    Estimate,
    EstimateQuerySet,
    EstimateStatus,
    GradingPolicyRecord,
    shown_status_in,
)
from continuum.evidence.models.evidence import (
    Artifact,
    Evidence,
    EvidenceSource,
    Mark,
    PrivateStorage,
    portfolio_storage,
    private_storage,
)
from continuum.evidence.models.tracing import KnowledgeTrace, LearnerModelFit, TracingParameters

__all__ = [
    "AT_LEAST_PROFICIENT",
    "DEFAULT_EVIDENCE_KIND",
    "SHOWN_LEVEL",
    "SHOWN_STATUS",
    "STARTED_STATUSES",
    "Alignment",
    "Artifact",
    "Assessment",
    "AssessmentKind",
    "Estimate",
    "EstimateQuerySet",
    "EstimateStatus",
    "Evidence",
    "EvidenceKind",
    "EvidenceSource",
    "GradingPolicyRecord",
    "KnowledgeTrace",
    "LearnerModelFit",
    "Mark",
    "PrivateStorage",
    "Question",
    "QuestionKind",
    "Response",
    "TracingParameters",
    "portfolio_storage",
    "private_storage",
    "shown_status_in",
]
