"""Import → export gives the package back: on our sample, generated packages and the
shared third-party CASE files (which skip only outside CI when absent)."""

import json

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from continuum.frameworks.case.selectors import case_package_get
from continuum.frameworks.case.services import case_package_import
from continuum.frameworks.models import Association, FrameworkItem, FrameworkVersion
from continuum.frameworks.tests.factories import sample_framework
from continuum.frameworks.tests.fixtures import case_sample, latest

pytestmark = pytest.mark.django_db


def exported(identifier: str) -> dict:
    return case_package_get(latest(identifier))


def round_trip(package: dict) -> dict:
    case_package_import(package=package, source="test", keep_first=True)
    return exported(package["CFDocument"]["identifier"])


def test_the_sample_comes_back_equal_including_rubrics_and_extensions():
    assert round_trip(case_sample()) == case_sample()


def test_a_package_without_definitions_or_rubrics_comes_back_without_them():
    package = case_sample()
    del package["CFDefinitions"], package["CFRubrics"], package["extensions"]
    assert round_trip(package) == package


def test_export_finds_a_framework_by_database_id_too():
    case_package_import(package=case_sample(), source="test")
    framework_id = FrameworkVersion.objects.get().framework_id
    assert exported(str(framework_id)) == case_sample()


def test_a_framework_built_in_continuum_exports_as_a_valid_package():
    from continuum.frameworks.case.validate import package_problems

    sample = sample_framework()
    package = case_package_get(sample.version)
    assert package_problems(package) == []
    assert len(package["CFItems"]) == 10


_words = st.text(alphabet="abcdefghij ÄéΩ", min_size=1, max_size=12)


@st.composite
def packages(draw) -> dict:
    """Small random packages: a forest of items, some precedes edges going forward only."""
    count = draw(st.integers(min_value=0, max_value=8))
    ids = [f"item-{n}" for n in range(count)]
    stamp = "2025-01-01T00:00:00Z"
    items = [
        {
            "identifier": identifier,
            "uri": f"https://x.example/{identifier}",
            "lastChangeDateTime": stamp,
            "fullStatement": draw(_words),
            **({"listEnumeration": draw(_words)} if draw(st.booleans()) else {}),
        }
        for identifier in ids
    ]
    associations = []
    for n, identifier in enumerate(ids):
        parent = draw(st.sampled_from(["doc", *ids[:n]]))
        associations.append((identifier, "isChildOf", parent))
        if n and draw(st.booleans()):
            associations.append((draw(st.sampled_from(ids[:n])), "precedes", identifier))
    return {
        "CFDocument": {
            "identifier": "doc",
            "uri": "https://x.example/doc",
            "title": draw(_words),
            "creator": "hypothesis",
            "lastChangeDateTime": stamp,
        },
        "CFItems": items,
        "CFAssociations": [
            {
                "identifier": f"a-{n}",
                "uri": f"https://x.example/a-{n}",
                "lastChangeDateTime": stamp,
                "associationType": kind,
                "originNodeURI": {
                    "title": "",
                    "identifier": origin,
                    "uri": f"https://x.example/{origin}",
                },
                "destinationNodeURI": {
                    "title": "",
                    "identifier": end,
                    "uri": f"https://x.example/{end}",
                },
                **({"sequenceNumber": n} if draw(st.booleans()) else {}),
            }
            for n, (origin, kind, end) in enumerate(associations)
        ],
    }


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(package=packages())
def test_any_small_valid_package_round_trips(package):
    assert round_trip(package) == package


def _shared_files(folder):
    case = folder / "case"
    return sorted(case.glob("*.json")) + sorted((case / "opensalt").glob("*.json"))


def test_every_shared_case_file_round_trips_with_equal_counts(shared_data):
    files = _shared_files(shared_data)
    assert len(files) >= 10
    for path in files:
        document = json.loads(path.read_text())
        result = case_package_import(package=document, source=str(path), keep_first=True)
        for package, report in zip(
            document if isinstance(document, list) else [document], result.packages, strict=True
        ):
            assert exported(report.identifier) == package, path.name
            version = latest(report.identifier)
            assert version.items.count() == len({i["identifier"] for i in package["CFItems"]})
            assert version.associations.count() == len(
                {a["identifier"] for a in package["CFAssociations"]}
            )
            assert report.items + report.associations + report.repeats == len(
                package["CFItems"]
            ) + len(package["CFAssociations"])


def test_reimporting_a_shared_file_reports_unchanged(shared_data):
    path = shared_data / "case" / "ccss_math.cfpackage.json"
    package = json.loads(path.read_text())
    case_package_import(package=package, source=str(path))
    [report] = case_package_import(package=package, source=str(path)).packages
    assert report.status == "unchanged"


def test_the_draft_case_ccss_file_builds_a_tree_with_standards_as_targets(shared_data):
    package = json.loads((shared_data / "case" / "ccss_math.cfpackage.json").read_text())
    [report] = case_package_import(package=package, source="ccss").packages
    version = latest(report.identifier)
    assert version.case_version == "1.0"
    standard = version.items.filter(item_type="Standard", children__isnull=True).first()
    assert standard is not None
    assert standard.kind == "target"
    assert standard.parent is not None
    assert not version.items.filter(parent__isnull=True).exclude(kind="domain").exists()


def test_the_largest_package_imports_in_bulk(shared_data):
    """Its speed is a benchmark's business, not a timed test's; what a test can hold is
    that 585 items and 3,368 associations are written in bulk, not a query or two each."""
    package = json.loads(
        (shared_data / "case" / "smarter_balanced_math.cfpackage.json").read_text()
    )
    with CaptureQueriesContext(connection) as captured:
        [report] = case_package_import(package=package, source="sbac").packages
    assert (report.items, report.associations + report.repeats) == (585, 3368)
    assert Association.objects.filter(association_type="precedes").count() == 423
    assert FrameworkItem.objects.count() == 585
    assert len(captured) < 200, f"{len(captured)} queries"
