"""Reads for the supports pages: the caseload sorted by need, one learner's supports,
the family summary, and how fresh the computed flags and pace are."""

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from django.db.models import Count, Max, Prefetch, Q, QuerySet
from django.shortcuts import get_object_or_404
from django.utils import timezone

from continuum.frameworks.models import FrameworkItem, ItemKind
from continuum.frameworks.public import AreaCount, area_counts
from continuum.mastery.pace import RANK, PaceStatus
from continuum.people.models import Organization, Role, User
from continuum.people.public import learner_list
from continuum.supports.models import (
    Flag,
    LearnerPace,
    SupportAction,
    SupportNote,
    SupportPlan,
    SupportsRun,
)

ONE_MINUTE = timedelta(minutes=1)
LIVE = [Flag.State.OPEN, Flag.State.ACKNOWLEDGED]


@dataclass
class CaseloadRow:
    learner: User
    paces: list[LearnerPace] = field(default_factory=list)
    open_flags: int = 0
    active_plans: int = 0
    areas: list[AreaCount] = field(default_factory=list)  # on the worst requirement

    @property
    def worst(self) -> LearnerPace | None:
        return min(self.paces, key=lambda p: RANK[PaceStatus(p.status)], default=None)

    def need(self) -> tuple:
        worst = self.worst
        rank = RANK[PaceStatus(worst.status)] if worst else len(RANK)
        projected = worst.projected_on if worst and worst.projected_on else date.max
        return (rank, -self.open_flags, -projected.toordinal(), self.learner.last_name)


CASELOAD_ROLES = frozenset({Role.EDUCATOR, Role.COUNSELOR, Role.LEADER})


def caseload_learners(user: User) -> QuerySet[User]:
    """The learners on an educator's, counselor's or leader's caseload: the same people
    they may see anywhere else (``people.selectors.learner_list``)."""
    if user.role not in CASELOAD_ROLES:
        return User.objects.none()
    return learner_list(user=user)


def caseload_list(user: User) -> list[CaseloadRow]:
    """The user's learners, most in need first: behind before on pace before ahead, then
    more open flags, then the later projected completion, then by name."""
    learners = caseload_learners(user).annotate(
        open_flags=Count("flags", filter=Q(flags__state__in=LIVE), distinct=True),
        active_plans=Count(
            "support_plans",
            filter=Q(support_plans__status=SupportPlan.Status.ACTIVE),
            distinct=True,
        ),
    )
    rows = {
        learner.pk: CaseloadRow(learner, [], learner.open_flags, learner.active_plans)
        for learner in learners
    }
    paces = LearnerPace.objects.filter(
        learner_id__in=rows, requirement__active=True
    ).select_related("requirement")
    for row in paces.prefetch_related(Prefetch("remaining", FrameworkItem.objects.only("pk"))):
        rows[row.learner_id].paces.append(row)
    worst = [row.worst for row in rows.values() if row.worst is not None]
    targets = _targets_by_area({pace.requirement_id for pace in worst})
    for pace in worst:
        rows[pace.learner_id].areas = _area_counts(pace, targets.get(pace.requirement_id, {}))
    return sorted(rows.values(), key=CaseloadRow.need)


CASELOAD_SHOWS = ("all", "behind", "flagged", "unplanned")
"""What a caseload can be narrowed to: everyone, behind pace on some requirement, with an
open flag, or flagged with no active plan (the counselor's to-do)."""


def caseload_filter(
    rows: list[CaseloadRow], *, name: str = "", show: str = "all"
) -> list[CaseloadRow]:
    """The rows whose learner's name holds ``name`` (any case) and who match ``show``, in
    the caseload's order: a caseload of hundreds is read a slice at a time."""
    wanted = name.strip().casefold()
    keep = {
        "behind": lambda row: any(p.status == PaceStatus.BEHIND for p in row.paces),
        "flagged": lambda row: row.open_flags > 0,
        "unplanned": lambda row: row.open_flags > 0 and not row.active_plans,
    }.get(show, lambda row: True)
    return [
        row
        for row in rows
        if keep(row) and (not wanted or wanted in row.learner.display_name.casefold())
    ]


def _targets_by_area(requirement_ids: set[int]) -> dict[int, dict[int, str]]:
    """Each requirement's targets (under its competencies) with their learning area."""
    found: dict[int, dict[int, str]] = {}
    for requirement, target, area in FrameworkItem.objects.filter(
        kind=ItemKind.TARGET, parent__requirements__in=requirement_ids
    ).values_list("parent__requirements", "pk", "learning_area"):
        found.setdefault(requirement, {})[target] = area
    return found


def _area_counts(pace: LearnerPace, targets: dict[int, str]) -> list[AreaCount]:
    """A pace's mastered count split by learning area, academic first: each area's
    targets in the requirement less those still remaining; an area without targets has no
    count."""
    remaining = {target.pk for target in pace.remaining.all()}
    return area_counts((area, target not in remaining) for target, area in targets.items())


def learner_flags(learner: User) -> QuerySet[Flag]:
    return Flag.objects.filter(learner=learner).select_related("target", "owner")


def learner_plans(learner: User) -> QuerySet[SupportPlan]:
    return SupportPlan.objects.filter(learner=learner).prefetch_related("targets", "actions")


def learner_paces(learner: User) -> QuerySet[LearnerPace]:
    """The learner's computed pace to each requirement that applies to them: a computation
    stores pace only for those, and a retired requirement's rows are left out at once."""
    return (
        LearnerPace.objects.filter(learner=learner, requirement__active=True)
        .select_related("requirement")
        .prefetch_related("remaining")
        .order_by("requirement__due_on")
    )


def plan_get(plan_id: int) -> SupportPlan:
    """A plan with everything its page shows, in a fixed number of queries."""
    return get_object_or_404(
        SupportPlan.objects.select_related("learner", "created_by").prefetch_related(
            "targets",
            "flags",
            Prefetch("actions", SupportAction.objects.select_related("owner")),
            Prefetch("notes", SupportNote.objects.select_related("author")),
        ),
        pk=plan_id,
    )


def family_summary(learner: User) -> list[dict]:
    """What the family may see of the plans shared with them, in plain language: the
    summary the staff wrote, the goal, the next review date and whether it is closed.
    (The family view may use this too.)"""
    return [
        {
            "summary": plan.family_summary,
            "goal": plan.goal,
            "review_on": plan.review_on,
            "closed": plan.status == SupportPlan.Status.CLOSED,
            "outcome": plan.outcome if plan.status == SupportPlan.Status.CLOSED else "",
            "targets": [t.human_coding_scheme for t in plan.targets.all()],
        }
        for plan in SupportPlan.objects.filter(learner=learner, shared_with_family=True)
        .prefetch_related("targets")
        .order_by("-created_at")
    ]


@dataclass(frozen=True)
class Freshness:
    computed_at: datetime | None
    run: SupportsRun | None

    @property
    def just_now(self) -> bool:
        return self.computed_at is not None and timezone.now() - self.computed_at < ONE_MINUTE

    @property
    def running(self) -> bool:
        return self.run is not None and self.run.finished_at is None and not self.run.error


def freshness(school: Organization | None) -> Freshness:
    if school is None:
        return Freshness(None, None)
    computed = LearnerPace.objects.filter(learner__organization=school).aggregate(
        latest=Max("computed_at")
    )["latest"]
    run = SupportsRun.objects.filter(school=school).first()
    if run is not None and run.finished_at and (computed is None or run.finished_at > computed):
        computed = run.finished_at
    return Freshness(computed, run)


def school_of(user: User) -> Organization | None:
    org = user.organization
    return org if org is not None and org.kind == "school" else None
