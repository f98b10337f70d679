"""A signed-in person's saved language wins over the browser's; the cookie wins over both."""

from django.conf import settings
from django.http import HttpResponse
from django.test import RequestFactory
from django.utils import translation

from continuum.family.middleware import PreferredLanguageMiddleware


def _language_seen(user, cookie: str | None = None) -> str:
    request = RequestFactory().get("/", HTTP_ACCEPT_LANGUAGE="en")
    request.user = user
    if cookie:
        request.COOKIES[settings.LANGUAGE_COOKIE_NAME] = cookie
    seen = []

    def view(request):
        seen.append(translation.get_language())
        return HttpResponse()

    with translation.override("en"):
        PreferredLanguageMiddleware(view)(request)
    return seen[0]


def test_the_saved_language_is_used(world):
    world["gabe"].preferred_language = "es"
    assert _language_seen(world["gabe"]) == "es"


def test_the_language_cookie_is_the_newest_choice(world):
    world["gabe"].preferred_language = "es"
    assert _language_seen(world["gabe"], cookie="en") == "en"


def test_an_unknown_saved_language_is_ignored(world):
    world["gabe"].preferred_language = "tlh"
    assert _language_seen(world["gabe"]) == "en"


def test_no_saved_language_follows_the_browser(world):
    world["gabe"].preferred_language = ""
    request = RequestFactory().get("/", HTTP_ACCEPT_LANGUAGE="es")
    request.user = world["gabe"]
    seen = []

    def view(request):
        seen.append(translation.get_language())
        return HttpResponse()

    with translation.override("es"):  # what LocaleMiddleware settled from the browser
        PreferredLanguageMiddleware(view)(request)
    assert seen == ["es"]
