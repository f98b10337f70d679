"""Bayesian knowledge tracing (BKT): P(mastered) and P(correct) from a learner's responses.

BKT (Corbett & Anderson, 1995) treats mastery of one target as a hidden yes/no state. A
learner starts mastered with probability `prior`; after each opportunity an unmastered
learner becomes mastered with probability `learn` (and, optionally, a mastered one forgets
with probability `forget`); a mastered learner answers correctly unless they `slip`, an
unmastered one only if they `guess`.

This module holds the parameters, the one-response update the web app applies per learner
and target, the batch form of the same update (the two agree exactly), and the fitting entry
point. Fitting itself (EM) lives in `bkt_em`, the ragged-sequence layout in `bkt_layout`.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import asdict, dataclass

import numpy as np
import numpy.typing as npt

from continuum.mastery import bkt_em
from continuum.mastery.bkt_layout import FloatArray, IntArray, sequences_of

__all__ = [
    "BKTFit",
    "BKTParams",
    "MasteryTrace",
    "correct_probability",
    "fitted_parameters",
    "mastery_after_response",
    "mastery_trace",
]


@dataclass(frozen=True, slots=True)
class BKTParams:
    """The five BKT probabilities of one target.

    `guess` and `slip` must lie strictly inside (0, 1) so every update is defined; fitting
    further keeps both below 0.5 (see `bkt_em.BOUNDS`).
    """

    prior: float
    learn: float
    guess: float
    slip: float
    forget: float = 0.0

    def __post_init__(self) -> None:
        for name in ("prior", "learn", "forget"):
            value = getattr(self, name)
            if not 0.0 <= value <= 1.0:
                raise ValueError(f"{name} must be in [0, 1], got {value!r}")
        for name in ("guess", "slip"):
            value = getattr(self, name)
            if not 0.0 < value < 1.0:
                raise ValueError(f"{name} must be in (0, 1), got {value!r}")

    def to_dict(self) -> dict[str, float]:
        """Plain floats, ready for JSON."""
        return asdict(self)

    @classmethod
    def from_dict(cls, data: Mapping[str, float]) -> BKTParams:
        """The inverse of `to_dict`; `forget` may be absent (no forgetting)."""
        return cls(
            prior=float(data["prior"]),
            learn=float(data["learn"]),
            guess=float(data["guess"]),
            slip=float(data["slip"]),
            forget=float(data.get("forget", 0.0)),
        )


def correct_probability(params: BKTParams, p_mastered: float) -> float:
    """P(next response correct) for a learner who is mastered with probability `p_mastered`."""
    return p_mastered * (1.0 - params.slip) + (1.0 - p_mastered) * params.guess


def mastery_after_response(params: BKTParams, p_mastered: float, correct: bool) -> float:
    """P(mastered) at the next opportunity, after one more response.

    Corbett & Anderson (1995), eqs. 1-2: Bayes' rule on the response, then the learning
    (and forgetting) transition. Start a learner at `params.prior`.
    """
    if correct:
        known = p_mastered * (1.0 - params.slip)
        unknown = (1.0 - p_mastered) * params.guess
    else:
        known = p_mastered * params.slip
        unknown = (1.0 - p_mastered) * (1.0 - params.guess)
    posterior = known / (known + unknown)
    return posterior * (1.0 - params.forget) + (1.0 - posterior) * params.learn


@dataclass(frozen=True, eq=False)
class MasteryTrace:
    """Per-response columns, aligned with the rows given to `mastery_trace`.

    `before` and `p_correct` use only the learner's earlier responses on the target;
    `after` includes the response itself (what `mastery_after_response` returns).
    """

    before: FloatArray
    p_correct: FloatArray
    after: FloatArray


def mastery_trace(
    params: BKTParams | Sequence[BKTParams],
    correct: npt.ArrayLike,
    *,
    learner: npt.ArrayLike | None = None,
    target: npt.ArrayLike | None = None,
) -> MasteryTrace:
    """`mastery_after_response` applied along every (learner, target) sequence at once.

    Rows may come in any order across sequences but must be in time order within one.
    `target` holds indices into `params` (a single `BKTParams` serves every row).
    The arithmetic is the scalar functions' own, step by step, so the results are
    identical to folding `mastery_after_response` over each sequence.
    """
    table = [params] if isinstance(params, BKTParams) else list(params)
    responses = np.asarray(correct).astype(np.bool_)
    size = responses.shape[0]
    learners = _codes(learner, size)
    targets = _codes(target, size)
    if size and (targets.min() < 0 or targets.max() >= len(table)):
        raise ValueError("every target must index into params")
    columns = np.array(
        [[p.prior, p.learn, p.guess, p.slip, p.forget] for p in table], dtype=np.float64
    ).reshape(-1, 5)
    seqs = sequences_of(learners, targets, len(table))
    before = np.empty(size)
    p_correct = np.empty(size)
    after = np.empty(size)
    # Sequences longest first, so the ones still running at step t are a prefix [:n_t].
    by_length = np.argsort(-seqs.lengths, kind="stable")
    lengths = seqs.lengths[by_length]
    starts = seqs.starts[by_length]
    prior, learn, guess, slip, forget = columns[seqs.target[by_length]].T
    p = prior.copy()
    for step in range(int(lengths[0]) if lengths.size else 0):
        n = int(np.searchsorted(-lengths, -step, side="left"))
        rows = seqs.order[starts[:n] + step]
        right = responses[rows]
        now, g, s = p[:n], guess[:n], slip[:n]
        before[rows] = now
        p_correct[rows] = now * (1.0 - s) + (1.0 - now) * g
        known = np.where(right, now * (1.0 - s), now * s)
        unknown = np.where(right, (1.0 - now) * g, (1.0 - now) * (1.0 - g))
        posterior = known / (known + unknown)
        p[:n] = posterior * (1.0 - forget[:n]) + (1.0 - posterior) * learn[:n]
        after[rows] = p[:n]
    return MasteryTrace(before=before, p_correct=p_correct, after=after)


@dataclass(frozen=True)
class BKTFit:
    """Fitted parameters per target index, with the fit's log-likelihood per target."""

    params: Mapping[int, BKTParams]
    log_likelihood: Mapping[int, float]
    iterations: int


def fitted_parameters(
    correct: npt.ArrayLike,
    *,
    learner: npt.ArrayLike,
    target: npt.ArrayLike,
    forgetting: bool = False,
    restarts: int = 5,
    seed: int = 0,
    max_iterations: int = 200,
    tolerance: float = 1e-5,
) -> BKTFit:
    """BKT parameters per target, fitted by EM from every learner's responses together.

    Rows must be in time order within each (learner, target); `target` holds small
    non-negative integer codes (the keys of the result). Each target gets `restarts`
    seeded random starts; the best by likelihood is kept. EM stops when no target's mean
    log-likelihood per response improves by more than `tolerance`, or at `max_iterations`.
    """
    responses = np.asarray(correct).astype(np.bool_)
    size = responses.shape[0]
    learners = _codes(learner, size)
    targets = _codes(target, size)
    if size == 0:
        return BKTFit(params={}, log_likelihood={}, iterations=0)
    seqs = sequences_of(learners, targets, int(targets.max()) + 1)
    fit = bkt_em.fit(
        seqs,
        responses,
        forgetting=forgetting,
        restarts=restarts,
        rng=np.random.default_rng(seed),
        max_iterations=max_iterations,
        tolerance=tolerance,
    )
    params = {
        int(k): BKTParams(
            prior=float(row[0]),
            learn=float(row[1]),
            guess=float(row[2]),
            slip=float(row[3]),
            forget=float(row[4]),
        )
        for k, row in zip(fit.targets, fit.params, strict=True)
    }
    log_likelihood = {
        int(k): float(v) for k, v in zip(fit.targets, fit.log_likelihood, strict=True)
    }
    return BKTFit(params=params, log_likelihood=log_likelihood, iterations=fit.iterations)


def _codes(values: npt.ArrayLike | None, size: int) -> IntArray:
    if values is None:
        return np.zeros(size, dtype=np.int64)
    codes = np.asarray(values).astype(np.int64)
    if codes.shape != (size,):
        raise ValueError(f"expected {size} codes, got shape {codes.shape}")
    return codes
