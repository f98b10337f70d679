"""Methods that look only at the last few scores and pick one: median, mode and n-of-m.

They are not weighted sums, so their explanations say which scores counted and how.
Batch forms sort each group's tail in a small NaN-padded matrix (one row per group).
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence

import numpy as np

from continuum.mastery.evidence import FloatArray
from continuum.mastery.segments import Segments


def median_of_last(scores: Sequence[float], *, last: int) -> float:
    """The middle of the last `last` scores (mean of the two middle ones when even)."""
    tail = sorted(float(s) for s in scores[-last:])
    count = len(tail)
    return (tail[(count - 1) // 2] + tail[count // 2]) / 2


def median_of_last_batch(segments: Segments, *, last: int) -> FloatArray:
    tail, count = segments.tail_matrix(segments.scores, last)
    rows = np.arange(segments.size)
    return (tail[rows, (count - 1) // 2] + tail[rows, count // 2]) / 2


def mode_of_last(scores: Sequence[float], *, last: int) -> float:
    """The most frequent of the last `last` scores; a tie goes to the higher score."""
    counts = Counter(float(s) for s in scores[-last:])
    return max(counts, key=lambda score: (counts[score], score))


def mode_of_last_batch(segments: Segments, *, last: int) -> FloatArray:
    tail, _ = segments.tail_matrix(segments.scores, last)
    counts = np.stack([(tail == tail[:, [j]]).sum(axis=1) for j in range(tail.shape[1])], 1)
    best = counts.max(axis=1, keepdims=True)
    return np.where(counts == best, tail, -np.inf).max(axis=1)


def n_of_m(scores: Sequence[float], *, n: int, m: int, cut: float) -> float:
    """The n-th highest of the last m scores: mastered when it is at or above the cut.

    That is the highest level shown at least n times among the last m, so "at least n of
    the last m at or above the cut" holds exactly when the estimate reaches the cut. With
    fewer than n scores the learner cannot have shown it n times yet: the estimate is the
    lowest score, kept just below the cut.
    """
    tail = sorted((float(s) for s in scores[-m:]), reverse=True)
    if len(tail) >= n:
        return tail[n - 1]
    return min(tail[-1], math.nextafter(cut, -math.inf))


def n_of_m_batch(segments: Segments, *, n: int, m: int, cut: float) -> FloatArray:
    tail, count = segments.tail_matrix(segments.scores, m)
    rows = np.arange(segments.size)
    nth_highest = tail[rows, np.maximum(count - n, 0)]
    too_few = np.minimum(tail[:, 0], np.nextafter(cut, -np.inf))
    return np.where(count >= n, nth_highest, too_few)


def tail_notes(scores: Sequence[float], *, last: int, rule: str) -> list[tuple[bool, str]]:
    """Say for each score whether it was among the last `last` the rule looked at."""
    start = max(0, len(scores) - last)
    return [
        (True, f"one of the last {last}: {rule}")
        if i >= start
        else (False, f"older than the last {last}, not counted")
        for i in range(len(scores))
    ]
