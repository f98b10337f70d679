"""The logistic learner model in the product: the school's fit (the refit command), a
learner's chance of mastery, and the order of what is ready; never a status."""

from io import StringIO

import pytest
from django.core.management import call_command

from continuum.evidence.models import Estimate, LearnerModelFit
from continuum.evidence.selectors.learner_map import learner_map_get
from continuum.evidence.selectors.learner_model import mastery_chance_get, mastery_predictions
from continuum.evidence.services.learner_model import learner_model_fit, learner_model_fit_all
from continuum.evidence.services.recording import evidence_record
from continuum.evidence.tests.learner_model_factories import (
    MONDAY,
    answer,
    class_answers,
    questions_on,
)
from continuum.mastery import Status
from continuum.mastery.model_estimate import Certainty, Weights
from continuum.people.models import Organization, Role, User

RATES = {"N.1.a": 0.6, "N.1.b": 0.15, "SEL.1.a": 0.9}


@pytest.fixture
def questions(world, sample):
    return questions_on(world, {code: sample[code] for code in RATES})


@pytest.fixture
def school_fit(world, sample, questions):
    """A class of twelve answered; the school's model of the framework is fitted."""
    class_answers(world, questions, RATES)
    fit = learner_model_fit(
        school=world["school"], framework=sample["N.1.a"].version.framework, now=MONDAY
    )
    assert fit is not None
    return fit


def test_fitting_a_small_schools_answers_stores_a_versioned_model(world, sample, school_fit):
    assert (school_fit.version, school_fit.fitted_at) == (1, MONDAY)
    assert (school_fit.responses, school_fit.learners) == (12 * 6 * 3, 12)
    weights = Weights.from_dict(school_fit.weights)
    assert set(weights.skills) == {sample[code].pk for code in RATES}
    # the easy target's own weight is above the hard one's
    assert weights.skills[sample["SEL.1.a"].pk][0] > weights.skills[sample["N.1.b"].pk][0]
    again = learner_model_fit(school=world["school"], framework=school_fit.framework)
    assert again is not None
    assert again.version == 2
    assert LearnerModelFit.objects.count() == 2


def test_a_school_without_answers_gets_no_model(world, sample):
    assert learner_model_fit(school=world["school"], framework=sample.framework) is None
    assert not LearnerModelFit.objects.exists()


def test_the_refit_command_fits_bkt_and_the_learner_model_of_each_school(world, sample, questions):
    class_answers(world, questions, RATES, size=2, each=2)
    out = StringIO()
    call_command("fit_tracing", "--minimum=10", stdout=out)
    said = out.getvalue()
    assert "Fitted 0 target(s)." in said  # 4 answers per target: too few for BKT's 10
    assert "Maple Grove · " in said
    assert "version 1 from 12 responses of 2 learner(s)" in said
    assert "Fitted 1 learner model(s)." in said
    assert learner_model_fit_all(minimum=13) == []


def test_the_chance_of_mastery_comes_with_an_interval_words_and_named_parts(
    world, sample, questions, school_fit
):
    lena = world["lena"]
    before = mastery_chance_get(learner=lena, target=sample["SEL.1.a"])
    assert before is not None
    assert before.words == "not sure yet"
    for minute in range(20):
        answer(questions["SEL.1.a"], lena, True, 100 + minute)
    chance = mastery_chance_get(learner=lena, target=sample["SEL.1.a"])
    assert chance is not None
    assert chance.fit == school_fit
    prediction = chance.prediction
    assert prediction.answers == 20
    assert prediction.low < prediction.probability < prediction.high
    assert prediction.certainty == Certainty.VERY_LIKELY
    assert chance.words == "very likely"
    words = [part.words for part in chance.parts]
    assert "Right answers on SEL.1.a so far" in words
    assert all(part.signed[0] in "+−0" for part in chance.parts)


def test_a_learner_is_read_with_their_own_schools_model_only(world, sample, school_fit):
    other = Organization.objects.create(
        kind="school", name="Oak Hill", parent=world["school"].parent
    )
    newcomer = User.objects.create_user("newcomer", role=Role.LEARNER, organization=other)
    assert mastery_chance_get(learner=newcomer, target=sample["SEL.1.a"]) is None
    assert mastery_chance_get(learner=world["lena"], target=sample["N.2.a"]) is None  # unseen


def test_the_model_orders_what_is_ready_most_likely_first(world, sample, school_fit):
    evidence_record(
        learner=world["lena"],
        target=sample["N.1.a"],
        scorer=world["erin"],
        level=3,
        assessed_at=MONDAY,
    )
    plain = learner_map_get(learner=world["lena"])
    assert plain.readiness.ready == (sample["N.1.b"].pk, sample["SEL.1.a"].pk)  # framework order
    found = learner_map_get(learner=world["lena"], with_model=True)
    assert found.likelihood[sample["SEL.1.a"].pk] > found.likelihood[sample["N.1.b"].pk]
    assert found.readiness.ready == (sample["SEL.1.a"].pk, sample["N.1.b"].pk)


def test_the_model_never_changes_a_status(world, sample, questions, school_fit):
    """Lena answers N.1.b right again and again: the model is sure, the policy is not
    (no evidence), so N.1.b stays not started and N.1.c stays blocked behind it."""
    lena = world["lena"]
    for minute in range(30):
        answer(questions["N.1.b"], lena, True, 100 + minute)
    evidence_record(
        learner=lena, target=sample["N.1.a"], scorer=world["erin"], level=3, assessed_at=MONDAY
    )
    before = list(Estimate.objects.values_list("learner", "target", "status", "level"))
    call_command("fit_tracing", "--minimum=1", stdout=StringIO())
    assert list(Estimate.objects.values_list("learner", "target", "status", "level")) == before
    found = learner_map_get(learner=lena, with_model=True)
    chances, _fits = mastery_predictions(learner=lena, targets=[sample["N.1.b"]])
    assert chances[sample["N.1.b"].pk].probability > 0.8
    assert found.status(sample["N.1.b"].pk) == Status.NOT_STARTED
    assert sample["N.1.b"].pk not in found.readiness.mastered
    assert sample["N.1.c"].pk in found.readiness.blocked


def test_the_map_with_the_model_costs_two_more_queries_at_most(
    world, sample, school_fit, django_assert_max_num_queries
):
    learner_map_get(learner=world["lena"])
    with django_assert_max_num_queries(5):
        found = learner_map_get(learner=world["lena"], with_model=True)
    assert found.predictions
