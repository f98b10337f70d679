"""The learner model in the product, pure: a school's fit by name, a learner's chance of
mastery with its interval, words and parts, and the order of what is ready."""

import math
import random

import pytest
from scipy.special import logit

from continuum.mastery.model_estimate import (
    Answer,
    Certainty,
    Weights,
    certainty,
    predictions,
    school_model,
    wilson_interval,
)
from continuum.mastery.readiness import readiness
from continuum.mastery.recommend import recommendations
from continuum.mastery.status import Status

EASY, HARD = 7, 3  # target ids


def school(seed: int = 2):
    """Sixty learners of varied ability who learn as they practise; target 7 is easy
    (log-odds +1.5), target 3 hard (−1.5)."""
    rng = random.Random(seed)
    learner, target, item, correct = [], [], [], []
    for who in range(60):
        ability = rng.gauss(0.0, 1.0)
        for practice in range(8):
            for t, easiness in ((EASY, 1.5), (HARD, -1.5)):
                p = 1 / (1 + math.exp(-(ability + easiness + 0.25 * practice)))
                learner.append(who)
                target.append(t)
                item.append(100 + t)
                correct.append(rng.random() < p)
    return learner, target, item, correct


def test_the_wilson_interval_matches_its_formula_and_spans_everything_without_answers():
    assert wilson_interval(0.5, 10) == pytest.approx((0.2366, 0.7634), abs=1e-4)
    assert wilson_interval(0.9, 0) == (0.0, 1.0)
    low, high = wilson_interval(0.9, 100)
    assert 0.82 < low < 0.9 < high < 0.95


def test_certainty_in_words_follows_the_chance_and_the_intervals_width():
    assert certainty(0.95, 0.0, 1.0) == Certainty.NOT_SURE_YET
    assert certainty(0.9, 0.75, 0.97) == Certainty.VERY_LIKELY
    assert certainty(0.8, 0.6, 0.9) == Certainty.LIKELY
    assert certainty(0.2, 0.1, 0.4) == Certainty.NOT_LIKELY_YET
    assert certainty(0.5, 0.3, 0.7) == Certainty.EITHER_WAY


def test_the_fit_names_every_weight_and_round_trips_through_storage():
    weights, model = school_model(*school())
    assert model.converged
    assert set(weights.skills) == {EASY, HARD}
    assert set(weights.items) == {103, 107}
    assert Weights.from_dict(weights.to_dict()) == weights
    with pytest.raises(ValueError, match="at least one answer"):
        school_model([], [], [], [])


def test_a_prediction_is_the_sum_of_its_named_parts():
    weights, _ = school_model(*school())
    history = [Answer(EASY, 107, True), Answer(HARD, 103, False), Answer(EASY, None, True)]
    found = predictions(weights, history, [EASY, HARD, 99])
    assert set(found) == {EASY, HARD}  # 99: the fit never saw it
    for target, prediction in found.items():
        assert sum(p.logit for p in prediction.parts) == pytest.approx(
            logit(prediction.probability)
        )
        assert {p.target for p in prediction.parts} <= {None, target}
        assert [abs(p.logit) for p in prediction.parts] == sorted(
            (abs(p.logit) for p in prediction.parts), reverse=True
        )
    assert found[EASY].probability > found[HARD].probability
    assert (found[EASY].answers, found[HARD].answers) == (2, 1)


def test_more_right_answers_raise_the_chance_and_narrow_the_interval():
    weights, _ = school_model(*school())
    few = predictions(weights, [Answer(HARD, None, True)] * 2, [HARD])[HARD]
    many = predictions(weights, [Answer(HARD, None, True)] * 25, [HARD])[HARD]
    assert many.probability > few.probability
    assert many.high - many.low < few.high - few.low
    assert few.certainty == Certainty.NOT_SURE_YET


def test_a_learner_with_no_history_is_predicted_from_the_school_alone():
    weights, _ = school_model(*school())
    found = predictions(weights, [], [HARD, EASY])
    assert found[EASY].probability > found[HARD].probability
    assert found[EASY].certainty == Certainty.NOT_SURE_YET
    assert not math.isnan(found[EASY].parts[0].points)


# 1 → 2 and 1 → 3; 4 alone. With 1 mastered, 2, 3 and 4 are ready.
EDGES = [(1, 2), (1, 3)]
MASTERED_1 = {1: Status.PROFICIENT}
CHANCE = {2: 0.3, 3: 0.8, 4: 0.55}


def test_readiness_puts_the_most_likely_ready_target_first():
    assert readiness([1, 2, 3, 4], EDGES, MASTERED_1).ready == (2, 3, 4)
    assert readiness([1, 2, 3, 4], EDGES, MASTERED_1, {3: 0.8, 4: 0.55}).ready == (3, 4, 2)


def test_the_model_never_makes_a_target_mastered_or_ready():
    sure = {2: 0.99, 5: 0.99}
    found = readiness([1, 2, 5], [(2, 5)], {}, sure)
    assert found.mastered == frozenset()
    assert found.ready == (2, 1)  # 1 has no chance: last; 5 waits for 2 whatever the model says
    assert 5 in found.blocked


def test_the_recommender_suggests_first_what_the_learner_is_most_likely_ready_for():
    without = recommendations([1, 2, 3, 4], EDGES, MASTERED_1)
    assert [s.target for s in without] == [2, 3, 4]
    found = recommendations([1, 2, 3, 4], EDGES, MASTERED_1, likelihood=CHANCE)
    assert [s.target for s in found] == [3, 4, 2]
    assert "the learner model gives a 80% chance of mastery" in found[0].reasons
