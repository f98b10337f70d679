"""What the LMS reaches, without a Continuum session: the key set, the OIDC login and the
launch; then the launched person's pages: linking the course, placing deep links.

The platform reaches /lti/jwks.json, /lti/login/ and /lti/launch/ anonymously (the
browser is the platform's, not yet signed in to Continuum): they are CSRF-exempt and
trust nothing but what they verify. A valid launch signs the matched person in; nobody
is created.
"""

from django.contrib.auth import login
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_http_methods, require_POST
from lti_tool.models import LtiContext, LtiLaunch
from pylti1p3.contrib.django import DjangoMessageLaunch
from pylti1p3.exception import LtiException

from continuum.evidence.models import Assessment
from continuum.frameworks.public import target_visible
from continuum.lti import selectors
from continuum.lti.middleware import FRAME_ORIGIN, allow_framing
from continuum.lti.services.deep_linking import (
    CUSTOM_ASSESSMENT,
    CUSTOM_TARGET,
    deep_link_choices,
    deep_link_response,
)
from continuum.lti.services.launches import (
    Landing,
    LaunchRefusedError,
    course_link,
    launch_receive,
    login_redirect,
    section_for,
)
from continuum.lti.storage import DatabaseLaunchStorage, DistrictToolConfig
from continuum.people.models import Role, Section

LAUNCH_ID = "lti_launch_id"
CONTEXT_ID = "lti_context_id"


def _refused(request: HttpRequest, reason: str, status: int = 400) -> HttpResponse:
    return render(request, "lti/refused.html", {"reason": reason}, status=status)


@require_GET
def jwks(request: HttpRequest) -> JsonResponse:
    return JsonResponse(selectors.public_key_set())


@csrf_exempt
@require_http_methods(["GET", "POST"])
def oidc_login(request: HttpRequest) -> HttpResponse:
    """Third-party initiated login: answer with the redirect to the platform's OIDC
    authorization endpoint (state and nonce), which posts the id_token to the launch."""
    try:
        return login_redirect(
            request=request, launch_url=request.build_absolute_uri(reverse("lti_launch"))
        )
    except LaunchRefusedError as error:
        return _refused(request, str(error))


@csrf_exempt
@require_POST
def launch(request: HttpRequest) -> HttpResponse:
    try:
        landing = launch_receive(request=request)
    except LaunchRefusedError as error:
        response = _refused(request, str(error))
        if error.frame_origin:
            allow_framing(response, error.frame_origin)
        return response
    if landing.person is None:
        response = render(request, "lti/no_person.html", {"landing": landing}, status=403)
        allow_framing(response, landing.platform.frame_origin)
        return response
    login(request, landing.person, backend="django.contrib.auth.backends.ModelBackend")
    request.session[FRAME_ORIGIN] = landing.platform.frame_origin
    request.session[LAUNCH_ID] = landing.launch.get_launch_id()
    request.session[CONTEXT_ID] = landing.context.pk if landing.context else None
    return redirect(_landing_url(landing))


def _landing_url(landing: Landing) -> str:
    person, launch, section = landing.person, landing.launch, landing.section
    assert person is not None
    if launch.is_deep_link_launch:
        return reverse("lti_deep_link" if section else "lti_course_link")
    if identifier := launch.get_custom_claim(CUSTOM_TARGET):
        target = (
            target_visible(user=person)
            .filter(identifier=identifier)
            .order_by("-version__number")
            .first()
        )
        if target is not None:
            return reverse("item_detail", args=[target.pk])
    assessment_id = launch.get_custom_claim(CUSTOM_ASSESSMENT) or ""
    if assessment_id.isdigit() and Assessment.objects.filter(pk=assessment_id).exists():
        page = "assessment_take" if person.role == Role.LEARNER else "assessment_detail"
        return reverse(page, args=[int(assessment_id)])
    if person.role == Role.LEARNER:
        return reverse("learner_dashboard", args=[person.pk])
    if section is not None:
        return reverse("gradebook_section", args=[section.pk])
    if person.role == Role.EDUCATOR:
        return reverse("lti_course_link")
    return reverse("home")


def _launched_context(request: HttpRequest) -> LtiContext:
    context_id = request.session.get(CONTEXT_ID)
    context = (
        LtiContext.objects.select_related("deployment__registration__continuum_platform")
        .filter(pk=context_id)
        .first()
        if context_id
        else None
    )
    if context is None:
        raise PermissionDenied(_("Open this page from a course in your LMS."))
    return context


@login_required
@require_http_methods(["GET", "POST"])
def course_link_view(request) -> HttpResponse:
    """An educator links the launched LMS course to one of their sections, once."""
    context = _launched_context(request)
    platform = context.deployment.registration.continuum_platform
    linked = section_for(platform=platform, context=context)
    if linked is not None:
        return redirect("gradebook_section", section_id=linked.pk)
    sections = Section.objects.filter(
        educators=request.user, school__parent=platform.district
    ).select_related("school")
    error = ""
    if request.method == "POST":
        section = sections.filter(pk=request.POST.get("section") or 0).first()
        if section is None:
            error = _("Choose one of your sections.")
        else:
            try:
                course_link(context=context, section=section, by=request.user)
            except LaunchRefusedError as refusal:
                error = str(refusal)
            else:
                return redirect("gradebook_section", section_id=section.pk)
    page = {"context": context, "sections": sections, "error": error}
    return render(request, "lti/course_link.html", page, status=400 if error else 200)


def _deep_link_launch(request: HttpRequest) -> LtiLaunch:
    launch_id = request.session.get(LAUNCH_ID)
    if not launch_id:
        raise PermissionDenied(_("Open this page from your LMS's “add content” button."))
    try:
        message_launch = DjangoMessageLaunch.from_cache(
            launch_id, request, DistrictToolConfig(), launch_data_storage=DatabaseLaunchStorage()
        )
    except LtiException as error:
        raise PermissionDenied(_("This launch has expired: start again from the LMS.")) from error
    launch = LtiLaunch(message_launch)
    if not launch.is_deep_link_launch:
        raise PermissionDenied(_("Open this page from your LMS's “add content” button."))
    return launch


@login_required
@require_http_methods(["GET", "POST"])
def deep_link(request) -> HttpResponse:
    """An educator picks targets or assessments of the section; the answer is the signed
    LtiDeepLinkingResponse, posted back to the LMS by a button."""
    launch = _deep_link_launch(request)
    context = _launched_context(request)
    platform = context.deployment.registration.continuum_platform
    section = section_for(platform=platform, context=context)
    if section is None:
        return redirect("lti_course_link")
    if not section.educators.filter(pk=request.user.pk).exists():
        raise PermissionDenied(_("Only the section's educators place its content in the LMS."))
    choices = deep_link_choices(
        section=section, user=request.user, framework_id=request.GET.get("framework")
    )
    error = ""
    if request.method == "POST":
        try:
            token, return_url = deep_link_response(
                launch=launch,
                choices=choices,
                target_ids=_ids(request.POST.getlist("target")),
                assessment_ids=_ids(request.POST.getlist("assessment")),
                base_url=request.build_absolute_uri("/").rstrip("/"),
            )
        except ValueError as refusal:
            error = str(refusal)
        else:
            response = render(
                request, "lti/deep_link_return.html", {"jwt": token, "return_url": return_url}
            )
            allow_framing(response, platform.frame_origin, form_action=_origin(return_url))
            return response
    page = {"section": section, "choices": choices, "error": error}
    return render(request, "lti/deep_link.html", page, status=400 if error else 200)


def _ids(values: list[str]) -> list[int]:
    if not all(value.isdigit() for value in values):
        raise ValueError("Choose targets and assessments of this section only.")
    return [int(value) for value in values]


def _origin(url: str) -> str:
    scheme, _sep, rest = url.partition("://")
    return f"{scheme}://{rest.split('/', 1)[0]}"
