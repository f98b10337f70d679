"""The district admin's platform pages, and a linked course's page (its roster from the
LMS, mastery sent on demand) for the section's educators and the district admin."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from continuum.lti import selectors
from continuum.lti.forms import PlatformForm
from continuum.lti.services.grades import GradeSendError, mastery_send
from continuum.lti.services.platforms import (
    platform_register,
    platform_set_active,
    platform_update,
)
from continuum.lti.services.roster import RosterSyncError, roster_sync
from continuum.people.public import is_district_admin


def _admin_only(view):
    def guarded(request, *args, **kwargs):
        if not is_district_admin(request.user) or request.user.organization is None:
            raise PermissionDenied(_("LTI platforms are registered by district admins."))
        return view(request, *args, **kwargs)

    return login_required(guarded)


def _tool_urls(request) -> dict[str, str]:
    return {
        name: request.build_absolute_uri(reverse(f"lti_{name}"))
        for name in ("login", "launch", "jwks")
    }


def _save(request, form: PlatformForm, save) -> bool:
    if not form.is_valid():
        return False
    try:
        save(form.details())
    except ValidationError as error:
        form.add_error(None, error)
        return False
    return True


@_admin_only
@require_http_methods(["GET", "POST"])
def platform_list(request):
    """The district's LMS platforms, the tool's URLs to give each LMS, and a new one."""
    district = request.user.organization.district
    form = PlatformForm(request.POST or None)
    if request.method == "POST" and _save(
        request, form, lambda details: platform_register(by=request.user, details=details)
    ):
        messages.success(request, _("Platform registered."))
        return redirect("lti_platforms")
    context = {
        "form": form,
        "platforms": selectors.platform_list(district=district),
        "urls": _tool_urls(request),
    }
    return render(request, "lti/platforms.html", context, status=400 if form.errors else 200)


def _platform(request, platform_id: int):
    found = selectors.platform_get(
        district=request.user.organization.district, platform_id=platform_id
    )
    if found is None:
        raise Http404
    return found


@_admin_only
@require_http_methods(["GET", "POST"])
def platform_edit(request, platform_id: int):
    """Change a platform; its linked courses and its launches (the audit)."""
    platform = _platform(request, platform_id)
    form = PlatformForm(request.POST or None, initial=PlatformForm.initial_for(platform))
    if request.method == "POST" and _save(
        request,
        form,
        lambda details: platform_update(platform=platform, by=request.user, details=details),
    ):
        messages.success(request, _("Platform saved."))
        return redirect("lti_platform_edit", platform_id=platform.pk)
    context = {
        "platform": platform,
        "form": form,
        "courses": selectors.course_link_list(platform=platform),
        "launches": selectors.launch_list(platform=platform),
        "history": platform.history.select_related("history_user")[:20],
        "urls": _tool_urls(request),
    }
    return render(request, "lti/platform_edit.html", context, status=400 if form.errors else 200)


@_admin_only
@require_POST
def platform_toggle(request, platform_id: int):
    platform = _platform(request, platform_id)
    active = not platform.registration.is_active
    platform_set_active(platform=platform, by=request.user, active=active)
    messages.success(request, _("Launches turned on.") if active else _("Launches turned off."))
    return redirect("lti_platform_edit", platform_id=platform.pk)


def _course(request, link_id: int):
    link = selectors.course_link_get(link_id=link_id, user=request.user)
    if link is None:
        raise Http404
    return link


@login_required
@require_http_methods(["GET", "POST"])
def course_roster(request, link_id: int):
    """The LMS course's roster compared with Continuum's people (POST reads it again)."""
    link = _course(request, link_id)
    report, error = None, ""
    if request.method == "POST":
        try:
            report = roster_sync(link=link)
        except RosterSyncError as refusal:
            error = str(refusal)
    platform = link.context.deployment.registration.continuum_platform
    context = {"link": link, "report": report, "error": error, "platform": platform}
    return render(request, "lti/course.html", context, status=502 if error else 200)


@login_required
@require_POST
def course_mastery_send(request, link_id: int):
    """Send the section's mastery to the LMS gradebook now (when the platform allows)."""
    link = _course(request, link_id)
    try:
        sent = mastery_send(link=link)
    except GradeSendError as error:
        messages.error(request, str(error))
    else:
        messages.success(
            request,
            _("%(count)d scores sent to the LMS.") % {"count": sent.scores},
        )
    return redirect("lti_course", link_id=link.pk)
