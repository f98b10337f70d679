"""Reads for flexible groups: a section's groups, suggestions and the tracking monitor."""

from dataclasses import dataclass
from datetime import datetime, timedelta

from django.db.models import Prefetch, QuerySet

from continuum.evidence.models import Estimate, EstimateStatus
from continuum.frameworks.models import FrameworkItem
from continuum.insights.models import Group, GroupMembership
from continuum.mastery import Status
from continuum.mastery.grouping import (
    NEEDS,
    Grouping,
    Need,
    SuggestedGroup,
    TrackingWarning,
    suggested_groups,
    tracking_warnings,
)
from continuum.people.models import Section, User

# The anti-tracking monitor's settings (docs/decisions/0007-anti-tracking-overlap.md).
TRACKING_WEEKS = 8
TRACKING_THRESHOLD = 0.6
TRACKING_MIN_LEARNERS = 3
TRACKING_MIN_TARGETS = 3
# Small-group instruction: groups of three to six learners.
GROUP_MINIMUM = 3
GROUP_MAXIMUM = 6


def group_list(*, section: Section, status: str = Group.Status.ACTIVE) -> QuerySet[Group]:
    members = GroupMembership.objects.select_related("learner").order_by(
        "learner__last_name", "learner__first_name"
    )
    return (
        Group.objects.filter(section=section, status=status)
        .select_related("target", "created_by")
        .prefetch_related(Prefetch("memberships", queryset=members))
    )


def group_get(*, group_id: int) -> Group:
    return Group.objects.select_related("section__school", "target", "created_by").get(pk=group_id)


@dataclass(frozen=True)
class Member:
    learner: User
    status: EstimateStatus
    level: float | None

    @property
    def css(self) -> str:
        return self.status.slug


def group_members(*, group: Group) -> list[Member]:
    """The members with their current shown status on the group's target."""
    learners = list(group.learners.order_by("last_name", "first_name", "pk"))
    found = {
        learner_id: (EstimateStatus(status), level)
        for learner_id, status, level in Estimate.objects.filter(
            learner__in=learners, target=group.target
        )
        .with_shown()
        .values_list("learner_id", "shown", "level_shown")
    }
    not_started = (EstimateStatus.NOT_STARTED, None)
    return [Member(learner, *found.get(learner.pk, not_started)) for learner in learners]


def section_needs(
    *, section: Section, target: FrameworkItem
) -> list[tuple[User, EstimateStatus, float | None]]:
    """Learners of the section who are not yet or approaching on the target, lowest first."""
    learners = {learner.pk: learner for learner in section.learners.all()}
    rows = (
        Estimate.objects.filter(learner__in=list(learners), target=target)
        .with_shown()
        .filter(shown__in=NEEDS)
        .values_list("learner_id", "shown", "level_shown")
    )
    return sorted(
        ((learners[pk], EstimateStatus(status), level) for pk, status, level in rows),
        key=lambda need: (NEEDS.index(need[1]), need[2] or 0.0, need[0].last_name),
    )


@dataclass(frozen=True)
class Suggestion:
    target: FrameworkItem
    groups: list[tuple[SuggestedGroup, list[User]]]
    unplaced: list[User]


def group_suggestions(*, section: Section, targets: list[FrameworkItem]) -> list[Suggestion]:
    """Suggested groups on each target for the learners not already in an active group on
    it, from stored estimates (one query for the estimates, one for active groups)."""
    learners = {learner.pk: learner for learner in section.learners.all()}
    grouped = set(
        GroupMembership.objects.filter(
            group__section=section, group__status=Group.Status.ACTIVE, group__target__in=targets
        ).values_list("group__target_id", "learner_id")
    )
    needs: dict[int, list[Need]] = {target.pk: [] for target in targets}
    rows = (
        Estimate.objects.filter(learner__in=list(learners), target__in=targets)
        .with_shown()
        .filter(shown__in=NEEDS)
        .values_list("learner_id", "target_id", "shown", "level_shown")
    )
    for learner_id, target_id, status, level in rows:
        if (target_id, learner_id) not in grouped:
            needs[target_id].append(Need(learner_id, Status(status), level))
    found = []
    for target in targets:
        suggestions = suggested_groups(
            target.pk, needs[target.pk], minimum=GROUP_MINIMUM, maximum=GROUP_MAXIMUM
        )
        if suggestions.groups:
            groups = [(g, [learners[pk] for pk in g.learners]) for g in suggestions.groups]
            unplaced = [learners[pk] for pk in suggestions.unplaced]
            found.append(Suggestion(target, groups, unplaced))
    return found


@dataclass(frozen=True)
class Warning:
    learners: list[User]
    targets: list[FrameworkItem]
    overlap: float
    groups: int


def section_tracking_warnings(*, section: Section, now: datetime) -> list[Warning]:
    """The anti-tracking monitor over the section's groups (active or dissolved) formed in
    the last ``TRACKING_WEEKS`` weeks."""
    since = now - timedelta(weeks=TRACKING_WEEKS)
    groups = list(
        Group.objects.filter(section=section, created_at__gte=since)
        .select_related("target")
        .prefetch_related("memberships")
    )
    groupings = [
        Grouping(
            group=g.pk,
            target=g.target_id,
            learners=frozenset(m.learner_id for m in g.memberships.all()),
            formed_on=g.created_at.date(),
        )
        for g in groups
    ]
    found: list[TrackingWarning] = tracking_warnings(
        groupings,
        threshold=TRACKING_THRESHOLD,
        min_learners=TRACKING_MIN_LEARNERS,
        min_targets=TRACKING_MIN_TARGETS,
    )
    if not found:
        return []
    people = User.objects.in_bulk({pk for w in found for pk in w.learners})
    targets = {g.target_id: g.target for g in groups}
    return [
        Warning(
            learners=[people[pk] for pk in w.learners],
            targets=[targets[pk] for pk in w.targets],
            overlap=w.overlap,
            groups=len(w.groups),
        )
        for w in found
    ]
