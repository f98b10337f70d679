"""Plain words for families: no numbers, a fixed mapping, help composed only from the
target's own statement and descriptor, in English and Spanish."""

import pytest
from django.utils import translation

from continuum.family import plain
from continuum.mastery import Status, scale_bands


def test_every_status_has_words_and_none_are_numbers():
    assert {status: plain.status_in_words(status) for status in plain.STATUS_WORDS} == {
        Status.NOT_STARTED: "not started yet",
        Status.NOT_YET: "not yet",
        Status.APPROACHING: "getting close",
        Status.PROFICIENT: "can do it",
        Status.ADVANCED: "can do it with depth",
    }
    assert plain.status_in_words(99) == "no estimate yet"


def test_the_words_are_spanish_in_spanish():
    with translation.override("es"):
        assert plain.status_in_words(Status.APPROACHING) == "casi lo logra"
        assert plain.status_in_words(Status.PROFICIENT) == "lo puede hacer"
        assert plain.status_in_words(Status.ADVANCED) == "lo puede hacer con profundidad"
        assert plain.status_in_words(Status.NOT_YET) == "todavía no"


def test_a_single_score_is_read_against_its_scale():
    def words(level):
        return plain.evidence_in_words(level, bands=scale_bands((1, 2, 3, 4), 3).evidence)

    assert [words(level) for level in (1, 2, 3, 4)] == [
        "not yet",
        "getting close",
        "can do it",
        "can do it with depth",
    ]
    assert words(None) == "not scored"
    top_is_the_cut = scale_bands((1, 2, 3), 3).evidence
    assert plain.evidence_in_words(3, bands=top_is_the_cut) == "can do it"


def test_the_i_can_statement_comes_first():
    assert plain.statement_of("I can scale a recipe", "Scale a recipe") == "I can scale a recipe"
    assert plain.statement_of("", "Scale a recipe") == "Scale a recipe"


def test_help_at_home_quotes_the_descriptor_or_the_statement_and_nothing_else():
    text = plain.help_at_home(
        name="Lena",
        statement="I can find equal ratios",
        status=Status.APPROACHING,
        descriptor="Finds equivalent ratios with a table",
    )
    assert text == (
        "Lena is getting close. Ask them to explain, step by step, how they do it. "
        "When they can do it, it looks like this: “Finds equivalent ratios with a table”"
    )
    assert plain.help_at_home(name="L", statement="I can S", status=Status.NOT_YET) == (
        "Ask L to show you what they have tried so far. The goal: “I can S”"
    )
    assert "learn next" in plain.help_at_home(name="L", statement="S", status=Status.NOT_STARTED)


def test_help_at_home_in_spanish_keeps_the_framework_text_as_written():
    with translation.override("es"):
        text = plain.help_at_home(
            name="Lena", statement="I can scale a recipe", status=Status.NOT_YET
        )
    assert text == (
        "Pida a Lena que le muestre lo que ha intentado hasta ahora. "
        "La meta: “I can scale a recipe”"
    )


def test_pace_tells_academic_and_lifelong_learning_apart():
    assert plain.pace_in_words(area="academic", can_do=12, total=25) == (
        "Academic learning: 12 of 25 learning targets: can do it"
    )
    assert plain.pace_in_words(area="lifelong", can_do=3, total=6) == (
        "Lifelong learning (skills like planning and working with others): "
        "3 of 6 learning targets: can do it"
    )


def test_pace_by_area_reads_in_spanish():
    with translation.override("es"):
        assert plain.pace_in_words(area="academic", can_do=12, total=25) == (
            "Aprendizaje académico: 12 de 25 metas de aprendizaje: lo puede hacer"
        )
        assert plain.pace_in_words(area="lifelong", can_do=3, total=6) == (
            "Aprendizaje para la vida (habilidades como planificar y trabajar con otros): "
            "3 de 6 metas de aprendizaje: lo puede hacer"
        )


@pytest.mark.parametrize(
    ("status", "projected", "says"),
    [
        (
            "ahead",
            "1 May",
            "Sam is ahead of pace. At this pace, the finish will be by 1 May, before",
        ),
        ("on pace", "1 May", "Sam is on pace to finish by 1 May; it is due 9 June."),
        (
            "behind",
            "1 Aug",
            "Sam is behind pace. At this pace, the finish would be by 1 Aug, after",
        ),
        ("behind", None, "has not mastered a target towards it yet"),
    ],
)
def test_a_requirement_pace_reads_as_one_sentence(status, projected, says):
    words = plain.requirement_pace_in_words(
        name="Sam", title="Maths credit", status=status, projected=projected, due="9 June"
    )
    assert words.startswith("Maths credit: ")
    assert says in words


@pytest.mark.parametrize("status", ["ahead", "behind", "on pace"])
def test_spanish_pace_needs_no_gender(status):
    """ "Elena va adelantado" agreed with no one: every pace sentence is neutral."""
    with translation.override("es"):
        words = plain.requirement_pace_in_words(
            name="Elena", title="Crédito", status=status, projected="1 may 2027", due="9 jun 2027"
        )
    for gendered in ("adelantad", "atrasad", "listo", "lista"):
        assert gendered not in words
    assert "Elena" in words


def test_ahead_in_spanish_reads_por_delante_del_ritmo():
    with translation.override("es"):
        words = plain.requirement_pace_in_words(
            name="Elena", title="Crédito", status="ahead", projected="1 may 2027", due="9 jun 2027"
        )
    assert words.startswith("Crédito: Elena va por delante del ritmo previsto.")


def test_a_quoted_untranslated_statement_keeps_its_language_mark():
    from continuum.frameworks.public import LocalText

    with translation.override("es"):
        text = plain.help_at_home(
            name="Lena",
            statement=LocalText("I can scale a recipe", "en", "es"),
            status=Status.NOT_YET,
        )
    assert text.endswith(
        'La meta: “<span lang="en">I can scale a recipe</span> '
        '<small class="untranslated">(en inglés)</small>”'
    )


@pytest.mark.parametrize("language", ["en", "es"])
def test_a_projection_far_past_graduation_is_not_given_as_a_date(language):
    with translation.override(language):
        words = plain.requirement_pace_in_words(
            name="Sam",
            title="Maths credit",
            status="behind",
            projected="3 Mar 2032",
            due="9 June 2027",
            out_of_reach=True,
        )
    assert "2032" not in words
    assert "9 June 2027" in words
