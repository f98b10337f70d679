"""Every URL × every role: allowed roles get the page, everyone else is refused."""

import importlib
import pkgutil

import pytest
from django.db import transaction
from django.urls import URLPattern, URLResolver, get_resolver, reverse

import tests.access
from tests.access import ACTORS, ROLES, Case

# Django's own admin guards itself (staff only) and is not a product page; it has one
# explicit case below rather than a case per model.
_SKIPPED_NAMESPACES = {"admin"}


def _modules():
    for info in pkgutil.iter_modules(tests.access.__path__):
        yield importlib.import_module(f"tests.access.{info.name}")


CASES: list[Case] = [case for module in _modules() for case in getattr(module, "CASES", [])]


def _pattern_names(resolver: URLResolver, namespace: str = "") -> set[str]:
    names = set()
    for entry in resolver.url_patterns:
        if isinstance(entry, URLResolver):
            if entry.namespace in _SKIPPED_NAMESPACES:
                continue
            inner = f"{namespace}{entry.namespace}:" if entry.namespace else namespace
            names |= _pattern_names(entry, inner)
        elif isinstance(entry, URLPattern):
            if entry.name is None:
                raise AssertionError(f"URL pattern {entry.pattern} has no name")
            names.add(f"{namespace}{entry.name}")
    return names


def test_every_url_has_an_access_case():
    covered = {case.url_name for case in CASES}
    missing = _pattern_names(get_resolver()) - covered
    assert not missing, f"URL patterns with no authorization case: {sorted(missing)}"


@pytest.fixture
def access_world(world):
    for module in _modules():
        populate = getattr(module, "populate", None)
        if populate:
            populate(world)
    return world


def _refusal(client, world, case: Case, role: str) -> str | None:
    """Why this role's request went wrong, or None when it was allowed or refused rightly."""
    client.logout()
    if role != "anonymous":
        client.force_login(world[ACTORS[role]])
    url = reverse(case.url_name, kwargs=case.kwargs(world))
    data = case.data(world) if callable(case.data) else case.data
    response = getattr(client, case.method)(url, data=data)
    status = response.status_code
    if role in case.allowed:
        return None if status in case.ok_status else f"{role} should reach {url}, got {status}"
    if role == "anonymous":
        if status == 401 or (status == 302 and response["Location"].startswith(reverse("login"))):
            return None
        return f"anonymous must be sent to sign in: {url}, got {status}"
    return None if status in {403, 404} else f"{role} must be refused {url}, got {status}"


# One world per case, every role in it: each role's request runs in a savepoint that is
# rolled back, so an allowed POST cannot change what the next role meets. (Building the
# world once per role made this matrix most of the suite's time.)
@pytest.mark.parametrize("case", CASES, ids=lambda case: case.id)
def test_every_role_is_allowed_or_refused(client, access_world, case):
    failures = []
    for role in ROLES:
        with transaction.atomic():
            failures.append(_refusal(client, access_world, case, role))
            transaction.set_rollback(True)
    assert not [failure for failure in failures if failure]


def test_django_admin_is_for_superusers_only(client, access_world):
    client.force_login(access_world["ada"])
    assert client.get("/django-admin/").status_code == 302
