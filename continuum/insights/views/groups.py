"""Flexible groups: suggestions by shared need, forming and editing groups, dissolving them,
and the anti-tracking monitor. Seeing a section's groups follows ``insights.view_section``;
changing them needs ``insights.manage_groups`` (an educator of the section)."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from continuum.evidence.public import gradebook_framework_list
from continuum.frameworks.models import FrameworkItem, ItemKind
from continuum.frameworks.public import target_visible
from continuum.insights.models import Group
from continuum.insights.selectors import groups as selectors
from continuum.insights.selectors.heatmap import section_heatmap
from continuum.insights.services import groups as services
from continuum.insights.views.heatmap import section_of
from continuum.lib.access import requires
from continuum.lib.outcomes import attempted

SUGGESTED_TARGETS = 5


def group_of(request, group_id: int, **kwargs) -> Group:
    if not hasattr(request, "_insights_group"):
        try:
            request._insights_group = selectors.group_get(group_id=group_id)
        except Group.DoesNotExist:
            raise Http404(_("No such group.")) from None
    return request._insights_group


def group_section(request, group_id: int, **kwargs):
    return group_of(request, group_id).section


def _targets(request, section) -> list[FrameworkItem]:
    """The chosen target, or the section's targets where most struggle."""
    chosen = request.GET.get("target")
    if chosen and chosen.isdigit():
        return [get_object_or_404(target_visible(user=request.user), pk=int(chosen))]
    frameworks = gradebook_framework_list(section=section)
    if not frameworks:
        return []
    heatmap = section_heatmap(section=section, framework=frameworks[0])
    return [target for _, target in heatmap.struggles[:SUGGESTED_TARGETS]]


@requires("insights.view_section", fn=section_of)
def section_groups(request, section_id: int):
    section = section_of(request, section_id)
    can_manage = request.user.has_perm("insights.manage_groups", section)
    context = {
        "section": section,
        "groups": selectors.group_list(section=section),
        "suggestions": selectors.group_suggestions(
            section=section, targets=_targets(request, section)
        )
        if can_manage
        else [],
        "warnings": selectors.section_tracking_warnings(section=section, now=timezone.now()),
        "can_manage": can_manage,
        "tracking": {
            "weeks": selectors.TRACKING_WEEKS,
            "threshold": selectors.TRACKING_THRESHOLD,
            "targets": selectors.TRACKING_MIN_TARGETS,
        },
        "sizes": (selectors.GROUP_MINIMUM, selectors.GROUP_MAXIMUM),
    }
    return render(request, "insights/groups.html", context)


@require_POST
@requires("insights.manage_groups", fn=section_of)
def group_create(request, section_id: int):
    section = section_of(request, section_id)
    target_id = request.POST.get("target", "")
    target = FrameworkItem.objects.filter(
        pk=int(target_id) if target_id.isdigit() else 0, kind=ItemKind.TARGET
    ).first()
    back = reverse("insights_groups", args=[section.pk])
    if target is None:
        messages.error(request, _("No group formed: choose a learning target."))
        return redirect(back)
    try:
        group = services.group_create(
            section=section,
            target=target,
            learner_ids=_ids(request),
            created_by=request.user,
            now=timezone.now(),
        )
    except ValidationError as error:
        messages.error(request, _("No group formed: %s") % " ".join(error.messages))
        return redirect(f"{back}?target={target.pk}")
    messages.success(
        request,
        _("Group formed on %(target)s with %(count)d learners.")
        % {"target": target.human_coding_scheme, "count": group.memberships.count()},
    )
    return redirect("insights_group_detail", group.pk)


def _ids(request) -> list[int]:
    return [int(value) for value in request.POST.getlist("learner") if value.isdigit()]


@requires("insights.view_section", fn=group_section)
def group_detail(request, group_id: int):
    group = group_of(request, group_id)
    can_manage = request.user.has_perm("insights.manage_groups", group.section)
    members = selectors.group_members(group=group)
    context = {
        "group": group,
        "members": members,
        "can_manage": can_manage and group.status == Group.Status.ACTIVE,
        "candidates": selectors.section_needs(section=group.section, target=group.target)
        if can_manage
        else [],
        "member_ids": {member.learner.pk for member in members},
    }
    return render(request, "insights/group_detail.html", context)


@require_POST
@requires("insights.manage_groups", fn=group_section)
def group_members(request, group_id: int):
    group = group_of(request, group_id)
    try:
        services.group_members_set(
            group=group, learner_ids=_ids(request), by=request.user, now=timezone.now()
        )
    except ValidationError as error:
        messages.error(request, _("The group was not changed: %s") % " ".join(error.messages))
    else:
        messages.success(request, _("The group's members were saved."))
    return redirect("insights_group_detail", group.pk)


@require_POST
@requires("insights.manage_groups", fn=group_section)
def group_dissolve(request, group_id: int):
    group = group_of(request, group_id)
    if attempted(
        request,
        lambda: services.group_dissolve(group=group, by=request.user, now=timezone.now()),
        _("The group on %s was dissolved.") % group.target.human_coding_scheme,
    ):
        return redirect("insights_groups", group.section.pk)
    return redirect("insights_group_detail", group.pk)
