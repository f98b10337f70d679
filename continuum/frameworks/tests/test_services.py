import pytest
from django.core.exceptions import ValidationError

from continuum.frameworks import services
from continuum.frameworks.models import Association, AssociationType, FrameworkVersion
from continuum.frameworks.tests.factories import sample_framework


@pytest.fixture
def sample(world):
    """Maple Grove's framework, owned by Riverside: Ada (its admin) edits it."""
    return sample_framework(owner=world["district"])


def _update(item, editor, **changes):
    fields = {
        "full_statement": item.full_statement,
        "abbreviated_statement": item.abbreviated_statement,
        "learner_statement": item.learner_statement,
        "human_coding_scheme": item.human_coding_scheme,
        "learning_area": item.learning_area,
    }
    return services.item_update(item=item, editor=editor, reason="Wording", **(fields | changes))


def test_an_item_edit_updates_the_columns_and_the_case_json(world, sample):
    item = _update(
        sample["N.1.a"], world["ada"], full_statement="Describe ratios", human_coding_scheme="R.1"
    )
    item.refresh_from_db()
    assert item.full_statement == "Describe ratios"
    assert item.raw["fullStatement"] == "Describe ratios"
    assert item.raw["humanCodingScheme"] == "R.1"
    assert item.raw["lastChangeDateTime"].endswith("Z")
    assert item.raw["extensions"]["continuum"]["learnerStatement"] == "I can describe a ratio"


def test_an_emptied_abbreviation_leaves_the_case_json(world, sample):
    item = _update(sample["N.1.a"], world["ada"], abbreviated_statement="Ratios")
    item = _update(item, world["ada"], abbreviated_statement="")
    assert "abbreviatedStatement" not in item.raw


def test_an_item_edit_is_in_the_history_with_its_editor_and_reason(world, sample):
    _update(sample["N.1.a"], world["ada"], learner_statement="I can compare amounts")
    record = sample["N.1.a"].history.first()
    assert (record.history_user, record.history_change_reason) == (world["ada"], "Wording")


def test_descriptors_are_added_changed_and_removed_in_one_go(world, sample):
    item = sample["N.1.b"]
    beginning, developing, *_ = sample.scale.levels.all()
    services.descriptor_set(
        item=item,
        descriptions={beginning: "Names a ratio", developing: "Builds a table"},
        editor=world["ada"],
        reason="First draft",
    )
    services.descriptor_set(
        item=item,
        descriptions={beginning: "", developing: "Builds a ratio table"},
        editor=world["ada"],
        reason="Calibration",
    )
    assert [(d.level, d.description) for d in item.descriptors.all()] == [
        (developing, "Builds a ratio table")
    ]
    removed = item.descriptors.model.history.filter(history_type="-").get()
    assert removed.history_change_reason == "Calibration"


def test_a_changed_descriptor_is_copied_into_the_case_rubric(world, sample):
    item = sample["N.1.a"]
    first = item.descriptors.first()
    version = sample.version
    version.raw_rubrics = [
        {
            "CFRubricCriteria": [
                {"CFRubricCriterionLevels": [{"identifier": "L1", "description": "old"}]}
            ]
        }
    ]
    version.save()
    first.identifier = "L1"
    first.save()
    services.descriptor_set(
        item=item, descriptions={first.level: "new"}, editor=world["ada"], reason="Fix"
    )
    version = FrameworkVersion.objects.get(pk=version.pk)
    level = version.raw_rubrics[0]["CFRubricCriteria"][0]["CFRubricCriterionLevels"][0]
    assert level["description"] == "new"


def test_a_new_prerequisite_gets_a_case_identity_and_an_audit_entry(world, sample):
    origin, destination = sample["SEL.1.a"], sample["N.2.a"]
    association = services.prerequisite_add(
        origin=origin, destination=destination, editor=world["ada"], reason="Planning first"
    )
    assert association.raw["associationType"] == "precedes"
    assert association.raw["originNodeURI"]["identifier"] == origin.identifier
    assert association.raw["destinationNodeURI"]["identifier"] == destination.identifier
    assert association.raw["identifier"] == association.identifier
    audit = destination.history.first()
    assert audit.history_change_reason == "Prerequisite added (SEL.1.a): Planning first"
    assert audit.history_user == world["ada"]


def test_a_prerequisite_that_would_close_a_cycle_is_refused_naming_it(world, sample):
    with pytest.raises(ValidationError, match=r"\(N\.1\.b → N\.1\.c → N\.1\.b\)"):
        services.prerequisite_add(
            origin=sample["N.1.c"], destination=sample["N.1.b"], editor=world["ada"], reason="x"
        )


@pytest.mark.parametrize(
    ("origin", "destination", "message"),
    [("N.1.a", "N.1.a", "its own prerequisite"), ("N.1.a", "N.1.b", "already a prerequisite")],
)
def test_self_links_and_duplicates_are_refused(world, sample, origin, destination, message):
    with pytest.raises(ValidationError, match=message):
        services.prerequisite_add(
            origin=sample[origin], destination=sample[destination], editor=world["ada"], reason="x"
        )


def test_a_prerequisite_from_another_version_is_refused(world, sample):
    other = sample_framework(title="Other")
    with pytest.raises(ValidationError, match="same framework version"):
        services.prerequisite_add(
            origin=other["N.1.a"], destination=sample["N.1.b"], editor=world["ada"], reason="x"
        )


def test_removing_a_prerequisite_deletes_it_and_leaves_an_audit_entry(world, sample):
    association = Association.objects.get(
        origin=sample["N.1.a"],
        destination=sample["N.1.b"],
        association_type=AssociationType.PRECEDES,
    )
    services.prerequisite_remove(association=association, editor=world["ada"], reason="Too strict")
    assert not Association.objects.filter(pk=association.pk).exists()
    assert sample["N.1.b"].history.first().history_change_reason == (
        "Prerequisite removed (N.1.a): Too strict"
    )


def test_only_prerequisite_links_can_be_removed(world, sample):
    crosswalk = Association.objects.get(association_type=AssociationType.EXACT_MATCH_OF)
    with pytest.raises(ValidationError):
        services.prerequisite_remove(association=crosswalk, editor=world["ada"], reason="x")
