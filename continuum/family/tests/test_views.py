"""The family page in the reader's language, the language switch, and printing."""

from datetime import UTC, datetime

import pytest
from django.conf import settings
from django.urls import reverse

from continuum.evidence.services.recording import evidence_record
from continuum.frameworks.tests.factories import sample_framework
from continuum.people.models import GuardianLink

WHEN = datetime(2026, 9, 7, 9, tzinfo=UTC)


@pytest.fixture
def lena_scored(world):
    sample = sample_framework()
    for code, level in (("N.1.a", 3), ("N.1.b", 2)):
        evidence_record(
            learner=world["lena"],
            target=sample[code],
            scorer=world["erin"],
            level=level,
            assessed_at=WHEN,
            feedback="Good start on tables.",
        )
    return sample


def test_a_guardian_sees_every_child_in_english(client, world, lena_scored):
    GuardianLink.objects.create(guardian=world["gabe"], learner=world["omar"])
    client.force_login(world["gabe"])
    page = client.get(reverse("family_home")).content.decode()
    assert "How my children are doing" in page
    assert "Lena Ortiz" in page
    assert "Omar Haddad" in page
    assert "What Lena can do now" in page
    assert "I can describe a ratio" in page
    assert "getting close" in page
    assert "How to help at home:" in page
    assert "Good start on tables." in page
    assert "Academic learning: 1 of 4 learning targets: can do it" in page
    assert "Lifelong learning (skills like planning and working with others): 0 of 1" in page
    assert "of 5 learning targets" not in page  # no count mixes the two areas
    assert "2.5" not in page
    assert "family.css" in page


def test_the_page_follows_the_guardians_preferred_language(client, world, lena_scored):
    gabe = world["gabe"]
    gabe.preferred_language = "es"
    gabe.save()
    client.force_login(gabe)
    response = client.get(reverse("family_home"))
    page = response.content.decode()
    assert response["Content-Language"] == "es"
    assert '<html lang="es">' in page
    for spanish in (
        "Cómo les va a mis hijos",
        "Las metas de aprendizaje aparecen en su idioma cuando la escuela tiene una traducción",
        "Lo que Lena puede hacer ahora",
        "En qué trabaja ahora",
        "Cómo ayudar en casa:",
        "casi lo logra",
        "lo puede hacer",
        "Trabajo reciente y comentarios",
        "Ritmo:",
        "Aprendizaje académico: 1 de 4 metas de aprendizaje: lo puede hacer",
        "Aprendizaje para la vida (habilidades como planificar y trabajar con otros): 0 de 1",
        "Salir",  # base.html's sign-out button
        "Inicio",  # the navigation
    ):
        assert spanish in page, spanish
    assert "I can describe a ratio" in page  # framework content stays in its language


def test_the_language_switch_saves_the_choice_and_sets_the_cookie(client, world):
    client.force_login(world["gabe"])
    response = client.post(reverse("family_language"), {"language": "es", "next": "/family/"})
    assert response.status_code == 302
    assert response["Location"] == "/family/"
    assert response.cookies[settings.LANGUAGE_COOKIE_NAME].value == "es"
    world["gabe"].refresh_from_db()
    assert world["gabe"].preferred_language == "es"


def test_an_unknown_language_changes_nothing(client, world):
    client.force_login(world["gabe"])
    response = client.post(
        reverse("family_language"), {"language": "xx", "next": "https://evil.example/"}
    )
    assert response["Location"] == reverse("home")
    world["gabe"].refresh_from_db()
    assert world["gabe"].preferred_language == ""
    assert settings.LANGUAGE_COOKIE_NAME not in response.cookies


def test_staff_with_a_reason_preview_one_child(client, world, lena_scored):
    client.force_login(world["erin"])
    page = client.get(reverse("family_learner", args=[world["lena"].pk])).content.decode()
    assert "How Lena Ortiz is doing" in page
