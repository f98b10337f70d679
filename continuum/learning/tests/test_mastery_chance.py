"""The learner model's chance of mastery on the learner's target page and on the
educator's explanation in the gradebook: a percentage, its interval, words, named parts."""

from html import unescape

import pytest
from django.urls import reverse

from continuum.evidence.selectors.learner_model import mastery_chance_get
from continuum.evidence.services.learner_model import learner_model_fit
from continuum.evidence.tests.learner_model_factories import answer, class_answers, questions_on

RATES = {"N.1.a": 0.6, "SEL.1.a": 0.9}


@pytest.fixture
def fitted(world, sample):
    """Erin's class answered; Lena answered SEL.1.a right twenty times; the school's
    model is fitted."""
    questions = questions_on(world, {code: sample[code] for code in RATES})
    class_answers(world, questions, RATES)
    for minute in range(20):
        answer(questions["SEL.1.a"], world["lena"], True, 100 + minute)
    return learner_model_fit(school=world["school"], framework=sample.framework)


def _chance_in(page: str, chance) -> None:
    text = unescape(page)
    assert "Chance of mastery (learner model)" in text
    assert f"{chance.words.capitalize()}</strong>: a {chance.percent}% chance of mastery" in text
    assert f"between {chance.low_percent}% and {chance.high_percent}%" in text
    assert "Right answers on SEL.1.a so far</td><td>+" in text
    assert "never from this model" in text


def test_the_learners_target_page_shows_the_chance_its_interval_and_words(
    client, world, sample, fitted
):
    chance = mastery_chance_get(learner=world["lena"], target=sample["SEL.1.a"])
    assert chance is not None
    assert chance.words == "very likely"
    client.force_login(world["lena"])
    page = client.get(reverse("learner_estimate", args=[world["lena"].pk, sample["SEL.1.a"].pk]))
    _chance_in(page.content.decode(), chance)
    assert "version 1" in page.content.decode()


def test_the_educators_explanation_shows_the_same_chance(client, world, sample, fitted):
    chance = mastery_chance_get(learner=world["lena"], target=sample["SEL.1.a"])
    client.force_login(world["erin"])
    url = reverse(
        "gradebook_explain", args=[world["math_a"].pk, world["lena"].pk, sample["SEL.1.a"].pk]
    )
    _chance_in(client.get(url).content.decode(), chance)


def test_without_a_fit_the_page_says_nothing_of_the_model(client, world, sample):
    client.force_login(world["lena"])
    page = client.get(reverse("learner_estimate", args=[world["lena"].pk, sample["SEL.1.a"].pk]))
    assert page.status_code == 200
    assert "Chance of mastery" not in page.content.decode()
