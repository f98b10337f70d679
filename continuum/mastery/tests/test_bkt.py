"""Bayesian knowledge tracing: the update, its batch form, and EM fitting."""

from __future__ import annotations

import itertools
import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from continuum.mastery import bkt_em, bkt_forward_backward, bkt_layout
from continuum.mastery.bkt import (
    BKTParams,
    correct_probability,
    fitted_parameters,
    mastery_after_response,
    mastery_trace,
)

PARAMS = BKTParams(prior=0.4, learn=0.2, guess=0.25, slip=0.1)


def simulate(
    params: list[BKTParams], learners: int, steps: int, seed: int
) -> dict[str, np.ndarray]:
    """Responses of `learners` learners on every target, `steps` each, rows interleaved."""
    rng = np.random.default_rng(seed)
    rows: dict[str, list[np.ndarray]] = {"correct": [], "learner": [], "target": []}
    for target, p in enumerate(params):
        mastered = rng.random(learners) < p.prior
        for _ in range(steps):
            chance = np.where(mastered, 1 - p.slip, p.guess)
            rows["correct"].append(rng.random(learners) < chance)
            rows["learner"].append(np.arange(learners))
            rows["target"].append(np.full(learners, target))
            learns = rng.random(learners) < p.learn
            forgets = rng.random(learners) < p.forget
            mastered = np.where(mastered, ~forgets, learns)
    return {k: np.concatenate(v) for k, v in rows.items()}


# -- The one-response update -------------------------------------------------------------


def test_update_after_a_correct_answer_matches_the_hand_computed_value() -> None:
    # Corbett & Anderson (1995), eqs. 1-2: P(L|correct) = P(L)(1-S) / (P(L)(1-S) + (1-P(L))G)
    # = 0.36 / 0.51 = 12/17; then P(L) + (1 - P(L)) T = 12/17 + (5/17)(0.2) = 13/17.
    assert mastery_after_response(PARAMS, 0.4, True) == pytest.approx(13 / 17, abs=1e-15)


def test_update_after_a_wrong_answer_matches_the_hand_computed_value() -> None:
    # P(L|wrong) = P(L)S / (P(L)S + (1-P(L))(1-G)) = 0.04 / 0.49 = 4/49;
    # then 4/49 + (45/49)(0.2) = 13/49.
    assert mastery_after_response(PARAMS, 0.4, False) == pytest.approx(13 / 49, abs=1e-15)


def test_forgetting_takes_mastery_away_after_the_update() -> None:
    # 12/17 mastered after the evidence; (12/17)(1 - 0.1) + (5/17)(0.2) = 11.8/17.
    params = BKTParams(prior=0.4, learn=0.2, guess=0.25, slip=0.1, forget=0.1)
    assert mastery_after_response(params, 0.4, True) == pytest.approx(11.8 / 17, abs=1e-15)


def test_correct_probability_mixes_slip_and_guess() -> None:
    assert correct_probability(PARAMS, 0.4) == pytest.approx(0.4 * 0.9 + 0.6 * 0.25)


def test_params_round_trip_through_a_dict() -> None:
    params = BKTParams(prior=0.1, learn=0.2, guess=0.3, slip=0.05, forget=0.01)
    assert BKTParams.from_dict(params.to_dict()) == params
    assert BKTParams.from_dict({"prior": 0.1, "learn": 0.2, "guess": 0.3, "slip": 0.05}).forget == 0


@pytest.mark.parametrize(
    "values",
    [
        {"prior": 1.5, "learn": 0.2, "guess": 0.2, "slip": 0.1},
        {"prior": 0.5, "learn": -0.1, "guess": 0.2, "slip": 0.1},
        {"prior": 0.5, "learn": 0.2, "guess": 0.0, "slip": 0.1},
        {"prior": 0.5, "learn": 0.2, "guess": 0.2, "slip": 1.0},
    ],
)
def test_params_outside_their_range_are_refused(values: dict[str, float]) -> None:
    with pytest.raises(ValueError, match="must be in"):
        BKTParams(**values)


# -- The batch form ----------------------------------------------------------------------

probability = st.floats(min_value=0.0, max_value=1.0)
inner = st.floats(min_value=1e-6, max_value=1 - 1e-6)
params_strategy = st.builds(
    BKTParams, prior=probability, learn=probability, guess=inner, slip=inner, forget=probability
)
responses = st.lists(
    st.tuples(st.integers(0, 3), st.integers(0, 1), st.booleans()), min_size=1, max_size=60
)


@given(table=st.lists(params_strategy, min_size=2, max_size=2), rows=responses)
def test_the_batch_trace_equals_folding_the_update_exactly(
    table: list[BKTParams], rows: list[tuple[int, int, bool]]
) -> None:
    learner, target, correct = (np.array(column) for column in zip(*rows, strict=True))
    trace = mastery_trace(table, correct, learner=learner, target=target)
    state: dict[tuple[int, int], float] = {}
    for i, (who, what, right) in enumerate(rows):
        now = state.get((who, what), table[what].prior)
        assert trace.before[i] == now
        assert trace.p_correct[i] == correct_probability(table[what], now)
        state[(who, what)] = mastery_after_response(table[what], now, right)
        assert trace.after[i] == state[(who, what)]


@given(params=params_strategy, correct=st.lists(st.booleans(), min_size=1, max_size=80))
def test_probabilities_stay_between_zero_and_one(params: BKTParams, correct: list[bool]) -> None:
    trace = mastery_trace(params, correct)
    for column in (trace.before, trace.p_correct, trace.after):
        assert np.all((column >= 0.0) & (column <= 1.0))


@given(
    params=params_strategy,
    correct=st.lists(st.booleans(), min_size=2, max_size=40),
    data=st.data(),
)
def test_a_later_response_never_changes_an_earlier_prediction(
    params: BKTParams, correct: list[bool], data: st.DataObject
) -> None:
    at = data.draw(st.integers(0, len(correct) - 1))
    flipped = list(correct)
    flipped[at] = not flipped[at]
    a, b = mastery_trace(params, correct), mastery_trace(params, flipped)
    assert np.array_equal(a.p_correct[: at + 1], b.p_correct[: at + 1])
    assert np.array_equal(a.before[: at + 1], b.before[: at + 1])


def test_an_empty_batch_gives_empty_columns() -> None:
    trace = mastery_trace(PARAMS, np.zeros(0, dtype=bool))
    assert trace.p_correct.shape == (0,)


# -- Fitting -----------------------------------------------------------------------------

TRUE = [
    BKTParams(prior=0.3, learn=0.15, guess=0.2, slip=0.1),
    BKTParams(prior=0.6, learn=0.05, guess=0.3, slip=0.15),
]


def test_em_recovers_the_parameters_that_simulated_the_data() -> None:
    data = simulate(TRUE, learners=3000, steps=15, seed=7)
    fit = fitted_parameters(data["correct"], learner=data["learner"], target=data["target"])
    for target, truth in enumerate(TRUE):
        got = fit.params[target]
        for name in ("prior", "learn", "guess", "slip"):
            assert getattr(got, name) == pytest.approx(getattr(truth, name), abs=0.03), name
        assert got.forget == 0.0


def test_em_with_forgetting_recovers_the_forget_rate() -> None:
    truth = BKTParams(prior=0.3, learn=0.2, guess=0.2, slip=0.1, forget=0.05)
    data = simulate([truth], learners=3000, steps=15, seed=11)
    fit = fitted_parameters(
        data["correct"], learner=data["learner"], target=data["target"], forgetting=True
    )
    got = fit.params[0]
    for name in ("prior", "learn", "guess", "slip", "forget"):
        assert getattr(got, name) == pytest.approx(getattr(truth, name), abs=0.04), name


def test_fitting_is_reproducible_for_a_seed() -> None:
    data = simulate(TRUE, learners=200, steps=8, seed=3)
    first = fitted_parameters(data["correct"], learner=data["learner"], target=data["target"])
    again = fitted_parameters(data["correct"], learner=data["learner"], target=data["target"])
    assert first.params == again.params


def test_fitted_guess_and_slip_stay_below_one_half() -> None:
    # Mostly-right answers from the start pull an unbounded fit towards guess > 0.5.
    data = simulate([BKTParams(0.1, 0.05, 0.7, 0.05)], learners=500, steps=10, seed=5)
    fit = fitted_parameters(data["correct"], learner=data["learner"], target=data["target"])
    assert fit.params[0].guess <= 0.5
    assert fit.params[0].slip <= 0.5


def test_targets_absent_from_the_data_get_no_parameters() -> None:
    fit = fitted_parameters([1, 0, 1], learner=[0, 0, 1], target=[2, 2, 5])
    assert set(fit.params) == {2, 5}
    assert fitted_parameters([], learner=[], target=[]).params == {}


def test_an_em_step_never_lowers_the_likelihood() -> None:
    data = simulate(TRUE, learners=300, steps=10, seed=9)
    seqs = bkt_layout.sequences_of(data["learner"], data["target"].astype(np.int64), 2)
    distinct = bkt_layout.distinct_sequences(seqs, data["correct"], 2)
    e_step = bkt_em.LearningTimeEStep(distinct, 2)
    theta = np.array([[[0.5, 0.3, 0.45, 0.4, 0.0], [0.1, 0.01, 0.05, 0.02, 0.0]]])
    counts, previous = e_step(theta)
    for _ in range(30):
        theta = bkt_em.m_step(counts, theta, forgetting=False)
        counts, log_likelihood = e_step(theta)
        assert np.all(log_likelihood >= previous - 1e-9)
        previous = log_likelihood


def test_the_closed_form_e_step_agrees_with_forward_backward() -> None:
    rng = np.random.default_rng(1)
    learner, target = rng.integers(0, 40, 500), rng.integers(0, 3, 500)
    seqs = bkt_layout.sequences_of(learner, target, 3)
    distinct = bkt_layout.distinct_sequences(seqs, rng.random(500) < 0.6, 3)
    theta = rng.uniform(0.05, 0.45, (2, 3, 5))
    theta[..., bkt_em.FORGET] = 0.0
    closed, closed_ll = bkt_em.LearningTimeEStep(distinct, 3)(theta)
    general, general_ll = bkt_forward_backward.ForwardBackwardEStep(distinct, 3)(theta)
    np.testing.assert_allclose(closed, general[..., :8], rtol=1e-10)
    np.testing.assert_allclose(closed_ll, general_ll, rtol=1e-10)
    assert np.all(general[..., 8] == 0.0)


def test_repeated_response_patterns_are_fitted_once_with_their_count() -> None:
    learner = np.array([0, 0, 1, 1, 2, 2, 3])
    target = np.array([0, 0, 0, 0, 0, 0, 0])
    correct = np.array([1, 0, 1, 0, 0, 1, 1], dtype=bool)
    seqs = bkt_layout.sequences_of(learner, target, 1)
    distinct = bkt_layout.distinct_sequences(seqs, correct, 1)
    patterns = {
        (tuple(distinct.correct[s : s + n]), w)
        for s, n, w in zip(distinct.starts, distinct.lengths, distinct.weight, strict=True)
    }
    assert patterns == {((True, False), 2.0), ((False, True), 1.0), ((True,), 1.0)}


@settings(max_examples=25, deadline=None)
@given(seed=st.integers(0, 2**32 - 1))
def test_fitted_parameters_respect_their_bounds(seed: int) -> None:
    rng = np.random.default_rng(seed)
    n = 200
    fit = fitted_parameters(
        rng.random(n) < rng.random(),
        learner=rng.integers(0, 20, n),
        target=rng.integers(0, 3, n),
        restarts=2,
        max_iterations=20,
    )
    for params in fit.params.values():
        for name, (low, high) in zip(bkt_em.COLUMNS, bkt_em.BOUNDS, strict=True):
            assert low <= getattr(params, name) <= high
    assert all(math.isfinite(v) for v in fit.log_likelihood.values())


def _enumerated_counts(
    distinct: bkt_layout.Distinct, theta: np.ndarray, n_targets: int
) -> tuple[np.ndarray, np.ndarray]:
    """Expected counts and log-likelihood by summing over every hidden path (short sequences)."""
    counts = np.zeros((n_targets, 10))
    log_likelihood = np.zeros(n_targets)
    for start, n, k, w in zip(
        distinct.starts, distinct.lengths, distinct.target, distinct.weight, strict=True
    ):
        prior, learn, guess, slip, forget = theta[k]
        right = distinct.correct[start : start + n]
        paths = np.array(list(itertools.product([0, 1], repeat=int(n))), dtype=bool)
        p = np.where(paths[:, 0], prior, 1 - prior)
        for t in range(int(n)):
            p = p * np.where(
                paths[:, t],
                np.where(right[t], 1 - slip, slip),
                np.where(right[t], guess, 1 - guess),
            )
            if t + 1 < n:
                was, now = paths[:, t], paths[:, t + 1]
                p = p * np.where(
                    was, np.where(now, 1 - forget, forget), np.where(now, learn, 1 - learn)
                )
        total = p.sum()
        post = p / total
        m = paths
        before, after = m[:, :-1], m[:, 1:]
        per_path = np.stack(
            [
                m[:, 0],
                np.ones(len(m)),
                (~before & after).sum(1),
                (~before).sum(1),
                (~m & right).sum(1),
                (~m).sum(1),
                (m & ~right).sum(1),
                m.sum(1),
                (before & ~after).sum(1),
                before.sum(1),
            ],
            axis=1,
        )
        counts[k] += w * (post @ per_path)
        log_likelihood[k] += w * np.log(total)
    return counts, log_likelihood


@settings(max_examples=15, deadline=None)
@given(seed=st.integers(0, 2**32 - 1))
def test_forward_backward_with_forgetting_agrees_with_summing_every_hidden_path(
    seed: int,
) -> None:
    rng = np.random.default_rng(seed)
    rows = 120
    learner, target = rng.integers(0, 25, rows), rng.integers(0, 3, rows)
    seqs = bkt_layout.sequences_of(learner, target, 3)
    distinct = bkt_layout.distinct_sequences(seqs, rng.random(rows) < 0.6, 3)
    keep = distinct.lengths <= 9
    starts = np.cumsum(distinct.lengths[keep]) - distinct.lengths[keep]
    rows_kept = np.concatenate(
        [
            np.arange(s, s + n)
            for s, n in zip(distinct.starts[keep], distinct.lengths[keep], strict=True)
        ]
    )
    short = bkt_layout.Distinct(
        correct=distinct.correct[rows_kept],
        starts=starts,
        lengths=distinct.lengths[keep],
        target=distinct.target[keep],
        weight=distinct.weight[keep],
    )
    theta = rng.uniform(0.02, 0.45, (2, 3, 5))
    counts, log_likelihood = bkt_forward_backward.ForwardBackwardEStep(short, 3)(theta)
    for r in range(2):
        expected, expected_ll = _enumerated_counts(short, theta[r], 3)
        np.testing.assert_allclose(counts[r], expected, rtol=1e-9, atol=1e-9)
        np.testing.assert_allclose(log_likelihood[r], expected_ll, rtol=1e-9, atol=1e-9)
