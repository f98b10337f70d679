"""The navigation's badges (``selectors.badges``), signed in only.

Like the notifications count, the badges are a callable the template calls when it draws
the navigation, so an HTMX fragment costs no query; they are read at most once a request.
"""

from functools import cache

from continuum.home.selectors import badges_for


def nav_badges(request):
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}
    return {"nav_badges": cache(lambda: badges_for(user))}
