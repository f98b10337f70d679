"""One decorator for every protected view: sign in first, then the permission.

Anonymous visitors are sent to sign in. A signed-in person refused a permission that needs
no object gets 403 and a page that says so (never a login loop). A person refused an object
gets 404, exactly as for an id that does not exist: a 403 would tell them which ids exist
(which learners, plans, artifacts), and that is itself information about children.
"""

from collections.abc import Callable
from functools import wraps

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404

_HIDDEN = "Nothing here, or nothing you can see."


def requires(permission: str, fn: Callable | None = None) -> Callable:
    """``@requires("app.perm")`` or ``@requires("app.perm", fn=object_getter)``.

    ``fn(request, **kwargs)`` returns the object the permission is checked against; it may
    raise ``Http404`` or ``PermissionDenied`` for an id that is missing or of the wrong kind,
    and both become the same 404.
    """

    def decorate(view: Callable) -> Callable:
        @wraps(view)
        def guarded(request, *args, **kwargs):
            if fn is None:
                if not request.user.has_perm(permission):
                    raise PermissionDenied
                return view(request, *args, **kwargs)
            try:
                obj = fn(request, *args, **kwargs)
            except PermissionDenied:
                raise Http404(_HIDDEN) from None
            if not request.user.has_perm(permission, obj):
                raise Http404(_HIDDEN)
            return view(request, *args, **kwargs)

        return login_required(guarded)

    return decorate
