"""Property-based fuzzing of the CASE import (issue 9, Deliver 7).

Packages come from third-party publishers by URL, so the importer must take anything:
the sample package with values swapped for arbitrary JSON, keys dropped and entries
repeated, and its JSON text with bytes cut or spliced in. Whatever arrives, the import
either succeeds or raises its own ``CaseError``, never another exception, and a refused
import leaves the database exactly as it was.
"""

import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from continuum.frameworks.case.services import case_package_import, case_source_import
from continuum.frameworks.case.validate import CaseError
from continuum.frameworks.models import (
    Association,
    Framework,
    FrameworkItem,
    FrameworkVersion,
    LevelDescriptor,
    ProficiencyLevel,
    ProficiencyScale,
)
from continuum.frameworks.tests.fixtures import case_sample

TABLES = (
    Framework,
    FrameworkVersion,
    FrameworkItem,
    Association,
    ProficiencyScale,
    ProficiencyLevel,
    LevelDescriptor,
)
BOUNDED = settings(
    max_examples=40,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
# Values a hostile or careless publisher might send, beside arbitrary JSON.
NASTY = st.sampled_from(
    ["javascript:alert(1)", "data:text/html,x", "", " ", "\x00", "1e308", "urn:", "x" * 5000]
)
JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=30) | NASTY,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner),
    max_leaves=6,
)


def counts() -> dict[str, int]:
    return {table.__name__: table.objects.count() for table in TABLES}


def places(value, path=()):
    """Every (path) to a value inside the package, containers included."""
    yield path
    if isinstance(value, dict):
        for key, inner in value.items():
            yield from places(inner, (*path, key))
    elif isinstance(value, list):
        for index, inner in enumerate(value):
            yield from places(inner, (*path, index))


def mutate(package: dict, path: tuple, how: str, value) -> None:
    parent = package
    for part in path[:-1]:
        parent = parent[part]
    key = path[-1]
    if how == "replace":
        parent[key] = value
    elif how == "delete":
        del parent[key]
    elif isinstance(parent, list):  # repeat an entry of a list
        parent.append(json.loads(json.dumps(parent[key])))
    else:
        parent[key] = [parent[key], parent[key]]


def imported_or_refused(run) -> None:
    before = counts()
    try:
        run()
    except CaseError:
        assert counts() == before, "a refused import changed the database"


@pytest.mark.django_db
@BOUNDED
@given(data=st.data())
def test_a_mutated_package_is_imported_or_refused_with_a_case_error(data):
    package = case_sample()
    for _ in range(data.draw(st.integers(1, 3), label="mutations")):
        paths = [path for path in places(package) if path]
        if not paths:
            break
        path = data.draw(st.sampled_from(paths), label="path")
        how = data.draw(st.sampled_from(["replace", "delete", "repeat"]), label="how")
        mutate(package, path, how, data.draw(JSON_VALUES, label="value"))
    imported_or_refused(lambda: case_package_import(package=package, source="fuzz"))


@pytest.mark.django_db
@BOUNDED
@given(data=st.data())
def test_mangled_package_text_is_imported_or_refused_with_a_case_error(data):
    text = json.dumps(case_sample()).encode()
    start = data.draw(st.integers(0, len(text)), label="start")
    end = data.draw(st.integers(start, min(len(text), start + 200)), label="end")
    splice = data.draw(st.binary(max_size=40), label="splice")
    mangled = text[:start] + splice + text[end:]
    imported_or_refused(lambda: case_source_import(source="fuzz", data=mangled))
