"""A learner's evidence and estimates, grouped for their page, and the plain-language
explanation of one estimate.

Academic and lifelong-learning targets are always kept apart; within each area targets
are grouped by framework and competency, in the framework's order.
"""

import math
from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass, field

from django.utils.translation import gettext_lazy as _

from continuum.evidence.models import Estimate, EstimateStatus, Evidence
from continuum.evidence.public import estimate_list, evidence_list, partner_targets
from continuum.frameworks.models import (
    FrameworkItem,
    LearningArea,
    LevelDescriptor,
    ProficiencyScale,
)
from continuum.frameworks.public import level_label
from continuum.learning.models import Proposal, Reassessment
from continuum.mastery import Contribution, Explanation, GradingPolicy
from continuum.people.models import User

# Requests still waiting for a decision or a result (services.reassessment moves them on).
OPEN = (Reassessment.Status.REQUESTED, Reassessment.Status.SCHEDULED)

# What each calculation method means, in words a learner and a family can read.
METHOD_IN_WORDS = {
    "decaying_average": _(
        "Your newest evidence counts most. Each older piece counts a little less, so a "
        "strong result now can raise an estimate that started low."
    ),
    "latest": _("Your estimate is your most recent score."),
    "highest": _("Your estimate is your highest score so far."),
    "mean": _("Your estimate is the average of all your scores."),
    "weighted_average": _("Your newest evidence and the average of the rest are blended."),
    "power_law": _("Your estimate follows the trend of your scores over time, read at today."),
    "best_fit": _("Your estimate follows whichever trend fits your scores best."),
    "n_of_m": _("You reach proficiency when enough of your recent scores reach the cut."),
    "median_of_last": _("Your estimate is the middle of your most recent scores."),
    "mode_of_last": _("Your estimate is the score you reach most often recently."),
}


@dataclass
class TargetProgress:
    target: FrameworkItem
    scale: ProficiencyScale | None
    estimate: Estimate | None
    evidence: list[Evidence] = field(default_factory=list)
    open_reassessment: Reassessment | None = None

    @property
    def status(self) -> EstimateStatus:
        return self.estimate.shown_status if self.estimate else EstimateStatus.NOT_STARTED

    def labelled_evidence(self) -> list[tuple[Evidence, str]]:
        return [(e, level_label(e.level, self.scale)) for e in self.evidence]


@dataclass
class CompetencyGroup:
    competency: FrameworkItem | None
    targets: list[TargetProgress] = field(default_factory=list)


@dataclass
class FrameworkGroup:
    title: str
    competencies: list[CompetencyGroup] = field(default_factory=list)


@dataclass
class AreaGroup:
    area: str
    label: str
    frameworks: list[FrameworkGroup] = field(default_factory=list)


_ITEM_RELATED = ("target__parent", "target__version__framework")


def learner_progress(*, learner: User, viewer: User) -> list[TargetProgress]:
    """Every target with evidence or an estimate that the viewer may read (a partner: the
    slice of ``scope``), scales not yet attached (see ``progress_grouped``); three queries
    whatever the amount of evidence."""
    estimates = {
        e.target_id: e
        for e in estimate_list(user=viewer, learner=learner).select_related(
            *_ITEM_RELATED, "overridden_by"
        )
    }
    evidence_by_target: dict[int, list[Evidence]] = defaultdict(list)
    targets: dict[int, FrameworkItem] = {e.target_id: e.target for e in estimates.values()}
    for evidence in (
        evidence_list(user=viewer, learner=learner)
        .select_related(*_ITEM_RELATED, "assessment", "scorer")
        .order_by("-assessed_at", "-id")
    ):
        evidence_by_target[evidence.target_id].append(evidence)
        targets.setdefault(evidence.target_id, evidence.target)
    open_requests = (
        {r.target_id: r for r in Reassessment.objects.filter(learner=learner, status__in=OPEN)}
        if partner_targets(user=viewer) is None
        else {}
    )
    return [
        TargetProgress(
            target=target,
            scale=None,
            estimate=estimates.get(target.pk),
            evidence=evidence_by_target.get(target.pk, []),
            open_reassessment=open_requests.get(target.pk),
        )
        for target in targets.values()
    ]


def progress_grouped(
    rows: list[TargetProgress], *, scales: Mapping[int, ProficiencyScale | None]
) -> list[AreaGroup]:
    """The rows with their scales, grouped area › framework › competency in framework order;
    academic first, lifelong learning apart."""
    for row in rows:
        row.scale = scales.get(row.target.pk)
    return _grouped(rows)


def _grouped(rows: list[TargetProgress]) -> list[AreaGroup]:
    def order(row: TargetProgress) -> tuple:
        target, parent = row.target, row.target.parent
        return (
            target.version.framework.title,
            parent.position if parent else -1,
            parent.pk if parent else 0,
            target.position,
            target.human_coding_scheme,
        )

    areas = [AreaGroup(value, str(label)) for value, label in LearningArea.choices]
    by_area = {area.area: area for area in areas}
    for row in sorted(rows, key=order):
        area = by_area.get(row.target.learning_area, areas[0])
        title = row.target.version.framework.title
        if not area.frameworks or area.frameworks[-1].title != title:
            area.frameworks.append(FrameworkGroup(title))
        framework = area.frameworks[-1]
        parent = row.target.parent
        if not framework.competencies or framework.competencies[-1].competency != parent:
            framework.competencies.append(CompetencyGroup(parent))
        framework.competencies[-1].targets.append(row)
    return areas


@dataclass(frozen=True)
class Part:
    """One piece of evidence the engine counted and its part in the estimate."""

    evidence: Evidence
    level: str
    contribution: Contribution


@dataclass(frozen=True)
class WhatIf:
    level: str
    estimate: float | None
    status: EstimateStatus


@dataclass
class EstimateStory:
    """Everything the explanation page says about one learner-target."""

    target: FrameworkItem
    scale: ProficiencyScale | None
    estimate: Estimate | None
    method: str
    method_in_words: str
    parts: list[Part]
    uncounted: list[Evidence]
    what_if: list[WhatIf]
    descriptors: list[LevelDescriptor]
    open_reassessment: Reassessment | None
    proposals: list[Proposal]
    summative_only: bool = False

    @property
    def practice_only(self) -> bool:
        """Scored practice work but nothing that counts yet (summative-only policies)."""
        return not self.parts and any(e.mark == "scored" for e in self.uncounted)

    @property
    def status(self) -> EstimateStatus:
        return self.estimate.shown_status if self.estimate else EstimateStatus.NOT_STARTED


def estimate_story(
    *,
    learner: User,
    target: FrameworkItem,
    scale: ProficiencyScale | None,
    policy: GradingPolicy,
    estimate: Estimate | None,
    explanation: Explanation | None,
    evidence: list[Evidence],
    what_if: Mapping[float, tuple[float, EstimateStatus]],
    with_requests: bool = True,
) -> EstimateStory:
    """The method in words, each evidence item's part, and what the next score would do,
    from ``services.estimates.estimate_explain``'s answer (passed in as its fields; each
    contribution names its piece of ``evidence`` by index). Without requests (a partner's
    view) the learner's reassessment and proposals are left out."""
    parts = [
        Part(evidence[c.index], level_label(evidence[c.index].level, scale), c)
        for c in (explanation.contributions if explanation else ())
    ]
    uncounted = list(
        Evidence.objects.filter(learner=learner, target=target)
        .exclude(pk__in=[part.evidence.pk for part in parts])
        .select_related("assessment", "scorer")
        .order_by("assessed_at", "id")
    )
    return EstimateStory(
        target=target,
        scale=scale,
        estimate=estimate,
        method=policy.method,
        method_in_words=str(METHOD_IN_WORDS.get(policy.method, policy.method.replace("_", " "))),
        summative_only=policy.formative_weight == 0,
        parts=parts,
        uncounted=uncounted,
        what_if=[
            WhatIf(level_label(value, scale), None if math.isnan(level) else level, status)
            for value, (level, status) in what_if.items()
        ],
        descriptors=list(target.descriptors.select_related("level").order_by("level__value")),
        open_reassessment=Reassessment.objects.filter(
            learner=learner, target=target, status__in=OPEN
        ).first()
        if with_requests
        else None,
        proposals=list(Proposal.objects.filter(learner=learner, target=target)[:10])
        if with_requests
        else [],
    )


def learner_requests_of(*, learner: User) -> tuple[list[Reassessment], list[Proposal]]:
    """A learner's own recent reassessment requests and proposals, newest first."""
    reassessments = Reassessment.objects.filter(learner=learner).select_related("target")
    proposals = Proposal.objects.filter(learner=learner).select_related("target")
    return list(reassessments[:20]), list(proposals[:20])
