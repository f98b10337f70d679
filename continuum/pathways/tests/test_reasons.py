"""A plan step's stored reasons, said again in the reader's language."""

from django.utils import translation
from django.utils.html import conditional_escape

from continuum.pathways.reasons import reason_in_words


def test_each_shape_of_reason_the_recommender_writes_is_spanish():
    with translation.override("es"):
        assert reason_in_words("ready: it has no prerequisites") == (
            "Se puede empezar: no tiene requisitos previos"
        )
        assert reason_in_words("ready: its prerequisites M6.RP.1 and M6.RP.2 are mastered") == (
            "Se puede empezar: sus requisitos previos M6.RP.1 y M6.RP.2 están dominados"
        )
        assert reason_in_words("opens the way to 1 later target") == (
            "Abre el camino a 1 meta posterior"
        )
        assert reason_in_words("fits your interest in cooking") == "Encaja con tu interés: cooking"
        assert reason_in_words("the learner model gives a 72% chance of mastery") == (
            "El modelo de aprendizaje da un 72 % de probabilidad de dominarla"
        )
        assert reason_in_words("stretch: needs M6.NS.1, M6.NS.2 and M6.NS.3 first") == (
            "Reto: antes necesitas M6.NS.1, M6.NS.2 y M6.NS.3"
        )


def test_a_reason_read_in_english_is_only_capitalised():
    with translation.override("en"):
        assert reason_in_words("new: you have not started it yet") == (
            "New: you have not started it yet"
        )


def test_a_reason_of_an_unknown_shape_is_shown_as_stored_and_marked_english():
    with translation.override("es"):
        shown = conditional_escape(
            reason_in_words("relearn: the course ended before it was proficient")
        )
    assert shown == (
        '<span lang="en">Relearn: the course ended before it was proficient</span> '
        '<small class="untranslated">(en inglés)</small>'
    )
