"""What the privacy app offers the other apps (their only way in besides ``models``).

- ``disclose``: record that someone read learners' records (or a CASE package).
- ``disclosed_items``: wrap a paginated API list so each learner in the page is recorded.

Pages whose URL names a learner are recorded by ``middleware.DisclosureMiddleware`` without
any call; see registry.py for pages that name another learner-owned object.
"""

from collections.abc import Callable, Iterable
from functools import wraps
from typing import Any

from continuum.privacy.services.disclosures import disclosure_record

__all__ = ["disclose", "disclosed_items"]


def disclose(*, actor, learners: Iterable[int] = (), via: str, what: str, **details: str) -> int:
    """Record one disclosure per learner (or one with no learner when ``subject`` says what
    was read, e.g. a CASE package), in one insert; ``details`` are ``record``, ``path``,
    ``subject`` and ``reason``. Reads by a learner of their own record are not disclosures
    and are skipped. Returns the number of rows written."""
    return disclosure_record(actor=actor, learner_ids=learners, via=via, what=what, **details)


def disclosed_items(record: str) -> Callable:
    """Decorator for a django-ninja list placed above ``@paginate``: after the page is cut,
    each learner in it (``item.learner_id``) is recorded as disclosed to ``request.auth``."""

    def decorate(view: Callable) -> Callable:
        @wraps(view)
        def wrapper(request, **kwargs: Any):
            result = view(request, **kwargs)
            page = getattr(result, "value", result)
            if isinstance(page, dict) and isinstance(page.get("items"), list):
                disclose(
                    actor=getattr(request, "auth", None) or request.user,
                    learners={item.learner_id for item in page["items"]},
                    via="api",
                    what=f"{request.method} {request.path}",
                    record=record,
                    path=request.get_full_path()[:500],
                )
            return result

        return wrapper

    return decorate
