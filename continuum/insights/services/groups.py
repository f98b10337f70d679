"""Forming, editing and dissolving flexible groups, and flagging them to dissolve.

Only an educator who teaches the section may change its groups; members must be enrolled
in it. A group is flagged to dissolve when every member is proficient or advanced on its
target (``group_flag_refresh``); the flag clears if a member falls back.
"""

from collections.abc import Iterable
from collections.abc import Set as AbstractSet
from datetime import datetime

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from continuum.evidence.models import Estimate
from continuum.frameworks.models import FrameworkItem, ItemKind
from continuum.insights.models import Group, GroupMembership
from continuum.people.models import Section, User

_CHUNK = 900  # learner ids per query, under every database's limit on query parameters


def _check(by: User, section: Section) -> None:
    if not by.has_perm("insights.manage_groups", section):
        raise PermissionDenied(_("Only an educator of this section may change its groups."))


def _members(section: Section, learner_ids: Iterable[int]) -> list[User]:
    wanted = {int(pk) for pk in learner_ids}
    if not wanted:
        raise ValidationError(_("Choose at least one learner for the group."))
    found = list(section.learners.filter(pk__in=wanted))
    if len(found) != len(wanted):
        raise ValidationError(_("Every member must be a learner enrolled in this section."))
    return found


@transaction.atomic
def group_create(
    *,
    section: Section,
    target: FrameworkItem,
    learner_ids: Iterable[int],
    created_by: User,
    now: datetime,
) -> Group:
    _check(created_by, section)
    if target.kind != ItemKind.TARGET:
        raise ValidationError(_("Groups are formed on a learning target."))
    members = _members(section, learner_ids)
    group = Group.objects.create(
        section=section, target=target, created_by=created_by, created_at=now
    )
    GroupMembership.objects.bulk_create(
        GroupMembership(group=group, learner=learner, added_at=now) for learner in members
    )
    group_flag_refresh(group=group, now=now)
    return group


@transaction.atomic
def group_members_set(
    *, group: Group, learner_ids: Iterable[int], by: User, now: datetime
) -> Group:
    """Replace the members of an active group (the educator's edit of a suggestion)."""
    _check(by, group.section)
    if group.status != Group.Status.ACTIVE:
        raise ValidationError(_("A dissolved group cannot be changed."))
    members = {learner.pk: learner for learner in _members(group.section, learner_ids)}
    group.memberships.exclude(learner_id__in=members).delete()
    present = set(group.memberships.values_list("learner_id", flat=True))
    GroupMembership.objects.bulk_create(
        GroupMembership(group=group, learner=learner, added_at=now)
        for pk, learner in members.items()
        if pk not in present
    )
    group_flag_refresh(group=group, now=now)
    return group


@transaction.atomic
def group_dissolve(*, group: Group, by: User, now: datetime) -> Group:
    _check(by, group.section)
    if group.status == Group.Status.DISSOLVED:
        raise ValidationError(_("This group is already dissolved."))
    group.status, group.dissolved_at = Group.Status.DISSOLVED, now
    group.save(update_fields=["status", "dissolved_at"])
    return group


def group_flag_refresh(*, group: Group, now: datetime) -> bool:
    """Flag the group to dissolve when every member is proficient on its target, clear
    the flag otherwise; returns whether it is flagged."""
    members = set(group.memberships.values_list("learner_id", flat=True))
    proficient = set(
        Estimate.objects.filter(learner_id__in=members, target_id=group.target_id)
        .at_least_proficient()
        .values_list("learner_id", flat=True)
    )
    flagged = bool(members) and members <= proficient
    if flagged and group.dissolve_flagged_at is None:
        group.dissolve_flagged_at = now
        group.save(update_fields=["dissolve_flagged_at"])
    elif not flagged and group.dissolve_flagged_at is not None:
        group.dissolve_flagged_at = None
        group.save(update_fields=["dissolve_flagged_at"])
    return flagged


def groups_flags_refresh(*, pairs: AbstractSet[tuple[int, int]], now: datetime) -> None:
    """After the estimates of these (learner id, target id) pairs changed (evidence, an
    override, a batch recompute): refresh every active group in which one of those learners
    is a member on that target."""
    learner_ids = sorted({learner_id for learner_id, _ in pairs})
    touched: set[int] = set()
    for start in range(0, len(learner_ids), _CHUNK):
        memberships = GroupMembership.objects.filter(
            group__status=Group.Status.ACTIVE, learner_id__in=learner_ids[start : start + _CHUNK]
        ).values_list("group_id", "learner_id", "group__target_id")
        touched |= {group for group, learner, target in memberships if (learner, target) in pairs}
    for group in Group.objects.filter(pk__in=touched).order_by("pk"):
        group_flag_refresh(group=group, now=now)
