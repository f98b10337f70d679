"""Methods that fit a trend through the scores in order: Marzano's power law and best fit.

Attempts are numbered t = 1..n in policy order. Both forms use NumPy's log and exp and
add in the same order, so the one-group and batch results are identical. Trend methods
may report a value outside the range of the scores (that is what a trend is for).

A power trend is rounded to nine decimals (``DECIMALS``): exp(ln 4) is 3.9999999999999996
in floating point, and a learner who scores at the cut every time must read exactly the
cut, not "approaching".
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from continuum.mastery.evidence import FloatArray
from continuum.mastery.segments import Segments, sum_in_order

DECIMALS = 9


@dataclass(frozen=True)
class Fit:
    """One candidate model of best fit: its value at the last attempt and total |error|."""

    model: str
    value: float
    error: float


def _slope[T: (float, FloatArray)](n: T, sx: T, sy: T, sxy: T, sxx: T) -> tuple[T, T]:
    """Ordinary least squares intercept and slope from the running sums (n ≥ 2)."""
    slope = (n * sxy - sx * sy) / (n * sxx - sx * sx)
    return (sy - slope * sx) / n, slope


def _power_terms(scores: Sequence[float], floor: float) -> tuple[list[float], list[float]]:
    """ln t and ln y (scores below `floor`, such as 0, count as `floor`: ln 0 is undefined)."""
    log_t = np.log(np.arange(1, len(scores) + 1)).tolist()
    log_y = np.log(np.maximum(np.asarray(scores, dtype=np.float64), floor)).tolist()
    return log_t, log_y


def _power_fit(log_t: list[float], log_y: list[float]) -> tuple[float, float]:
    return _slope(
        float(len(log_t)),
        sum_in_order(log_t),
        sum_in_order(log_y),
        sum_in_order([t * y for t, y in zip(log_t, log_y, strict=True)]),
        sum_in_order([t * t for t in log_t]),
    )


def power_law(scores: Sequence[float], *, floor: float) -> float:
    """Marzano's power law: fit ln y = ln a + b·ln t by least squares and report a·n^b.

    A single score is reported as it is. Scores below `floor` enter the fit as `floor`.
    """
    if len(scores) == 1:
        return float(scores[0])
    log_t, log_y = _power_terms(scores, floor)
    log_a, b = _power_fit(log_t, log_y)
    return float(np.round(np.exp(log_a + b * log_t[-1]), DECIMALS))


def _power_fit_batch(segments: Segments, floor: float) -> tuple[FloatArray, FloatArray, FloatArray]:
    """Per group ln a and b, and ln t per row."""
    log_t = np.log(segments.position + 1)
    log_y = np.log(np.maximum(segments.scores, floor))
    with np.errstate(divide="ignore", invalid="ignore"):
        log_a, b = _slope(
            segments.lengths.astype(np.float64),
            segments.sums(log_t),
            segments.sums(log_y),
            segments.sums(log_t * log_y),
            segments.sums(log_t * log_t),
        )
    return log_a, b, log_t


def power_law_batch(segments: Segments, *, floor: float) -> FloatArray:
    log_a, b, log_t = _power_fit_batch(segments, floor)
    with np.errstate(invalid="ignore", over="ignore"):
        value = np.round(np.exp(log_a + b * segments.lasts(log_t)), DECIMALS)
    return np.where(segments.lengths == 1, segments.firsts(segments.scores), value)


def best_fits(scores: Sequence[float], *, floor: float) -> list[Fit]:
    """The three "true score" candidates (mean, linear, power) with their total |error|."""
    y = [float(s) for s in scores]
    n = len(y)
    if n == 1:
        return [Fit(model, y[0], 0.0) for model in ("mean", "linear", "power")]
    t = [float(k) for k in range(1, n + 1)]
    sy = sum_in_order(y)
    average = sy / n
    a, b = _slope(
        float(n),
        n * (n + 1) / 2,
        sy,
        sum_in_order([i * v for i, v in zip(t, y, strict=True)]),
        n * (n + 1) * (2 * n + 1) / 6,
    )
    log_t, log_y = _power_terms(y, floor)
    log_a, p = _power_fit(log_t, log_y)
    power = np.round(np.exp(log_a + p * np.asarray(log_t)), DECIMALS).tolist()
    return [
        Fit("mean", average, sum_in_order([abs(v - average) for v in y])),
        Fit(
            "linear",
            a + b * n,
            sum_in_order([abs(v - (a + b * i)) for i, v in zip(t, y, strict=True)]),
        ),
        Fit("power", power[-1], sum_in_order([abs(v - f) for v, f in zip(y, power, strict=True)])),
    ]


def chosen_fit(fits: list[Fit]) -> Fit:
    """The fit with the least error; ties go to the simpler model (mean, then linear)."""
    best = fits[0]
    for fit in fits[1:]:
        if fit.error < best.error:
            best = fit
    return best


def best_fit(scores: Sequence[float], *, floor: float) -> float:
    """The "true score": whichever of mean, linear or power trend fits the scores best.

    Best means the least total absolute error; the estimate is that model's value at the
    last attempt.
    """
    return chosen_fit(best_fits(scores, floor=floor)).value


def best_fit_batch(segments: Segments, *, floor: float) -> FloatArray:
    y, n = segments.scores, segments.lengths.astype(np.float64)
    t = (segments.position + 1).astype(np.float64)
    sy = segments.sums(y)
    average = sy / n
    with np.errstate(divide="ignore", invalid="ignore"):
        a, b = _slope(n, n * (n + 1) / 2, sy, segments.sums(t * y), n * (n + 1) * (2 * n + 1) / 6)
    log_a, p, log_t = _power_fit_batch(segments, floor)
    with np.errstate(invalid="ignore", over="ignore"):
        power = np.round(np.exp(segments.spread(log_a) + segments.spread(p) * log_t), DECIMALS)
    linear = segments.spread(a) + segments.spread(b) * t
    candidates = [
        (average, segments.sums(np.abs(y - segments.spread(average)))),
        (a + b * n, segments.sums(np.abs(y - linear))),
        (segments.lasts(power), segments.sums(np.abs(y - power))),
    ]
    value, error = candidates[0]
    for other_value, other_error in candidates[1:]:
        better = other_error < error
        value, error = np.where(better, other_value, value), np.where(better, other_error, error)
    return np.where(segments.lengths == 1, segments.firsts(y), value)
