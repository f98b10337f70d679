"""One lookup per request: a view's permission getter (see ``access.requires``) and the view
itself both need the same object, and should not load it twice."""

from collections.abc import Callable


def per_request[T](request, key: str, load: Callable[[], T]) -> T:
    """`load()` the first time `key` is asked for during this request, the same object after."""
    if not hasattr(request, key):
        setattr(request, key, load())
    return getattr(request, key)
