"""One decorator for every protected view: sign in first, then the permission.

Anonymous visitors are sent to sign in; signed-in people without the permission get
403 and a page that says so (never a login loop).
"""

from collections.abc import Callable

from django.contrib.auth.decorators import login_required
from rules.contrib.views import permission_required


def requires(permission: str, fn: Callable | None = None) -> Callable:
    """``@requires("app.perm")`` or ``@requires("app.perm", fn=object_getter)``."""

    def decorate(view: Callable) -> Callable:
        return login_required(permission_required(permission, fn=fn, raise_exception=True)(view))

    return decorate
