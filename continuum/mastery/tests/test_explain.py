"""Every estimate shows each score's part in it, and what the next score would do."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from continuum.mastery import METHODS, estimate_one, explanation, what_if
from continuum.mastery.tests.strategies import parameters, scores

LINEAR = sorted(name for name, method in METHODS.items() if method.shares is not None)


def test_decaying_average_shares_show_older_work_fading() -> None:
    explained = explanation("decaying_average", [1.0, 2.0, 3.0, 4.0, 5.0], params={"w": 0.65})
    shares = [c.share for c in explained.contributions]
    assert shares == pytest.approx([0.35**4, 0.65 * 0.35**3, 0.65 * 0.35**2, 0.65 * 0.35, 0.65])
    assert explained.parameters == {"w": 0.65}
    assert explained.contributions[-1].note == "0.650 × 5 = 3.250"


@pytest.mark.parametrize("method", LINEAR)
@given(values=scores, data=st.data())
def test_shares_of_weighted_sum_methods_add_up_to_the_estimate(
    method: str, values: list[float], data: st.DataObject
) -> None:
    weights = data.draw(st.lists(st.floats(0.1, 3), min_size=len(values), max_size=len(values)))
    explained = explanation(method, values, weights, data.draw(parameters(method)))
    assert sum(c.share or 0.0 for c in explained.contributions) == pytest.approx(1.0)
    total = sum(c.amount or 0.0 for c in explained.contributions)
    assert total == pytest.approx(explained.estimate, abs=1e-9)


def test_each_contribution_names_the_position_and_weight_of_its_score() -> None:
    explained = explanation("weighted_mean", [2.0, 3.0, 4.0], [1.0, 0.5, 2.0])
    assert [(c.attempt, c.index, c.score, c.weight) for c in explained.contributions] == [
        (1, 0, 2.0, 1.0),
        (2, 1, 3.0, 0.5),
        (3, 2, 4.0, 2.0),
    ]


def test_latest_counts_only_the_most_recent_score() -> None:
    counted = [c.counted for c in explanation("latest", [1.0, 4.0, 2.0]).contributions]
    assert counted == [False, False, True]


def test_n_of_m_says_which_scores_it_looked_at() -> None:
    explained = explanation("n_of_m", [1.0, 3.0, 1.0, 3.5], params={"n": 2, "m": 3, "cut": 3})
    assert explained.estimate == 3.0
    assert [c.counted for c in explained.contributions] == [False, True, True, True]
    assert all(c.share is None for c in explained.contributions)
    assert "older than the last 3" in explained.contributions[0].note


def test_best_fit_names_the_model_it_chose_and_the_errors() -> None:
    explained = explanation("best_fit", [1.0, 2.0, 3.0, 4.0])
    assert "linear fit" in explained.contributions[0].note
    assert "mean 4.00" in explained.contributions[0].note


def test_power_law_says_when_a_zero_was_floored() -> None:
    explained = explanation("power_law", [0.0, 2.0, 3.0])
    assert "counted as 0.1" in explained.contributions[0].note


def test_what_if_my_next_score_were_4() -> None:
    history = [2.0, 2.0, 3.0]
    assert what_if("decaying_average", history, 4.0) == estimate_one(
        "decaying_average", [2.0, 2.0, 3.0, 4.0]
    )
    assert what_if("weighted_mean", history, 4.0, [1, 1, 1], next_weight=3) == pytest.approx(
        (2 + 2 + 3 + 12) / 6
    )
