"""Forming, editing and dissolving flexible groups, and flagging them to dissolve.

Only an educator who teaches the section may change its groups; members must be enrolled
in it. A group is flagged to dissolve when every member is proficient or advanced on its
target (``group_flag_refresh``); the flag clears if a member falls back.
"""

from collections.abc import Iterable
from datetime import datetime

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from continuum.evidence.models import Estimate
from continuum.frameworks.models import FrameworkItem, ItemKind
from continuum.insights.models import Group, GroupMembership
from continuum.people.models import Section, User


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


def groups_flags_refresh(*, learner_ids: Iterable[int], now: datetime) -> None:
    """After a batch recompute: refresh every active group with one of these learners."""
    for group in Group.objects.filter(
        status=Group.Status.ACTIVE, memberships__learner_id__in=list(learner_ids)
    ).distinct():
        group_flag_refresh(group=group, now=now)


def group_flags_refresh_for(*, learner_id: int, target_id: int, now: datetime) -> None:
    """After a learner's estimate on a target changed: refresh their active groups on it."""
    for group in Group.objects.filter(
        status=Group.Status.ACTIVE, target_id=target_id, memberships__learner_id=learner_id
    ):
        group_flag_refresh(group=group, now=now)
