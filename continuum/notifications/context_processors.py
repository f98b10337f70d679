"""The unread count for the navigation badge, signed in only.

The count is a callable the template calls when it shows the badge, so a page that never
shows it (or an HTMX fragment) costs no query; it is counted at most once per request.
"""

from functools import cache

from continuum.notifications.selectors import unread_count


def unread_notifications(request):
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}
    return {"unread_notifications": cache(lambda: unread_count(user=user))}
