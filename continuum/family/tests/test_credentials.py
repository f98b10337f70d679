"""The family view's "Credits and certificates": the awards a child holds and the courses
that ended without credit, in plain words, in English and Spanish."""

import pytest
from django.urls import reverse

from continuum.credentials.models import Award
from continuum.credentials.public import award_revoke, awards_sync
from continuum.credentials.tests.conftest import (
    AFTER_THE_COURSE,
    TODAY,
    all_proficient,
    credit_world,
    shown,
)


@pytest.fixture
def credit(world):
    return credit_world(world)


def _family_page(client, world, language: str = "en") -> str:
    gabe = world["gabe"]
    gabe.preferred_language = language
    gabe.save()
    client.force_login(gabe)
    return client.get(reverse("family_home")).content.decode()


def test_a_guardian_reads_the_credit_their_child_earned(client, credit):
    all_proficient(credit, credit["lena"])
    awards_sync(school=credit["school"], today=TODAY)
    page = _family_page(client, credit)
    assert "Credits and certificates" in page
    assert "Lena earned “Grade 6 ratios credit” on 20 Nov 2026." in page
    badges = reverse("learner_badges", args=[credit["lena"].pk])
    assert f'<a href="{badges}">Lena\'s digital badges: download, share or check them</a>' in page
    assert client.get(badges).status_code == 200


def test_a_revoked_award_is_not_shown_to_the_family(client, credit):
    all_proficient(credit, credit["lena"])
    awards_sync(school=credit["school"], today=TODAY)
    award_revoke(award=Award.objects.get(), by=credit["cora"], reason="Recorded in error")
    assert "Credits and certificates" not in _family_page(client, credit)


def test_a_course_that_ended_without_credit_is_told_in_plain_spanish(client, credit):
    shown(credit["lena"], credit["maths"]["N.1.a"], 3)
    awards_sync(school=credit["school"], today=AFTER_THE_COURSE)
    page = _family_page(client, credit, "es")
    assert "Créditos y certificados" in page
    # The school typed the requirement's name in English: marked, never machine-translated.
    assert (
        '“<span lang="en">Grade 6 ratios credit</span> '
        '<small class="untranslated">(en inglés)</small>” terminó el 1 jun 2027' in page
    )
    assert "no es una calificación reprobatoria" in page
    assert "plan de aprendizaje de Lena" in page


def test_a_course_that_ended_without_credit_is_told_in_plain_english(client, credit):
    shown(credit["lena"], credit["maths"]["N.1.a"], 3)
    awards_sync(school=credit["school"], today=AFTER_THE_COURSE)
    page = _family_page(client, credit)
    assert (
        "“Grade 6 ratios credit” ended on 1 Jun 2027 before Lena had shown all of it. "
        "That is not a failing grade: the skills still to learn are now in Lena's learning "
        "plan." in page.replace("&#x27;", "'")
    )
