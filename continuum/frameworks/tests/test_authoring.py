"""Authoring services: add, move, reorder, retire and restore competencies and targets.

Maple Grove's framework belongs to Riverside: Ada (its admin) edits it; Erin (an educator)
and Otto (Lakeside's admin) may not.
"""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from continuum.frameworks import authoring
from continuum.frameworks.case.selectors import case_package_get
from continuum.frameworks.models import (
    Association,
    AssociationType,
    ChangeAction,
    FrameworkChange,
    FrameworkItem,
    FrameworkVersion,
)
from continuum.frameworks.tests.factories import sample_framework


@pytest.fixture
def sample(world):
    return sample_framework(owner=world["district"])


def _state(sample) -> list[object]:
    """Everything authoring may change, to show that a refusal changed nothing."""
    items = FrameworkItem.objects.filter(version=sample.version).order_by("pk")
    return [
        *items.values_list("pk", "parent_id", "position", "retired_at", "full_statement"),
        FrameworkChange.objects.count(),
        Association.objects.count(),
    ]


def _code(item: FrameworkItem) -> str:
    return item.human_coding_scheme


def test_a_new_target_goes_last_under_its_competency_audited_and_in_the_change_set(world, sample):
    target = authoring.item_create(
        parent=sample["N.1"],
        kind="target",
        full_statement="Use ratio language",
        human_coding_scheme="N.1.d",
        editor=world["ada"],
        reason="New standard",
    )
    siblings = FrameworkItem.objects.filter(parent=sample["N.1"]).order_by("position", "pk")
    assert [_code(i) for i in siblings][-1] == "N.1.d"
    assert (target.kind, target.learning_area, target.item_type) == (
        "target",
        "academic",
        "Learning Target",
    )
    record = target.history.first()
    assert (record.history_user, record.history_change_reason) == (world["ada"], "New standard")
    change = FrameworkChange.objects.get()
    assert (change.action, change.created_by, change.reason, change.version) == (
        ChangeAction.CREATED,
        world["ada"],
        "New standard",
        sample.version,
    )
    link = Association.objects.get(origin=target, association_type=AssociationType.IS_CHILD_OF)
    assert link.destination == sample["N.1"]


def test_an_edit_marks_the_version_as_no_longer_its_imported_package(world, sample):
    authoring.item_create(
        parent=sample["N.1"],
        kind="target",
        full_statement="Use ratio language",
        editor=world["ada"],
        reason="New standard",
    )
    sample.version.refresh_from_db()
    assert sample.version.content_hash == ""


def test_a_new_target_is_exported_as_a_case_item_under_its_competency(world, sample):
    target = authoring.item_create(
        parent=sample["N.1"],
        kind="target",
        full_statement="Use ratio language",
        human_coding_scheme="N.1.d",
        editor=world["ada"],
        reason="New standard",
    )
    package = case_package_get(sample.version)
    [item] = [i for i in package["CFItems"] if i["identifier"] == target.identifier]
    assert (item["fullStatement"], item["humanCodingScheme"]) == ("Use ratio language", "N.1.d")
    [link] = [
        a
        for a in package["CFAssociations"]
        if a["originNodeURI"]["identifier"] == target.identifier
    ]
    assert link["destinationNodeURI"]["identifier"] == sample["N.1"].identifier
    assert link["originNodeURI"]["uri"].startswith("urn:")


@pytest.mark.parametrize(
    ("kind", "parent", "statement", "code", "field"),
    [
        ("target", "N", "Under a domain", "", "parent"),
        ("competency", "N.1.a", "Under a target", "", "parent"),
        ("target", "N.1", "   ", "", "full_statement"),
        ("target", "N.1", "Taken code", "N.1.a", "human_coding_scheme"),
    ],
)
def test_bad_input_to_a_new_item_is_refused_and_changes_nothing(
    world, sample, kind, parent, statement, code, field
):
    before = _state(sample)
    with pytest.raises(ValidationError) as refused:
        authoring.item_create(
            parent=sample[parent],
            kind=kind,
            full_statement=statement,
            human_coding_scheme=code,
            editor=world["ada"],
            reason="Try",
        )
    assert field in refused.value.message_dict
    assert _state(sample) == before


def test_an_edit_without_a_reason_is_refused(world, sample):
    before = _state(sample)
    with pytest.raises(ValidationError, match="Say why"):
        authoring.item_retire(item=sample["N.1.c"], editor=world["ada"], reason="  ")
    assert _state(sample) == before


@pytest.mark.parametrize("editor", ["erin", "otto"])
def test_only_the_owning_districts_admins_author(world, sample, editor):
    before = _state(sample)
    with pytest.raises(PermissionDenied):
        authoring.item_create(
            parent=sample["N.1"],
            kind="target",
            full_statement="Sneaky",
            editor=world[editor],
            reason="Try",
        )
    with pytest.raises(PermissionDenied):
        authoring.item_reorder(
            item=sample["N.1.b"], direction="up", editor=world[editor], reason="Try"
        )
    assert _state(sample) == before


def test_a_target_moves_to_another_competency_last_and_its_case_parent_follows(world, sample):
    moved = authoring.item_move(
        item=sample["N.1.c"], parent=sample["N.2"], editor=world["ada"], reason="Belongs there"
    )
    assert moved.parent == sample["N.2"]
    siblings = FrameworkItem.objects.filter(parent=sample["N.2"]).order_by("position", "pk")
    assert [_code(i) for i in siblings] == ["N.2.a", "N.1.c"]
    link = Association.objects.get(origin=moved, association_type=AssociationType.IS_CHILD_OF)
    assert link.destination == sample["N.2"]
    assert link.raw["destinationNodeURI"]["identifier"] == sample["N.2"].identifier
    assert FrameworkChange.objects.get().action == ChangeAction.MOVED


def test_a_competency_cannot_move_under_its_own_target_or_a_target_under_a_domain(world, sample):
    before = _state(sample)
    with pytest.raises(ValidationError):
        authoring.item_move(
            item=sample["N.1"], parent=sample["N.1.a"], editor=world["ada"], reason="Loop"
        )
    with pytest.raises(ValidationError):
        authoring.item_move(
            item=sample["N.1.a"], parent=sample["SEL"], editor=world["ada"], reason="Domain"
        )
    assert _state(sample) == before


def test_reordering_swaps_neighbours_and_numbers_the_siblings(world, sample):
    authoring.item_reorder(item=sample["N.1.c"], direction="up", editor=world["ada"], reason="R")
    siblings = FrameworkItem.objects.filter(parent=sample["N.1"]).order_by("position", "pk")
    assert [(_code(i), i.position) for i in siblings] == [
        ("N.1.a", 0),
        ("N.1.c", 1),
        ("N.1.b", 2),
    ]
    assert FrameworkChange.objects.get().action == ChangeAction.REORDERED


def test_the_first_target_cannot_move_up(world, sample):
    first = FrameworkItem.objects.filter(parent=sample["N.1"]).order_by("position", "pk")[0]
    before = _state(sample)
    with pytest.raises(ValidationError, match="already first"):
        authoring.item_reorder(item=first, direction="up", editor=world["ada"], reason="R")
    assert _state(sample) == before


def test_retiring_and_restoring_a_target_are_audited_and_kept_in_its_case_json(world, sample):
    target = sample["N.1.b"]
    authoring.item_retire(item=target, editor=world["ada"], reason="Merged into N.1.a")
    target.refresh_from_db()
    assert target.retired_at is not None
    assert target.raw["statusEndDate"] == timezone.localdate().isoformat()
    assert target not in FrameworkItem.objects.in_use()
    assert target.history.first().history_change_reason == "Merged into N.1.a"
    authoring.item_restore(item=target, editor=world["ada"], reason="Back")
    target.refresh_from_db()
    assert target.retired_at is None
    assert "statusEndDate" not in target.raw
    actions = list(FrameworkChange.objects.order_by("pk").values_list("action", flat=True))
    assert actions == [ChangeAction.RETIRED, ChangeAction.RESTORED]


def test_a_competency_with_targets_in_use_is_not_retired(world, sample):
    before = _state(sample)
    with pytest.raises(ValidationError, match=r"N\.2\.a"):
        authoring.item_retire(item=sample["N.2"], editor=world["ada"], reason="Gone")
    assert _state(sample) == before
    authoring.item_retire(item=sample["N.2.a"], editor=world["ada"], reason="Gone")
    authoring.item_retire(item=sample["N.2"], editor=world["ada"], reason="Gone")
    with pytest.raises(ValidationError, match="retired"):
        authoring.item_restore(item=sample["N.2.a"], editor=world["ada"], reason="Back")


def test_an_earlier_version_is_not_edited(world, sample):
    FrameworkVersion.objects.create(
        framework=sample.framework, number=2, title="v2", content_hash="x"
    )
    with pytest.raises(ValidationError, match="current version"):
        authoring.item_retire(item=sample["N.1.a"], editor=world["ada"], reason="Old")
