"""Methods that are weighted sums of the scores: latest, highest, means and decaying averages.

Each method comes in three forms: the one-group function (a learner-target's scores in
order), its `_batch` twin over `Segments`, and `_shares`, the exact weight each score got,
which is what the explanation shows (the shares sum to 1 and weight·score sums to the
estimate).
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from continuum.mastery.evidence import FloatArray
from continuum.mastery.segments import Segments, sum_in_order


def latest(scores: Sequence[float]) -> float:
    """The most recent score: what the learner shows now, ignoring the road there."""
    return float(scores[-1])


def latest_batch(segments: Segments) -> FloatArray:
    return segments.lasts(segments.scores)


def latest_shares(scores: Sequence[float]) -> list[float]:
    return [0.0] * (len(scores) - 1) + [1.0]


def highest(scores: Sequence[float]) -> float:
    """The best score ever shown: once demonstrated, never lost."""
    return float(max(scores))


def highest_batch(segments: Segments) -> FloatArray:
    return segments.maxima(segments.scores)


def highest_shares(scores: Sequence[float]) -> list[float]:
    """All weight on the most recent of the highest scores."""
    best = max(scores)
    chosen = len(scores) - 1 - list(reversed(scores)).index(best)
    return [1.0 if i == chosen else 0.0 for i in range(len(scores))]


def mean(scores: Sequence[float]) -> float:
    """The plain average of every score."""
    return sum_in_order([float(s) for s in scores]) / len(scores)


def mean_batch(segments: Segments) -> FloatArray:
    return segments.sums(segments.scores) / segments.lengths


def mean_shares(scores: Sequence[float]) -> list[float]:
    return [1.0 / len(scores)] * len(scores)


def weighted_mean(scores: Sequence[float], weights: Sequence[float]) -> float:
    """Average with each score counted in proportion to its evidence weight."""
    products = [float(s) * float(w) for s, w in zip(scores, weights, strict=True)]
    return sum_in_order(products) / sum_in_order([float(w) for w in weights])


def weighted_mean_batch(segments: Segments) -> FloatArray:
    weighted = segments.sums(segments.scores * segments.weights)
    return weighted / segments.sums(segments.weights)


def weighted_mean_shares(weights: Sequence[float]) -> list[float]:
    total = sum_in_order([float(w) for w in weights])
    return [float(w) / total for w in weights]


def weighted_average(scores: Sequence[float], *, w: float) -> float:
    """Canvas "weighted average": w·latest + (1 − w)·mean of the earlier scores.

    With a single score there are no earlier ones and the estimate is that score.
    """
    if len(scores) == 1:
        return float(scores[0])
    earlier = sum_in_order([float(s) for s in scores[:-1]]) / (len(scores) - 1)
    return w * float(scores[-1]) + (1.0 - w) * earlier


def weighted_average_batch(segments: Segments, *, w: float) -> FloatArray:
    # Adding the latest row as 0.0 leaves the left-to-right sum of the earlier ones exact.
    last_rows = segments.starts + segments.lengths - 1
    earlier_only = segments.scores.copy()
    earlier_only[last_rows] = 0.0
    earlier = segments.sums(earlier_only) / np.maximum(segments.lengths - 1, 1)
    last = segments.lasts(segments.scores)
    return np.where(segments.lengths == 1, last, w * last + (1.0 - w) * earlier)


def weighted_average_shares(scores: Sequence[float], *, w: float) -> list[float]:
    n = len(scores)
    if n == 1:
        return [1.0]
    return [(1.0 - w) / (n - 1)] * (n - 1) + [w]


def decaying_average(scores: Sequence[float], *, w: float) -> float:
    """Canvas "decaying average": s₁ = x₁, sₖ = w·xₖ + (1 − w)·sₖ₋₁.

    Recent work counts most and older work fades geometrically but never vanishes.
    """
    estimate = float(scores[0])
    for score in scores[1:]:
        estimate = w * float(score) + (1.0 - w) * estimate
    return estimate


def decaying_average_batch(segments: Segments, *, w: float) -> FloatArray:
    def step(estimate: FloatArray, score: FloatArray) -> FloatArray:
        return w * score + (1.0 - w) * estimate

    return segments.fold(segments.scores, step)


def decaying_average_shares(scores: Sequence[float], *, w: float) -> list[float]:
    """xₖ keeps w·(1 − w)^(n − k) of the estimate; the first score keeps (1 − w)^(n − 1)."""
    n = len(scores)
    return [(1.0 - w) ** (n - 1)] + [w * (1.0 - w) ** (n - k) for k in range(2, n + 1)]
