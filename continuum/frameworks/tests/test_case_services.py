"""Importing CASE packages: versions, idempotence, transactions, rubrics."""

import pytest

from continuum.frameworks.case.services import case_package_import
from continuum.frameworks.case.validate import CaseError
from continuum.frameworks.models import (
    Association,
    Framework,
    FrameworkItem,
    FrameworkVersion,
    ItemKind,
    LevelDescriptor,
)
from continuum.frameworks.tests.fixtures import case_sample, latest

pytestmark = pytest.mark.django_db


def imported(package=None, **options):
    return case_package_import(package=package or case_sample(), source="test", **options)


def item(version: FrameworkVersion, code: str) -> FrameworkItem:
    return version.items.get(human_coding_scheme=code)


def test_an_import_creates_the_framework_its_tree_and_associations(world):
    [report] = imported(user=world["ada"]).packages
    assert (report.status, report.version, report.items, report.associations) == (
        "created",
        1,
        6,
        8,
    )
    version = latest(report.identifier)
    assert version.created_by == world["ada"]
    assert (version.case_version, version.adoption_status) == ("1.1", "Adopted")
    assert item(version, "N.1.a").parent == item(version, "N.1")
    assert item(version, "N.1").kind == ItemKind.COMPETENCY
    precedes = version.associations.get(association_type="precedes")
    assert (precedes.origin, precedes.destination) == (
        item(version, "N.1.a"),
        item(version, "N.1.b"),
    )


def test_an_association_to_another_framework_keeps_its_identifier_without_a_link():
    imported()
    crosswalk = Association.objects.get(association_type="exactMatchOf")
    assert crosswalk.destination is None
    assert crosswalk.destination_identifier == "ccss-6-rp-a-1"


def test_a_rubric_becomes_a_scale_with_descriptors_on_its_item():
    imported()
    version = FrameworkVersion.objects.get()
    scale = version.scales.get()
    assert scale.proficiency_cut == 3
    assert [level.name for level in scale.levels.all()] == [
        "Beginning",
        "Developing",
        "Proficient",
        "Advanced",
    ]
    descriptor = LevelDescriptor.objects.get(item__human_coding_scheme="N.1.a", level__value=3)
    assert descriptor.description.startswith("N.1.a, proficient")


def test_importing_the_same_package_again_changes_nothing():
    imported()
    counts = (FrameworkVersion.objects.count(), FrameworkItem.objects.count())
    [report] = imported().packages
    assert report.status == "unchanged"
    assert (FrameworkVersion.objects.count(), FrameworkItem.objects.count()) == counts


def test_a_changed_package_adds_a_version_and_leaves_the_old_items_alone():
    imported()
    old = FrameworkVersion.objects.get()
    old_target = item(old, "N.1.a")
    changed = case_sample()
    changed["CFItems"][3]["fullStatement"] = "Describe a ratio relationship in words"
    [report] = imported(changed).packages
    assert (report.status, report.version) == ("updated", 2)
    new = latest(report.identifier)
    assert item(new, "N.1.a").identifier == old_target.identifier
    assert item(new, "N.1.a").full_statement.endswith("in words")
    old_target.refresh_from_db()
    assert old_target.full_statement == "Describe a ratio relationship"
    assert old_target.descriptors.count() == 4


@pytest.mark.parametrize(
    "break_it",
    [
        lambda p: p["CFItems"][2].pop("identifier"),
        lambda p: p["CFItems"][0].update(fullStatement=["not", "text"]),
        lambda p: p["CFAssociations"][6]["destinationNodeURI"].update(identifier="x", uri="x"),
        lambda p: p["CFItems"][1].update(identifier=p["CFItems"][0]["identifier"]),
    ],
    ids=["missing field", "wrong type", "dangling end", "duplicate identifier"],
)
def test_a_bad_package_changes_nothing(break_it):
    package = case_sample()
    break_it(package)
    with pytest.raises(CaseError):
        imported(package)
    assert not Framework.objects.exists()


def test_one_bad_package_in_an_array_keeps_the_others_out_too():
    good, bad = case_sample(), case_sample()
    bad["CFDocument"]["identifier"] = "another"
    del bad["CFItems"][0]["fullStatement"]
    with pytest.raises(CaseError, match=r"^\[1\]\.CFItems\[0\]\.fullStatement"):
        imported([good, bad])
    assert not Framework.objects.exists()


def test_a_verbatim_repeat_is_stored_once_and_counted_apart():
    package = case_sample()
    package["CFAssociations"].append(package["CFAssociations"][0])
    [report] = imported(package).packages
    assert (report.associations, report.repeats) == (8, 1)
