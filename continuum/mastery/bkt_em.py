"""Fitting BKT by expectation-maximisation (Baum-Welch), every target and restart at once.

Parameters travel as arrays of shape (restarts, targets, 5) in the column order of
`COLUMNS`. One EM step is an E-step (expected counts under the current parameters) and an
M-step (the counts' ratios, clipped to `BOUNDS`).

Two E-steps compute the same expected counts:

* Without forgetting, mastery is never lost, so a hidden path is fixed by one number, how
  many responses came before mastery. The posterior over that number is a softmax of a
  linear function of prefix counts, so the whole E-step for every sequence of every target
  is a few vectorised passes with no loop over time (`LearningTimeEStep`).
* With forgetting, the general forward-backward recursion runs in `bkt_forward_backward`,
  looping over time steps with arrays across sequences.

Because the complete-data log-likelihood separates into one Bernoulli term per parameter,
clipping each M-step ratio to its bound is the exact constrained maximiser, so clipped EM
still never lowers the likelihood.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Protocol

import numpy as np
import scipy.sparse as sp

from continuum.mastery.bkt_layout import (
    BoolArray,
    Distinct,
    FloatArray,
    IntArray,
    Sequences,
    distinct_sequences,
    restricted,
)

COLUMNS = ("prior", "learn", "guess", "slip", "forget")
PRIOR, LEARN, GUESS, SLIP, FORGET = range(5)

# Lower and upper bound of each column. Guess and slip stay below 0.5: above it the
# "mastered" and "unmastered" states could swap meaning (a learner who guesses better than
# a master answers is not a master), which is the identifiability problem of BKT.
BOUNDS = np.array(
    [
        [1e-4, 1 - 1e-4],  # prior
        [1e-4, 1 - 1e-4],  # learn
        [1e-4, 0.5],  # guess
        [1e-4, 0.5],  # slip
        [0.0, 1 - 1e-4],  # forget (fixed at 0 unless forgetting is fitted)
    ]
)
# Random starts are drawn uniformly from these ranges (pyBKT's are similar).
START_RANGES = np.array([[0.05, 0.95], [0.01, 0.4], [0.01, 0.4], [0.01, 0.3], [0.01, 0.2]])
# Every restart runs this many EM steps before only each target's best one continues.
SCREENING_STEPS = 3


class EStep(Protocol):
    def __call__(self, theta: FloatArray) -> tuple[FloatArray, FloatArray]:
        """Expected counts (restarts, targets, 8) and log-likelihood (restarts, targets)."""
        ...


@dataclass(frozen=True)
class EMResult:
    targets: IntArray
    params: FloatArray
    log_likelihood: FloatArray
    iterations: int


def fit(
    seqs: Sequences,
    correct: BoolArray,
    *,
    forgetting: bool,
    restarts: int,
    rng: np.random.Generator,
    max_iterations: int,
    tolerance: float,
) -> EMResult:
    """Best-of-`restarts` EM fit of every target present in `seqs`.

    All restarts of all targets run `SCREENING_STEPS` steps together; then each target
    keeps its most likely restart and iterates until its mean log-likelihood per response
    gains less than `tolerance` in a step. Targets that have converged drop out of the
    E-step, so the slow few do not make the many pay.
    """
    if restarts < 1:
        raise ValueError("restarts must be at least 1")
    n_targets = int(seqs.target.max()) + 1
    data = distinct_sequences(seqs, correct, n_targets)
    targets, local = np.unique(data.target, return_inverse=True)
    data = Distinct(data.correct, data.starts, data.lengths, local, data.weight)
    responses = np.bincount(local, weights=data.weight * data.lengths, minlength=targets.size)
    build = _e_step_builder(forgetting)
    e_step = build(data, targets.size)

    low, high = START_RANGES[:, 0], START_RANGES[:, 1]
    theta = low + (high - low) * rng.random((restarts, targets.size, 5))
    if not forgetting:
        theta[..., FORGET] = 0.0
    screening = min(SCREENING_STEPS, max_iterations) if restarts > 1 else 0
    counts, log_likelihood = e_step(theta)
    for _ in range(screening):
        theta = m_step(counts, theta, forgetting)
        counts, log_likelihood = e_step(theta)
    best = np.argmax(log_likelihood, axis=0)
    every = np.arange(targets.size)
    theta, log_likelihood, steps = _converge(
        build,
        e_step,
        data,
        theta[best, every],
        counts[best, every],
        log_likelihood[best, every],
        forgetting=forgetting,
        steps=max_iterations - screening,
        tolerance=tolerance,
        responses=responses,
    )
    return EMResult(
        targets=targets.astype(np.int64),
        params=theta,
        log_likelihood=log_likelihood,
        iterations=screening + steps,
    )


def _e_step_builder(forgetting: bool) -> Callable[[Distinct, int], EStep]:
    if forgetting:
        from continuum.mastery.bkt_forward_backward import ForwardBackwardEStep

        return ForwardBackwardEStep
    return LearningTimeEStep


def _converge(
    build: Callable[[Distinct, int], EStep],
    e_step: EStep,
    data: Distinct,
    theta: FloatArray,
    counts: FloatArray,
    log_likelihood: FloatArray,
    *,
    forgetting: bool,
    steps: int,
    tolerance: float,
    responses: FloatArray,
) -> tuple[FloatArray, FloatArray, int]:
    """EM steps for one start per target until every target has converged.

    `counts` are the expected counts under `theta`. The E-step covers the targets in
    `built`; once the unconverged ones are fewer than half of those, it is rebuilt
    for them alone.
    """
    theta, log_likelihood = theta.copy(), log_likelihood.copy()
    active = np.ones(theta.shape[0], dtype=np.bool_)
    built = np.arange(theta.shape[0])
    for step in range(steps):
        moving = active[built]
        current = theta[built]
        proposal = np.where(moving[:, None], m_step(counts, current, forgetting), current)
        new_counts, new_log_likelihood = e_step(proposal[None])
        counts = new_counts[0]
        gain = (new_log_likelihood[0] - log_likelihood[built]) / responses[built]
        theta[built], log_likelihood[built] = proposal, new_log_likelihood[0]
        active[built[moving & (gain < tolerance)]] = False
        if not active.any():
            return theta, log_likelihood, step + 1
        if 2 * int(active.sum()) <= built.size:
            keep = active[built]
            built = built[keep]
            counts = counts[keep]
            e_step = build(restricted(data, built), built.size)
    return theta, log_likelihood, steps


def m_step(counts: FloatArray, theta: FloatArray, forgetting: bool) -> FloatArray:
    """Maximise the expected complete-data likelihood: ratios of expected counts, clipped.

    `counts[..., :]` = (mastered at start, sequences, learned, opportunities to learn,
    correct while unmastered, responses while unmastered, wrong while mastered, responses
    while mastered) and, with forgetting, (forgotten, opportunities to forget).
    A ratio whose denominator is empty keeps the old value.
    """
    numerators = counts[..., [0, 2, 4, 6]]
    denominators = counts[..., [1, 3, 5, 7]]
    old = theta[..., :4]
    safe = denominators > 1e-12
    ratios = np.where(safe, numerators / np.where(safe, denominators, 1.0), old)
    new = np.empty_like(theta)
    new[..., :4] = ratios
    if forgetting:
        safe_f = counts[..., 9] > 1e-12
        new[..., FORGET] = np.where(
            safe_f, counts[..., 8] / np.where(safe_f, counts[..., 9], 1.0), theta[..., FORGET]
        )
    else:
        new[..., FORGET] = 0.0
    return np.clip(new, BOUNDS[:, 0], BOUNDS[:, 1])


class LearningTimeEStep:
    """Exact E-step for BKT without forgetting, vectorised over sequences and restarts.

    A sequence of n responses with mastery reached after its first j (j = 0 … n; j = n:
    not within the sequence) has log-probability, up to a per-sequence constant,
        j = 0:        log prior
        0 < j < n:    log(1 - prior) + (j - 1) log(1 - learn) + log learn + E(j)
        j = n:        log(1 - prior) + (n - 1) log(1 - learn) + E(n)
    with E(j) = a_j (log guess - log(1 - slip)) + b_j (log(1 - guess) - log slip), where a_j
    and b_j count correct and wrong answers among the first j. Position j of sequence s is
    row `starts[s] + s + j` of a design matrix whose product with the parameters' logs gives
    all those terms in one sparse product.
    """

    def __init__(self, data: Distinct, n_targets: int) -> None:
        lengths = data.lengths
        n_seq = lengths.shape[0]
        extended = lengths + 1
        self.first = np.cumsum(extended) - extended  # row of j = 0
        self.last = self.first + lengths  # row of j = n
        size = int(extended.sum())
        seq_of_row = np.repeat(np.arange(n_seq), extended)
        j = np.arange(size) - self.first[seq_of_row]
        inclusive = np.cumsum(data.correct.astype(np.float64))
        before_seq = np.concatenate([[0.0], inclusive])[data.starts]
        a = np.zeros(size)
        a[j > 0] = inclusive - np.repeat(before_seq, lengths)
        b = j - a
        kind = np.ones(size, dtype=np.int64)
        kind[self.first] = 0
        kind[self.last] = 2
        target = data.target[seq_of_row]
        columns = np.stack([target, n_targets + target, 2 * n_targets + 3 * target + kind], 1)
        self.design = sp.csr_matrix(
            (
                np.stack([a, b, np.ones(size)], 1).ravel(),
                columns.ravel(),
                np.arange(0, 3 * size + 1, 3),
            ),
            shape=(size, 5 * n_targets),
        )
        # Rows (a_j, b_j, 1) summed within each sequence.
        self.sums = sp.csr_matrix(
            (
                np.concatenate([a, b, np.ones(size)]),
                np.tile(np.arange(size), 3),
                _indptr(self.first, size),
            ),
            shape=(3 * n_seq, size),
        )
        self.extended = extended
        self.n_seq = n_seq
        self.n_targets = n_targets
        self.target = data.target
        self.lengths = lengths.astype(np.float64)
        self.right = np.add.reduceat(data.correct.astype(np.float64), data.starts)
        self.wrong = self.lengths - self.right
        self.by_target = sp.csr_matrix(
            (data.weight, (data.target, np.arange(n_seq))), shape=(n_targets, n_seq)
        )

    def __call__(self, theta: FloatArray) -> tuple[FloatArray, FloatArray]:
        restarts = theta.shape[0]
        log_p, log_q = np.log(theta[..., :4]), np.log1p(-theta[..., :4])
        u = log_p[..., GUESS] - log_q[..., SLIP] + log_q[..., LEARN]
        v = log_q[..., GUESS] - log_p[..., SLIP] + log_q[..., LEARN]
        offsets = np.stack(
            [
                log_p[..., PRIOR],
                log_q[..., PRIOR] - log_q[..., LEARN] + log_p[..., LEARN],
                log_q[..., PRIOR] - log_q[..., LEARN],
            ],
            axis=-1,
        ).reshape(restarts, 3 * self.n_targets)
        coefficients = np.concatenate([u, v, offsets], axis=1)  # (restarts, 5 * targets)
        scores = np.asarray(self.design @ coefficients.T)  # (rows, restarts)
        peak = np.maximum.reduceat(scores, self.first, axis=0)
        weights = np.exp(np.subtract(scores, np.repeat(peak, self.extended, axis=0), out=scores))
        sums = np.asarray(self.sums @ weights)
        n = self.n_seq
        total = sums[2 * n :]
        expected_a = sums[:n] / total
        expected_b = sums[n : 2 * n] / total
        at_start = weights[self.first] / total
        never = weights[self.last] / total
        log_q_t = log_q.transpose(2, 1, 0)[:, self.target]  # (4, seqs, restarts)
        log_p_t = log_p.transpose(2, 1, 0)[:, self.target]
        log_likelihood = (
            peak
            + np.log(total)
            + self.right[:, None] * log_q_t[SLIP]
            + self.wrong[:, None] * log_p_t[SLIP]
        )
        per_seq = np.empty((n, 9, restarts))
        per_seq[:, 0] = at_start
        per_seq[:, 1] = 1.0
        per_seq[:, 2] = 1.0 - at_start - never
        per_seq[:, 3] = expected_a + expected_b - never
        per_seq[:, 4] = expected_a
        per_seq[:, 5] = expected_a + expected_b
        per_seq[:, 6] = self.wrong[:, None] - expected_b
        per_seq[:, 7] = self.lengths[:, None] - expected_a - expected_b
        per_seq[:, 8] = log_likelihood
        per_target = np.asarray(self.by_target @ per_seq.reshape(n, 9 * restarts))
        per_target = per_target.reshape(self.n_targets, 9, restarts).transpose(2, 0, 1)
        return per_target[..., :8], per_target[..., 8]


def _indptr(first: IntArray, size: int) -> IntArray:
    """Row pointers of the (a, b, 1) × sequence summing matrix."""
    bounds = np.append(first, size)
    return np.concatenate([bounds[:-1], size + bounds[:-1], 2 * size + bounds]).astype(np.int64)
