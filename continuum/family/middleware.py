"""Use each signed-in person's saved language on every page.

Django's LocaleMiddleware picks a language from the URL, the language cookie or the
browser. This middleware, placed after AuthenticationMiddleware, gives a signed-in
person's ``preferred_language`` precedence over the browser (the cookie, set by the
family view's language switch, still wins because it is the newest choice).
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
