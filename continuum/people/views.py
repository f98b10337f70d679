"""Sections and learners: thin views over people.selectors; password reset. (The home
page is the home app's: it reads what waits on each role in the apps above this one.)"""

from axes.utils import reset as axes_reset
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, render

from continuum.lib.access import requires
from continuum.people import selectors
from continuum.people.models import Role, Section, User


@requires("people.view_section")
def section_list(request):
    return render(
        request, "people/section_list.html", {"sections": selectors.section_list(user=request.user)}
    )


@requires("people.view_section")
def section_detail(request, section_id: int):
    try:
        section = selectors.section_get(user=request.user, section_id=section_id)
    except Section.DoesNotExist:
        raise Http404("No such section among yours.") from None
    return render(
        request,
        "people/section_detail.html",
        {"section": section, "roster": selectors.roster(section=section)},
    )


@login_required
def learner_list(request):
    if request.user.role == Role.LEARNER:
        raise PermissionDenied("Learners see their own page, not a list.")
    name = request.GET.get("name", "").strip()[:100]
    learners = selectors.learner_list_matching(user=request.user, name=name)
    return render(request, "people/learner_list.html", {"learners": learners, "name": name})


@login_required
def learner_detail(request, learner_id: int):
    learner = get_object_or_404(User, pk=learner_id, role=Role.LEARNER)
    if not request.user.has_perm("people.view_learner", learner):
        raise Http404("No such learner among yours.")  # as for a missing id: see lib/access.py
    return render(
        request,
        "people/learner_detail.html",
        {
            "learner": learner,
            # A partner's placement covers their own experience, not the learner's classes.
            "whole_record": (whole := request.user.has_perm("evidence.view_record", learner)),
            "sections": learner.sections_enrolled.select_related("school") if whole else [],
            "can_manage_data": request.user.has_perm("privacy.manage_learner_data", learner),
            "can_view_supports": request.user.has_perm("supports.view_supports", learner),
            "can_view_credentials": request.user.has_perm("credentials.view_credentials", learner),
        },
    )


class PasswordResetConfirmView(auth_views.PasswordResetConfirmView):
    """Django's, and a new password from the emailed link also lifts a sign-in lockout:
    whoever reset it has proved they own the account."""

    def form_valid(self, form):
        response = super().form_valid(form)
        axes_reset(username=form.user.get_username())
        return response
