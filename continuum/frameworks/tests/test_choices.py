"""Targets as form choices and scale levels, in the reader's language."""

import pytest
from django.utils import translation

from continuum.frameworks.choices import TargetChoiceField, TargetMultipleChoiceField
from continuum.frameworks.models import FrameworkItem, FrameworkTextTranslation, TranslatedField
from continuum.frameworks.scales import level_choices, level_label, level_name
from continuum.frameworks.tests.factories import sample_framework

pytestmark = pytest.mark.django_db


def _labels(field) -> list[str]:
    return [str(label) for value, label in field.choices if value != ""]


def test_a_target_choice_reads_the_schools_translation_and_marks_the_rest():
    sample = sample_framework()
    FrameworkTextTranslation.objects.create(
        identifier=sample["N.1.a"].identifier,
        field=TranslatedField.LEARNER_STATEMENT,
        language="es",
        text="Puedo describir una razón",
    )
    field = TargetMultipleChoiceField(
        queryset=FrameworkItem.objects.filter(pk__in=[sample["N.1.a"].pk, sample["N.1.b"].pk])
    )
    with translation.override("es"):
        assert _labels(field) == [
            "N.1.a Puedo describir una razón",
            "N.1.b I can find equal ratios (en inglés)",
        ]
    with translation.override("en"):
        assert _labels(field) == ["N.1.a I can describe a ratio", "N.1.b I can find equal ratios"]


def test_the_translations_load_once_for_all_the_options(django_assert_max_num_queries):
    sample_framework()
    field = TargetChoiceField(queryset=FrameworkItem.objects.filter(kind="target"))
    with translation.override("es"), django_assert_max_num_queries(4):
        assert len(_labels(field)) == 5


def test_the_usual_level_names_are_spanish_and_a_districts_own_name_stays_as_named():
    sample = sample_framework()
    with translation.override("es"):
        assert level_label(3, sample.scale) == "3 Competente"
        assert level_choices(sample.scale)[0] == ("1", "1 Inicial")
        assert level_name("Mastery with distinction") == "Mastery with distinction"
    with translation.override("en"):
        assert level_label(3, sample.scale) == "3 Proficient"
