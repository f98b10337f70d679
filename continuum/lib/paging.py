"""One way to page a long list on a page: the rows of ``?page=N`` and the query string that
keeps the other filters when the reader moves to the next page."""

from dataclasses import dataclass

from django.core.paginator import Page, Paginator
from django.http import HttpRequest


@dataclass(frozen=True)
class Paged:
    page: Page
    query: str  # the request's query string without ``page``, for the page links


def paged(request: HttpRequest, rows, *, size: int) -> Paged:
    """A page that always exists: a missing, malformed or too large number gives the nearest
    page rather than an error."""
    query = request.GET.copy()
    query.pop("page", None)
    return Paged(Paginator(rows, size).get_page(request.GET.get("page")), query.urlencode())
