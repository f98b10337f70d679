"""Shared test set-up: the PostgreSQL switch and the named people of Maple Grove.

``pytest --postgres`` runs the suite on a throwaway PostgreSQL cluster the suite starts
itself; with CI=true a missing PostgreSQL fails the run instead of skipping it.
"""

import contextlib
import os
from datetime import timedelta
from typing import cast

import dj_database_url
import pytest

_cluster = contextlib.ExitStack()
_URL_VARIABLE = "CONTINUUM_TEST_DATABASE_URL"


def pytest_addoption(parser):
    parser.addoption(
        "--postgres",
        action="store_true",
        help="run the database tests on a throwaway PostgreSQL cluster",
    )


def pytest_configure(config):
    from django.conf import settings

    # Password hashing is deliberately slow; the tests create many people.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    if not config.getoption("--postgres"):
        return
    url = os.environ.get(_URL_VARIABLE)
    if url is None:  # the controller (or a single process) starts the one cluster
        from continuum.lib.pgcluster import ClusterUnavailableError, throwaway_cluster

        try:
            url = _cluster.enter_context(throwaway_cluster())
        except ClusterUnavailableError as error:
            if os.environ.get("CI", "").lower() == "true":
                raise pytest.UsageError(f"PostgreSQL is required in CI: {error}") from error
            pytest.exit(f"PostgreSQL tests skipped outside CI: {error}", returncode=0)
        os.environ[_URL_VARIABLE] = url  # inherited by xdist workers
    from django.db import connections

    default = cast(dict, settings.DATABASES["default"])
    default.clear()
    default.update(dj_database_url.parse(url))
    connections.configure_settings(settings.DATABASES)  # fills Django's per-connection defaults
    connections["default"].close()
    del connections["default"]  # start afresh: a SQLite wrapper may exist from start-up


_DATABASE_FIXTURES = {"db", "transactional_db", "django_db_setup", "live_server"}


def pytest_collection_modifyitems(config, items):
    """On PostgreSQL only the tests that touch a database run: the rest (the pure mastery
    engine, docs and settings checks) have nothing to learn from a second database."""
    if not config.getoption("--postgres"):
        return
    keep, drop = [], []
    for item in items:
        uses_db = item.get_closest_marker("django_db") or _DATABASE_FIXTURES & set(
            getattr(item, "fixturenames", ())
        )
        (keep if uses_db else drop).append(item)
    if drop:
        config.hook.pytest_deselected(items=drop)
        items[:] = keep


def pytest_unconfigure(config):
    _cluster.close()


@pytest.fixture(autouse=True)
def _each_test_starts_in_the_default_language():
    """A request through the test client activates its reader's language in this thread
    and nothing deactivates it, so a Spanish page left the next test speaking Spanish
    (which test ran next decided whether an English assertion held)."""
    from django.utils import translation

    translation.deactivate()
    yield
    translation.deactivate()


@pytest.fixture
def shared_data(settings):
    """The read-only third-party data folder; tests that need it skip outside CI only."""
    folder = settings.CONTINUUM_SHARED_DATA
    if not folder.is_dir():
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(f"shared data folder {folder} is missing in CI")
        pytest.skip(f"shared data folder {folder} is absent (set CONTINUUM_SHARED_DATA)")
    return folder


# The people of Maple Grove Middle School, in Riverside District:
# - Lena is a learner in Erin's section "Math 6A"; Gabe is Lena's guardian; Lena is on
#   Cora the counselor's caseload and placed with Pat, a community partner, this term.
# - Omar is a learner in Eli's section "Math 6B": Erin, Gabe, Cora and Pat have no reason
#   to see him. Leo leads the school and Ada administers the district: both see everyone.


@pytest.fixture
def world(db):
    from django.utils import timezone

    from continuum.frameworks.models import Framework
    from continuum.people.models import (
        CaseloadAssignment,
        Enrollment,
        GuardianLink,
        Organization,
        Placement,
        Role,
        Section,
        User,
    )

    district = Organization.objects.create(kind="district", name="Riverside District")
    school = Organization.objects.create(kind="school", name="Maple Grove", parent=district)

    def person(username: str, role: str, first: str, last: str, org=school) -> User:
        return User.objects.create_user(
            username,
            password="a-long-test-password",
            role=role,
            organization=org,
            first_name=first,
            last_name=last,
        )

    people = {
        "lena": person("lena", Role.LEARNER, "Lena", "Ortiz"),
        "omar": person("omar", Role.LEARNER, "Omar", "Haddad"),
        "gabe": person("gabe", Role.GUARDIAN, "Gabe", "Ortiz"),
        "erin": person("erin", Role.EDUCATOR, "Erin", "Walsh"),
        "eli": person("eli", Role.EDUCATOR, "Eli", "Park"),
        "cora": person("cora", Role.COUNSELOR, "Cora", "Nguyen"),
        "leo": person("leo", Role.LEADER, "Leo", "Brandt"),
        "ada": person("ada", Role.DISTRICT_ADMIN, "Ada", "King", org=district),
        "pat": person("pat", Role.PARTNER, "Pat", "Romero", org=None),
    }
    math_a = Section.objects.create(school=school, title="Math 6A")
    math_a.educators.add(people["erin"])
    math_b = Section.objects.create(school=school, title="Math 6B")
    math_b.educators.add(people["eli"])
    Enrollment.objects.create(section=math_a, learner=people["lena"])
    Enrollment.objects.create(section=math_b, learner=people["omar"])
    GuardianLink.objects.create(guardian=people["gabe"], learner=people["lena"])
    CaseloadAssignment.objects.create(counselor=people["cora"], learner=people["lena"])
    today = timezone.localdate()
    Placement.objects.create(
        partner=people["pat"],
        learner=people["lena"],
        title="River Clinic internship",
        starts_on=today - timedelta(days=30),
        ends_on=today + timedelta(days=60),
    )
    # Lakeside District is a second tenant. Otto administers it; he has no relationship to
    # anyone or anything in Riverside (no section, link, caseload or placement), so every
    # Riverside object must be refused to him and his objects to Riverside's people.
    lakeside = Organization.objects.create(kind="district", name="Lakeside District")
    birch = Organization.objects.create(kind="school", name="Birch Hollow", parent=lakeside)
    otto = person("otto", Role.DISTRICT_ADMIN, "Otto", "Lindqvist", org=lakeside)
    lara = person("lara", Role.LEARNER, "Lara", "Quinn", org=birch)
    birch_math = Section.objects.create(school=birch, title="Birch Math 7")
    Enrollment.objects.create(section=birch_math, learner=lara)
    # Its identifier is the one sample_framework("Lakeside Outcomes") fills with items.
    lakeside_framework = Framework.objects.create(
        identifier="fw-lakeside-outcomes", title="Lakeside Outcomes", organization=lakeside
    )
    return {
        **people,
        "district": district,
        "school": school,
        "math_a": math_a,
        "math_b": math_b,
        "otto": otto,
        "lara": lara,
        "lakeside": lakeside,
        "birch": birch,
        "birch_math": birch_math,
        "lakeside_framework": lakeside_framework,
    }


@pytest.fixture
def decaying_average_district(world):
    """Riverside grades by Canvas' decaying average (w = 0.65), Continuum's default before
    issue 11: for tests whose worked numbers explain that method, or whose scenario was
    built on it, while the default itself is tested on its own."""
    from continuum.evidence.models import GradingPolicyRecord

    GradingPolicyRecord.objects.create(
        organization=world["district"],
        version=1,
        body={"version": 1, "method": "decaying_average", "parameters": {"w": 0.65}},
    )
    return world
