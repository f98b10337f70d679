"""The logistic learner model: features from earlier responses only, the fit, explanations."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from continuum.mastery.learner_model import contributions, fitted_model, p_correct
from continuum.mastery.lr_features import (
    OVERALL_COLUMNS,
    RECENT,
    SKILL_COLUMNS,
    response_features,
)


def _column(name: str, skill: int | None = None) -> int:
    if skill is None:
        return OVERALL_COLUMNS.index(name)
    return len(OVERALL_COLUMNS) + skill * len(SKILL_COLUMNS) + SKILL_COLUMNS.index(name)


def test_counts_last_answer_and_run_come_from_earlier_answers_on_the_skill() -> None:
    correct = np.array([1, 0, 1, 1, 1])
    features = response_features(
        np.zeros(5, dtype=np.int64), np.zeros(5, dtype=np.int64), correct, n_skills=1
    )
    m = features.matrix.toarray()
    np.testing.assert_allclose(np.expm1(m[:, _column("right so far", 0)]), [0, 1, 1, 2, 3])
    np.testing.assert_allclose(np.expm1(m[:, _column("wrong so far", 0)]), [0, 0, 1, 1, 1])
    np.testing.assert_allclose(m[:, _column("last right", 0)], [0.5, 1, 0, 1, 1])
    np.testing.assert_allclose(m[:, _column("first time", 0)], [1, 0, 0, 0, 0])
    np.testing.assert_allclose(np.expm1(m[:, _column("run", 0)]), [0, 1, 0, 1, 2])


def test_a_response_listed_once_per_skill_is_one_response_seen_by_neither_copy() -> None:
    # Item 7 practises skills 0 and 1 and is listed twice; then item 8 on skill 1.
    features = response_features(
        np.array([0, 0, 0]),
        np.array([0, 1, 1]),
        np.array([0, 0, 1]),
        item=np.array([7, 7, 8]),
        n_skills=2,
        n_items=9,
    )
    assert features.matrix.shape[0] == 2
    np.testing.assert_array_equal(features.response_of_row, [0, 0, 1])
    first, second = features.matrix.toarray()
    assert first[_column("practised", 0)] == first[_column("practised", 1)] == 1.0
    assert first[_column("first response")] == 1.0  # the copy did not count as earlier
    assert np.expm1(second[_column("wrong so far", 1)]) == 1.0
    assert np.expm1(second[_column("wrong so far, all skills")]) == 1.0


def test_recent_answers_count_only_the_last_window() -> None:
    n = RECENT + 3
    correct = np.array([1] * 3 + [0] * RECENT)
    features = response_features(
        np.zeros(n, dtype=np.int64), np.zeros(n, dtype=np.int64), correct, n_skills=1
    )
    last = features.matrix.toarray()[-1]
    # The last RECENT before the final answer: the third right one, then RECENT - 1 wrong.
    assert np.expm1(last[_column("right among recent")]) == pytest.approx(1)
    assert np.expm1(last[_column("wrong among recent")]) == pytest.approx(RECENT - 1)


@settings(max_examples=40, deadline=None)
@given(
    answers=st.lists(
        st.tuples(st.integers(0, 2), st.integers(0, 2), st.integers(0, 3), st.booleans()),
        min_size=2,
        max_size=30,
    ),
    cut=st.integers(1, 29),
)
def test_features_never_depend_on_later_responses(answers: list, cut: int) -> None:
    learner, skill, item, correct = (np.array(column) for column in zip(*answers, strict=True))
    cut = min(cut, len(answers))

    def matrix(rows: slice) -> tuple[np.ndarray, np.ndarray]:
        f = response_features(
            learner[rows], skill[rows], correct[rows], item=item[rows], n_skills=3, n_items=4
        )
        return f.matrix.toarray(), f.response_of_row

    whole, of_row = matrix(slice(None))
    prefix, _ = matrix(slice(0, cut))
    complete = (
        of_row[cut - 1] + 1
        if cut == len(answers) or of_row[cut] != of_row[cut - 1]
        else of_row[cut - 1]
    )
    np.testing.assert_allclose(prefix[:complete], whole[:complete])


def _newton(x: np.ndarray, y: np.ndarray, strength: float) -> np.ndarray:
    """Penalised logistic regression by plain Newton steps (dense; the intercept free)."""
    w = np.zeros(x.shape[1])
    penalty = np.full(x.shape[1], strength)
    penalty[0] = 0.0
    for _ in range(50):
        p = 1.0 / (1.0 + np.exp(-x @ w))
        gradient = x.T @ (p - y) + penalty * w
        hessian = (x.T * (p * (1 - p))) @ x + np.diag(penalty)
        w -= np.linalg.solve(hessian, gradient)
    return w


def test_the_fit_finds_the_penalised_maximum_likelihood_weights() -> None:
    rng = np.random.default_rng(3)
    n = 600
    learner, skill = rng.integers(0, 30, n), rng.integers(0, 3, n)
    item = rng.integers(0, 8, n)
    correct = (rng.random(n) < 0.3 + 0.05 * item).astype(np.int64)
    features = response_features(learner, skill, correct, item=item, n_skills=3, n_items=8)
    model = fitted_model(features, strength=2.0)
    x, y = features.matrix.toarray(), features.correct
    expected = _newton(x, y, 2.0)

    def objective(w: np.ndarray) -> float:
        z = x @ w
        return float(np.logaddexp(0, z).sum() - y @ z + 1.0 * (w[1:] @ w[1:]))

    assert model.converged
    assert objective(model.weights) - objective(expected) < 1e-6 * objective(expected)
    np.testing.assert_allclose(model.weights, expected, atol=5e-3)


def test_contributions_add_up_to_the_prediction() -> None:
    rng = np.random.default_rng(4)
    n = 300
    learner, skill = rng.integers(0, 10, n), rng.integers(0, 2, n)
    correct = rng.integers(0, 2, n)
    features = response_features(learner, skill, correct, n_skills=2)
    model = fitted_model(features)
    predicted = p_correct(model, features)
    for response in (0, 50, features.correct.size - 1):
        parts = contributions(model, features, response)
        logit = sum(part.logit for part in parts)
        assert abs(1.0 / (1.0 + np.exp(-logit)) - predicted[response]) < 1e-12
        assert any(part.feature == "intercept" for part in parts)


def test_harder_items_get_lower_predictions() -> None:
    rng = np.random.default_rng(5)
    n = 4000
    item = rng.integers(0, 2, n)
    correct = (rng.random(n) < np.where(item == 0, 0.85, 0.35)).astype(np.int64)
    features = response_features(
        rng.integers(0, 200, n),
        np.zeros(n, dtype=np.int64),
        correct,
        item=item,
        n_skills=1,
        n_items=2,
    )
    predicted = p_correct(fitted_model(features), features)
    assert predicted[features.matrix[:, -1].toarray().ravel() == 1].mean() < 0.5
    assert predicted[features.matrix[:, -2].toarray().ravel() == 1].mean() > 0.7
