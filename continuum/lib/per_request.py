"""One lookup per request: a view's permission getter (see ``access.requires``) and the view
itself both need the same object, and should not load it twice."""

from collections.abc import Callable

from django.db.models import Model
from django.shortcuts import get_object_or_404


def per_request[T](request, key: str, load: Callable[[], T]) -> T:
    """`load()` the first time `key` is asked for during this request, the same object after."""
    if not hasattr(request, key):
        setattr(request, key, load())
    return getattr(request, key)


def cached[M: Model](request, model: type[M], pk: int, *related: str) -> M:
    """The object of ``model`` with primary key ``pk`` (404 if none), loaded once per
    request with ``related`` joined."""
    queryset = model._default_manager.select_related(*related)
    return per_request(
        request, f"_cached_{model.__name__}_{pk}", lambda: get_object_or_404(queryset, pk=pk)
    )
