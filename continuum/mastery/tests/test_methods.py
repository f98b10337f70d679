"""Known answers for every calculation method, from each method's public definition."""

from __future__ import annotations

import math

import numpy as np
import pytest

from continuum.mastery import (
    best_fit,
    decaying_average,
    estimate_batch,
    estimate_one,
    evidence_columns,
    group,
    highest,
    latest,
    mean,
    median_of_last,
    method_parameters,
    mode_of_last,
    n_of_m,
    power_law,
    weighted_average,
    weighted_mean,
)
from continuum.mastery.methods.trends import best_fits, chosen_fit

ONE_TO_FIVE = [1.0, 2.0, 3.0, 4.0, 5.0]


def test_latest_is_the_most_recent_score() -> None:
    assert latest([4, 1, 2]) == 2


def test_highest_is_the_best_score_ever_shown() -> None:
    assert highest([2, 4, 1]) == 4


def test_mean_of_one_to_five_is_3() -> None:
    assert mean(ONE_TO_FIVE) == 3


def test_weighted_mean_counts_each_score_by_its_weight() -> None:
    assert weighted_mean([2, 4], [1, 3]) == 3.5


def test_weighted_average_of_one_to_five_is_4_13() -> None:
    # Canvas Outcomes "Weighted Average": 65 % of the latest plus 35 % of the mean of the
    # earlier scores; Canvas' example 1, 2, 3, 4, 5 → 4.13 (0.65·5 + 0.35·2.5 = 4.125).
    assert weighted_average(ONE_TO_FIVE, w=0.65) == pytest.approx(4.125)


def test_weighted_average_of_a_single_score_is_that_score() -> None:
    assert weighted_average([2.5], w=0.65) == 2.5


def test_decaying_average_of_one_to_five_is_4_47() -> None:
    # Canvas Outcomes "Decaying Average" (65 %): each new score counts 65 % and the running
    # average 35 %; Canvas' example 1, 2, 3, 4, 5 → 4.47.
    assert round(decaying_average(ONE_TO_FIVE, w=0.65), 2) == 4.47


def test_power_law_recovers_an_exact_power_curve() -> None:
    # Marzano, "Classroom Assessment and Grading That Work" (2006): fit y = a·t^b by least
    # squares on ln y = ln a + b·ln t, t = 1..n, and report a·n^b.
    scores = [2.0 * t**0.5 for t in range(1, 6)]
    assert power_law(scores, floor=0.1) == pytest.approx(2.0 * 5**0.5)


def test_power_law_of_a_single_score_is_that_score() -> None:
    assert power_law([0.0], floor=0.1) == 0.0


def test_power_law_counts_a_zero_as_the_floor() -> None:
    assert power_law([0.0, 4.0], floor=0.5) == pytest.approx(4.0)
    assert power_law([0.0, 0.0], floor=0.5) == pytest.approx(0.5)


def test_n_of_m_is_mastered_when_n_of_the_last_m_reach_the_cut() -> None:
    assert n_of_m([1, 3, 1, 3.5], n=2, m=3, cut=3) == 3
    assert n_of_m([3, 3, 1, 2, 3], n=2, m=3, cut=3) == 2


def test_n_of_m_with_fewer_than_n_scores_stays_below_the_cut() -> None:
    assert n_of_m([4], n=2, m=3, cut=3) == math.nextafter(3, 0)
    assert n_of_m([1], n=2, m=3, cut=3) == 1


def test_median_of_the_last_three() -> None:
    assert median_of_last([4, 1, 3, 2], last=3) == 2
    assert median_of_last([4, 1, 3, 2], last=4) == 2.5


def test_mode_of_the_last_five_breaks_ties_upward() -> None:
    assert mode_of_last([1, 2, 2, 3, 3, 1], last=5) == 3
    assert mode_of_last([4, 2, 2, 3], last=5) == 2


def test_best_fit_follows_a_straight_line() -> None:
    assert best_fit([1.0, 2.0, 3.0, 4.0], floor=0.1) == pytest.approx(4.0)


def test_best_fit_of_scores_without_a_trend_is_their_mean() -> None:
    # Mean and line tie at a total error of 4; a tie goes to the simpler model.
    [mean_fit, *_] = best_fits([3.0, 1.0, 2.0, 2.0, 1.0, 3.0], floor=0.1)
    assert chosen_fit(best_fits([3.0, 1.0, 2.0, 2.0, 1.0, 3.0], floor=0.1)) == mean_fit
    assert best_fit([3.0, 1.0, 2.0, 2.0, 1.0, 3.0], floor=0.1) == 2.0
    assert best_fit([2.0, 2.0, 2.0], floor=0.1) == pytest.approx(2.0)


def test_best_fit_follows_a_power_curve() -> None:
    scores = [3.0 * t**0.3 for t in range(1, 7)]
    assert best_fit(scores, floor=0.1) == pytest.approx(3.0 * 6**0.3)


def test_estimate_one_fills_in_default_parameters() -> None:
    assert estimate_one("decaying_average", ONE_TO_FIVE) == decaying_average(ONE_TO_FIVE, w=0.65)


def test_it_rejects_an_unknown_method() -> None:
    with pytest.raises(ValueError, match="unknown method 'median'"):
        estimate_one("median", [1.0])


def test_it_rejects_unknown_and_out_of_range_parameters() -> None:
    with pytest.raises(ValueError, match="not \\['weight'\\]"):
        method_parameters("decaying_average", {"weight": 0.5})
    with pytest.raises(ValueError, match="w must be within"):
        method_parameters("decaying_average", {"w": 1.5})
    with pytest.raises(ValueError, match="cannot exceed m"):
        method_parameters("n_of_m", {"n": 4, "m": 3})


def test_it_needs_at_least_one_score() -> None:
    with pytest.raises(ValueError, match="at least one score"):
        estimate_one("mean", [])


def test_batch_gives_one_estimate_per_learner_target_in_date_order() -> None:
    evidence = evidence_columns(
        learner=[7, 7, 7, 3],
        target=[1, 1, 2, 1],
        score=[4.0, 2.0, 3.0, 1.0],
        assessed_at=np.array(["2025-03-02", "2025-03-01", "2025-03-01", "2025-01-01"], "M8[D]"),
    )
    segments = group(evidence)
    assert segments.learner.tolist() == [3, 7, 7]
    assert segments.target.tolist() == [1, 1, 2]
    assert estimate_batch("latest", segments).tolist() == [1.0, 4.0, 3.0]


def test_batch_of_no_evidence_is_empty() -> None:
    empty = evidence_columns(learner=[], target=[], score=[], assessed_at=np.array([], "M8[D]"))
    for method in ("mean", "highest", "median_of_last", "best_fit", "decaying_average"):
        assert estimate_batch(method, group(empty)).shape == (0,)
