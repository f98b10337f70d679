"""The family view: every child of a guardian, one child, and the language switch.

Pages render in the reader's language as the middleware settled it: their choice
(User.preferred_language) when they made one, else their browser's. The switch saves that
choice and sets Django's language cookie so the rest of Continuum follows.
"""

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import translation
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_POST

from continuum.family import selectors
from continuum.family.services import preferred_language_set
from continuum.lib.access import requires
from continuum.people.public import learner_of


def _language(request) -> str:
    """The language the middleware settled: the cookie, else the saved choice, else the
    browser's."""
    codes = {code for code, _name in settings.LANGUAGES}
    language = getattr(request, "LANGUAGE_CODE", "")
    return language if language in codes else settings.LANGUAGE_CODE


def _render(request, context: dict):
    """Render the family page in the reader's language: their choice, else the browser's."""
    language = _language(request)
    with translation.override(language):
        response = render(
            request,
            "family/family.html",
            {**context, "LANGUAGE_CODE": language, "languages": settings.LANGUAGES},
        )
    response.headers["Content-Language"] = language
    return response


@requires("family.open_family_home")
def family_home(request):
    children = selectors.family_children(user=request.user)
    summaries = [selectors.family_summary(learner=child) for child in children]
    return _render(request, {"summaries": summaries, "single": False})


@requires("family.view_family", fn=learner_of)
def family_learner(request, learner_id: int):
    summary = selectors.family_summary(learner=learner_of(request, learner_id))
    return _render(request, {"summaries": [summary], "single": True})


@require_POST
@requires("family.choose_language")
def family_language(request):
    language = request.POST.get("language", "")
    target = request.POST.get("next", "")
    if not url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        target = reverse("home")
    try:
        preferred_language_set(user=request.user, language=language)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect(target)
    response = redirect(target)
    response.set_cookie(
        settings.LANGUAGE_COOKIE_NAME,
        language,
        max_age=settings.LANGUAGE_COOKIE_AGE,
        samesite="Lax",
        secure=request.is_secure(),
    )
    return response
