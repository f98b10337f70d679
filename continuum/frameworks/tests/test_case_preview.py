"""The CASE import preview: what an import will add, change and remove, shown before it
runs, and an import that applies exactly what was previewed (or refuses)."""

import json

import pytest
from django.core.exceptions import ValidationError

from continuum.frameworks import authoring
from continuum.frameworks.case.preview import package_preview
from continuum.frameworks.case.services import (
    case_import_confirm,
    case_import_request,
    case_package_import,
)
from continuum.frameworks.models import CaseImport, CaseImportStatus, Framework, FrameworkItem
from continuum.frameworks.tests.fixtures import case_sample, latest


@pytest.fixture(autouse=True)
def immediate_tasks(settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}


def _import(package, world):
    return case_package_import(package=package, source="test", user=world["ada"])


def _owned(framework: Framework) -> bool:
    return True


def _second_edition(package: dict) -> dict:
    """The sample as its publisher might revise it: N.1.a reworded, a new target N.1.c under
    N.1, one of N.1.a's descriptors rewritten, and the Habits domain (H, H.1) removed."""
    items = {item["humanCodingScheme"]: item for item in package["CFItems"]}
    items["N.1.a"]["fullStatement"] = "Describe and compare ratios"
    n1 = items["N.1"]
    new = {
        **items["N.1.b"],
        "identifier": "11111111-2222-4333-8444-555555555555",
        "uri": "https://case.example.org/ims/case/v1p1/CFItems/11111111-2222-4333-8444-555555555555",
        "humanCodingScheme": "N.1.c",
        "fullStatement": "Use unit rates",
    }
    package["CFItems"].append(new)
    gone = {items["H"]["identifier"], items["H.1"]["identifier"]}
    package["CFItems"] = [i for i in package["CFItems"] if i["identifier"] not in gone]
    kept = []
    for association in package["CFAssociations"]:
        ends = {
            association["originNodeURI"]["identifier"],
            association["destinationNodeURI"]["identifier"],
        }
        if not ends & gone:
            kept.append(association)
    kept.append(
        {
            "identifier": "66666666-7777-4888-8999-000000000000",
            "uri": "https://case.example.org/ims/case/v1p1/CFAssociations/66666666-7777-4888-8999-000000000000",
            "lastChangeDateTime": "2026-01-01T00:00:00+00:00",
            "associationType": "isChildOf",
            "originNodeURI": {"title": "N.1.c", "identifier": new["identifier"], "uri": new["uri"]},
            "destinationNodeURI": {
                "title": "N.1",
                "identifier": n1["identifier"],
                "uri": n1["uri"],
            },
        }
    )
    package["CFAssociations"] = kept
    level = package["CFRubrics"][0]["CFRubricCriteria"][0]["CFRubricCriterionLevels"][1]
    level["description"] = "N.1.a, developing: compares ratios with a table"
    return package


def test_the_preview_lists_what_a_new_edition_adds_changes_and_removes(world):
    _import(case_sample(), world)
    preview, digest = package_preview(_second_edition(case_sample()), may_update=_owned)
    assert (preview.status, preview.version) == ("updated", 2)
    assert preview.added["items"] == ["N.1.c — Use unit rates"]
    assert preview.added["associations"] == ["N.1.c isChildOf N.1"]
    assert preview.changed["items"] == ["N.1.a — Describe and compare ratios (full statement)"]
    assert preview.changed["descriptors"] == ["N.1.a @ 2 (description)"]
    assert sorted(preview.removed["items"])[0].startswith("H — ")
    assert len(preview.removed["items"]) == 2
    assert preview.removed["associations"]
    assert digest


def test_a_package_equal_to_the_current_version_previews_as_unchanged(world):
    _import(case_sample(), world)
    preview, _digest = package_preview(case_sample(), may_update=_owned)
    assert (preview.status, preview.version, preview.added) == ("unchanged", 1, {})


def test_a_confirmed_import_applies_exactly_the_preview(world):
    _import(case_sample(), world)
    payload = json.dumps(_second_edition(case_sample()))
    case_import = case_import_request(source="v2.json", payload=payload, user=world["ada"])
    case_import.refresh_from_db()
    assert case_import.status == CaseImportStatus.PREVIEWED
    assert latest(case_sample()["CFDocument"]["identifier"]).number == 1  # nothing written yet
    [shown] = case_import.preview
    case_import_confirm(case_import=case_import, user=world["ada"])
    case_import.refresh_from_db()
    assert case_import.status == CaseImportStatus.SUCCEEDED, case_import.error
    version = latest(case_sample()["CFDocument"]["identifier"])
    codes = set(version.items.values_list("human_coding_scheme", flat=True))
    assert version.number == shown["version"] == 2
    assert "N.1.c" in codes
    assert not {"H", "H.1"} & codes


def test_an_import_refuses_to_run_when_the_framework_changed_after_its_preview(world):
    _import(case_sample(), world)
    payload = json.dumps(_second_edition(case_sample()))
    case_import = case_import_request(source="v2.json", payload=payload, user=world["ada"])
    competency = FrameworkItem.objects.get(
        version=latest(case_sample()["CFDocument"]["identifier"]), human_coding_scheme="N.1"
    )
    authoring.item_create(
        parent=competency,
        kind="target",
        full_statement="Written meanwhile",
        editor=world["ada"],
        reason="Meanwhile",
    )
    case_import.refresh_from_db()
    case_import_confirm(case_import=case_import, user=world["ada"])
    case_import.refresh_from_db()
    assert case_import.status == CaseImportStatus.FAILED
    assert "changed after the preview" in case_import.error
    assert latest(case_sample()["CFDocument"]["identifier"]).number == 1


def test_an_import_is_not_confirmed_twice(world):
    case_import = case_import_request(
        source="v1.json", payload=json.dumps(case_sample()), user=world["ada"]
    )
    case_import.refresh_from_db()
    case_import_confirm(case_import=case_import, user=world["ada"])
    with pytest.raises(ValidationError):
        case_import_confirm(case_import=case_import, user=world["ada"])
    assert CaseImport.objects.get(pk=case_import.pk).status == CaseImportStatus.SUCCEEDED


def test_the_preview_of_a_real_framework_revised_names_each_difference(world, shared_data):
    """OpenSALT's Ordering test framework (ACT Holistic Framework, Math), then the same
    file with its last item dropped and one statement reworded."""
    original = json.loads((shared_data / "case" / "opensalt" / "Ordering.json").read_text())
    revised = json.loads(json.dumps(original))
    dropped = revised["CFItems"].pop()
    revised["CFAssociations"] = [
        a
        for a in revised["CFAssociations"]
        if a["originNodeURI"]["identifier"] != dropped["identifier"]
    ]
    reworded = revised["CFItems"][3]
    reworded["fullStatement"] = "Reworded for the second edition"
    _import(original, world)
    preview, _digest = package_preview(revised, may_update=_owned)
    assert preview.removed["items"] == [
        f"{dropped['humanCodingScheme']} — {dropped['fullStatement'][:80]}"
    ]
    assert len(preview.removed["associations"]) == 1
    assert preview.changed["items"] == [
        f"{reworded['humanCodingScheme']} — Reworded for the second edition (full statement)"
    ]
    assert preview.added == {"items": [], "associations": [], "descriptors": []}
