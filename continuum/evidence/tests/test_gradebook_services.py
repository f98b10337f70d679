"""Scoring from the gradebook: what a cell accepts, and a class scored all or nothing."""

from datetime import UTC, datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from continuum.evidence.models import Evidence, Mark
from continuum.evidence.services.gradebook import (
    entry_parse,
    gradebook_class_score,
    gradebook_entry_record,
)

MONDAY = datetime(2026, 9, 7, 9, tzinfo=UTC)


@pytest.mark.parametrize(
    ("text", "mark", "level"),
    [
        ("3", Mark.SCORED, 3.0),
        (" 2.5 ", Mark.SCORED, 2.5),
        ("m", Mark.MISSING, None),
        ("E", Mark.EXCUSED, None),
    ],
)
def test_an_entry_is_a_level_or_missing_or_excused(text, mark, level):
    entry = entry_parse(text)
    assert (entry.mark, entry.level) == (mark, level)


def test_anything_else_is_refused_with_what_to_type():
    with pytest.raises(ValidationError, match="type a level number, m for missing or e"):
        entry_parse("three")


def test_a_learner_of_another_section_cannot_be_scored_here(world, sample):
    with pytest.raises(PermissionDenied, match="Omar Haddad is not in Math 6A"):
        gradebook_entry_record(
            section=world["math_a"],
            learner=world["omar"],
            target=sample["N.1.a"],
            scorer=world["erin"],
            text="3",
            assessed_at=MONDAY,
        )
    assert not Evidence.objects.exists()


def test_an_unknown_kind_is_refused(world, sample):
    with pytest.raises(ValidationError, match="not a kind of evidence"):
        gradebook_entry_record(
            section=world["math_a"],
            learner=world["lena"],
            target=sample["N.1.a"],
            scorer=world["erin"],
            text="3",
            assessed_at=MONDAY,
            kind="practice",
        )


def test_a_class_is_scored_all_or_nothing(world, sample):
    with pytest.raises(ValidationError) as refused:
        gradebook_class_score(
            section=world["math_a"],
            target=sample["N.1.a"],
            scorer=world["erin"],
            entries={world["lena"]: "3", world["omar"]: "2"},
            assessed_at=MONDAY,
        )
    assert refused.value.message_dict == {"Omar Haddad": ["Omar Haddad is not in Math 6A."]}
    assert not Evidence.objects.exists()  # Lena's valid 3 was rolled back too


def test_every_wrong_entry_of_a_class_is_named_at_once(world, sample):
    with pytest.raises(ValidationError) as refused:
        gradebook_class_score(
            section=world["math_a"],
            target=sample["N.1.a"],
            scorer=world["erin"],
            entries={world["lena"]: "7", world["omar"]: "2"},
            assessed_at=MONDAY,
        )
    assert refused.value.message_dict == {
        "Omar Haddad": ["Omar Haddad is not in Math 6A."],
        "Lena Ortiz": ["Level 7 is not on the scale of N.1.a (allowed: 1, 2, 3, 4)."],
    }
    assert not Evidence.objects.exists()


def test_a_class_with_nothing_chosen_is_refused(world, sample):
    with pytest.raises(ValidationError, match="at least one learner"):
        gradebook_class_score(
            section=world["math_a"],
            target=sample["N.1.a"],
            scorer=world["erin"],
            entries={world["lena"]: ""},
            assessed_at=MONDAY,
        )


def test_blank_entries_are_skipped(world, sample):
    recorded = gradebook_class_score(
        section=world["math_a"],
        target=sample["N.1.a"],
        scorer=world["erin"],
        entries={world["lena"]: "4"},
        assessed_at=MONDAY,
    )
    assert [(e.learner, e.level, e.kind) for e in recorded] == [(world["lena"], 4, "formative")]
