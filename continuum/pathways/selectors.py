"""Reads for pathways: the learner's goals, their plan with progress derived from
estimates, and the catalog. The targets a learner works on, with their statuses, are the
learner map's (``evidence/selectors/learner_map.py``)."""

from dataclasses import dataclass

from django.db.models import Prefetch, Q, QuerySet
from django.shortcuts import get_object_or_404

from continuum.evidence.models import Estimate
from continuum.frameworks.models import FrameworkItem
from continuum.frameworks.public import TARGET_ORDER, in_districts, in_target_order, target_visible
from continuum.mastery import Status
from continuum.pathways.models import (
    Goal,
    LearnerProfile,
    LearningExperience,
    LearningPlan,
    PlanItem,
)
from continuum.people.models import Role, User


def profile_get(*, learner: User) -> LearnerProfile:
    """The learner's profile, unsaved and empty when they have not written one."""
    return LearnerProfile.objects.filter(learner=learner).first() or LearnerProfile(learner=learner)


def goal_list(*, learner: User) -> QuerySet[Goal]:
    return (
        Goal.objects.filter(learner=learner)
        .select_related("created_by")
        .prefetch_related(in_target_order("targets"), "comments__author", "check_ins__author")
    )


def goal_get(*, goal_id: int) -> Goal:
    """A goal with what its page shows (targets, comments, check-ins and their authors)."""
    return get_object_or_404(
        Goal.objects.select_related("learner", "created_by").prefetch_related(
            in_target_order("targets"), "comments__author", "check_ins__author"
        ),
        pk=goal_id,
    )


@dataclass
class PlanRow:
    item: PlanItem
    status: Status

    @property
    def done(self) -> bool:
        """Done when the learner is proficient on the target, or when marked done."""
        return self.status >= Status.PROFICIENT or self.item.status == PlanItem.Status.DONE

    @property
    def shown_status(self) -> str:
        return str(PlanItem.Status.DONE.label if self.done else self.item.get_status_display())

    @property
    def shown_status_value(self) -> str:
        return PlanItem.Status.DONE if self.done else self.item.status


@dataclass
class PlanView:
    plan: LearningPlan
    rows: list[PlanRow]

    @property
    def active(self) -> list[PlanRow]:
        return [r for r in self.rows if r.item.status != PlanItem.Status.DROPPED]

    @property
    def dropped(self) -> list[PlanRow]:
        return [r for r in self.rows if r.item.status == PlanItem.Status.DROPPED]

    @property
    def done_count(self) -> int:
        return sum(r.done for r in self.active)


def plan_get(*, learner: User) -> PlanView:
    """The learner's plan (unsaved and empty if none) with each item's progress read from
    the learner's estimates now, so progress follows evidence as it arrives."""
    plan = LearningPlan.objects.filter(learner=learner).first() or LearningPlan(learner=learner)
    items = (
        list(
            plan.items.select_related("target", "experience", "experience__partner")
            # each step's "change experience" menu lists its target's experiences, only those
            # of the learner's districts (another district's catalog stays unseen)
            .prefetch_related(
                Prefetch(
                    "target__experiences",
                    experience_visible(user=learner).filter(active=True),
                )
            )
        )
        if plan.pk
        else []
    )
    estimates = {
        e.target_id: e
        for e in Estimate.objects.filter(learner=learner, target__in=[i.target_id for i in items])
    }
    rows = [
        PlanRow(
            i,
            Status(estimates[i.target_id].shown_status)
            if i.target_id in estimates
            else Status.NOT_STARTED,
        )
        for i in items
    ]
    return PlanView(plan, rows)


def plan_next_step(*, learner: User) -> PlanRow | None:
    """The first step of the learner's plan still to do, in the plan's order: not dropped,
    not marked done and not yet shown proficient (as ``PlanRow.done`` says); None when the
    plan is empty or finished. Two queries, for the learner's home page."""
    items = list(
        PlanItem.objects.filter(plan__learner=learner)
        .exclude(status__in=[PlanItem.Status.DROPPED, PlanItem.Status.DONE])
        .select_related("target", "experience")
    )
    estimates = {
        e.target_id: e
        for e in Estimate.objects.filter(learner=learner, target__in=[i.target_id for i in items])
    }
    for item in items:
        estimate = estimates.get(item.target_id)
        row = PlanRow(item, Status(estimate.shown_status) if estimate else Status.NOT_STARTED)
        if not row.done:
            return row
    return None


def experience_visible(*, user: User) -> QuerySet[LearningExperience]:
    """The catalog as ``user`` sees it: their districts' entries (any school's) and
    platform-wide ones (no organization). Decision 0009: districts are tenants."""
    if user.is_superuser:
        return LearningExperience.objects.all()
    return LearningExperience.objects.filter(
        Q(organization__isnull=True) | in_districts(user, "organization")
    )


def experience_target_choices(*, user: User) -> QuerySet[FrameworkItem]:
    """The targets a curator may tag an experience with: those of frameworks they may read,
    in the one target order."""
    return target_visible(user=user).order_by(*TARGET_ORDER)


def experience_get(*, experience_id: int, user: User) -> LearningExperience:
    """One entry the user may see; 404 for another district's, as for a missing one."""
    return get_object_or_404(
        experience_visible(user=user).select_related("partner", "organization"), pk=experience_id
    )


def experience_list(
    *,
    user: User,
    target: FrameworkItem | None = None,
    interest: str = "",
    setting: str = "",
    partner: User | None = None,
    include_inactive: bool = False,
) -> QuerySet[LearningExperience]:
    found = (
        experience_visible(user=user)
        .select_related("partner")
        .prefetch_related(in_target_order("targets"))
    )
    if not include_inactive:
        found = found.filter(active=True)
    if target is not None:
        found = found.filter(targets=target)
    if setting:
        found = found.filter(setting=setting)
    if partner is not None:
        found = found.filter(partner=partner)
    if interest:
        tag = interest.strip().lower()
        # JSON containment is not on SQLite; filter the (small) catalog in Python.
        ids = [e.pk for e in found if tag in e.interests]
        found = found.filter(pk__in=ids)
    return found


def catalog_interests(*, user: User) -> list[str]:
    tags: set[str] = set()
    for interests in (
        experience_visible(user=user).filter(active=True).values_list("interests", flat=True)
    ):
        tags.update(interests)
    return sorted(tags)


def catalog_targets(*, user: User) -> QuerySet[FrameworkItem]:
    visible = experience_visible(user=user).filter(active=True)
    return FrameworkItem.objects.filter(experiences__in=visible).distinct().order_by(*TARGET_ORDER)


def partner_list(*, user: User) -> QuerySet[User]:
    """Community partners with active opportunities the user may see, each with those."""
    offered = experience_visible(user=user).filter(active=True)
    return (
        User.objects.filter(role=Role.PARTNER, opportunities__in=offered)
        .distinct()
        .prefetch_related(Prefetch("opportunities", queryset=offered.prefetch_related("targets")))
        .order_by("last_name", "first_name", "username")
    )


def experiences_for_interests(
    *, learner: User, interests: list[str], limit: int = 6
) -> list[LearningExperience]:
    """Active experiences of the learner's district that fit any of the interests, those
    fitting most first."""
    tags = set(interests)
    if not tags:
        return []
    found = [
        e
        for e in experience_visible(user=learner).filter(active=True).select_related("partner")
        if tags & set(e.interests)
    ]
    found.sort(key=lambda e: (-len(tags & set(e.interests)), e.title, e.pk))
    return found[:limit]
