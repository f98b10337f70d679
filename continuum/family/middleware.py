"""Use a signed-in person's chosen language on every page; otherwise follow the browser.

Django's LocaleMiddleware picks a language from the URL, the language cookie or the
browser (Accept-Language). This middleware, placed after AuthenticationMiddleware, gives
a language the person chose (``preferred_language``, saved by the family view's language
switch) precedence over the browser. An empty ``preferred_language`` — every new account —
means no choice yet, so the browser's language stands. The cookie, set by the same switch,
still wins because it is the newest choice.
"""

from django.conf import settings
from django.utils import translation


class PreferredLanguageMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response
        self.codes = {code for code, _name in settings.LANGUAGES}

    def __call__(self, request):
        user = getattr(request, "user", None)
        chosen = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME)
        if user is not None and user.is_authenticated and chosen not in self.codes:
            language = user.preferred_language
            if language in self.codes:
                translation.activate(language)
                request.LANGUAGE_CODE = language
        return self.get_response(request)
