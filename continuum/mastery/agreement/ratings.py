"""Ratings: the scores several raters gave the same units (samples of work), the input of
every agreement statistic, and the plainest of them, exact and adjacent agreement.

Ratings are long columns of indices, one entry per score given, so a missing pair (a rater
who did not score a sample) costs nothing and 100 raters × 1,000 samples is 100,000
entries handled by NumPy, never a Python loop over pairs.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

import numpy as np
import numpy.typing as npt

from continuum.mastery.evidence import FloatArray, IntArray

MAX_VALUES = 1000
"""Most distinct scores one data set may hold. Krippendorff's coincidence matrix is values ×
values, so this bounds it at a million cells; a scale's levels or whole percentages fit with
room to spare, and finer measurements should be rounded to what the raters can tell apart."""


class Level(StrEnum):
    """Krippendorff's levels of measurement: what a difference between two scores means."""

    NOMINAL = "nominal"  # only same or different (labels)
    ORDINAL = "ordinal"  # ordered, distances unknown (a rubric's levels)
    INTERVAL = "interval"  # equal steps (points on a scale)
    RATIO = "ratio"  # equal steps and a true zero (counts, times)


@dataclass(frozen=True, eq=False)
class Ratings:
    """Who scored what: entry ``i`` says rater ``rater[i]`` gave unit ``unit[i]`` the score
    ``values[value[i]]``. ``values`` is sorted, so a value's index is its rank (the
    positions that weighted kappas measure distance by); ``rater_ids`` and ``unit_ids``
    are the caller's labels for indices 0, 1, …"""

    rater: IntArray
    unit: IntArray
    value: IntArray
    values: FloatArray
    rater_ids: npt.NDArray[np.generic]
    unit_ids: npt.NDArray[np.generic]

    @property
    def raters(self) -> int:
        return int(self.rater_ids.shape[0])

    @property
    def units(self) -> int:
        return int(self.unit_ids.shape[0])

    @property
    def scores(self) -> FloatArray:
        return self.values[self.value]

    def per_unit(self) -> IntArray:
        """How many scores each unit has."""
        return np.bincount(self.unit, minlength=self.units).astype(np.int64)

    def cells(self) -> tuple[IntArray, IntArray]:
        """Every (unit, value) that holds a score, as the key unit·V + value in increasing
        order (so by unit, then value), and how many scores it holds (n_uc)."""
        keys = self.unit * self.values.shape[0] + self.value
        bound = self.units * self.values.shape[0]
        if bound > 8 * keys.shape[0] + 1024:  # sparse: sorting beats a mostly empty count
            found, counts = np.unique(keys, return_counts=True)
            return found.astype(np.int64), counts.astype(np.int64)
        every = np.bincount(keys, minlength=bound)
        found = np.flatnonzero(every)
        return found.astype(np.int64), every[found].astype(np.int64)


def ratings_from_columns(
    raters: npt.ArrayLike,
    units: npt.ArrayLike,
    scores: npt.ArrayLike,
    *,
    values: npt.ArrayLike | None = None,
) -> Ratings:
    """Ratings from three equal-length columns (one score per entry; missing pairs are
    simply absent). ``values`` fixes the set of possible scores, such as a scale's levels
    including ones nobody gave, so weighted kappas measure distance on the whole scale;
    by default it is the set of scores given.

    Raises ValueError for columns of different lengths, a score that is not a finite
    number or not among ``values``, a rater who scored the same unit twice, or more than
    ``MAX_VALUES`` distinct values."""
    rater_labels = np.asarray(raters)
    unit_labels = np.asarray(units)
    given = np.asarray(scores, dtype=np.float64)
    if not rater_labels.ndim == unit_labels.ndim == given.ndim == 1:
        raise ValueError("raters, units and scores must be one-dimensional columns")
    if not rater_labels.shape == unit_labels.shape == given.shape:
        raise ValueError("raters, units and scores must have the same length")
    if not np.isfinite(given).all():
        raise ValueError("every score must be a finite number")
    domain = np.unique(given if values is None else np.asarray(values, dtype=np.float64))
    if domain.shape[0] > MAX_VALUES:
        raise ValueError(f"{domain.shape[0]} distinct scores; at most {MAX_VALUES} are allowed")
    value = np.searchsorted(domain, given).astype(np.int64)
    if not (value < domain.shape[0]).all() or (domain[value] != given).any():
        raise ValueError("a score is not among the given values")
    rater_ids, rater = np.unique(rater_labels, return_inverse=True)
    unit_ids, unit = np.unique(unit_labels, return_inverse=True)
    cells = rater.astype(np.int64) * max(unit_ids.shape[0], 1) + unit
    if np.unique(cells).shape[0] != cells.shape[0]:
        raise ValueError("a rater scored the same unit more than once")
    return Ratings(
        rater=rater.astype(np.int64),
        unit=unit.astype(np.int64),
        value=value,
        values=domain,
        rater_ids=rater_ids,
        unit_ids=unit_ids,
    )


def ratings_from_matrix(matrix: npt.ArrayLike, *, values: npt.ArrayLike | None = None) -> Ratings:
    """Ratings from Krippendorff's reliability data matrix: a row per rater, a column per
    unit, NaN where a rater gave no score. Labels are the row and column numbers; a rater
    or unit without any score is left out."""
    table = np.asarray(matrix, dtype=np.float64)
    if table.ndim != 2:
        raise ValueError("the reliability data must be a raters × units matrix")
    rater, unit = np.nonzero(~np.isnan(table))
    return ratings_from_columns(rater, unit, table[rater, unit], values=values)


@dataclass(frozen=True)
class PairAgreement:
    """Of all pairs of scores two raters gave the same unit: how many there are, the share
    that are the same, and the share within one step of each other (the same included).
    Both shares are NaN when no unit has two scores."""

    pairs: int
    exact: float
    adjacent: float


def pair_agreement(ratings: Ratings, *, step: float = 1.0) -> PairAgreement:
    """Exact and adjacent agreement, pooled over every pair of scores on the same unit (a
    unit scored by m raters gives m(m-1)/2 pairs), which is how calibration protocols
    usually report "percent exact" and "percent exact or adjacent"."""
    size = ratings.values.shape[0]
    cells, counts = ratings.cells()
    m = ratings.per_unit()
    pairs = int((m * (m - 1) // 2).sum())
    if pairs == 0:
        return PairAgreement(pairs=0, exact=float("nan"), adjacent=float("nan"))
    same = int((counts * (counts - 1) // 2).sum())
    # For each cell, the scores of the same unit above it but within one step: cumulative
    # counts over the sorted cells, read at the last cell inside the reach.
    reach = (
        np.searchsorted(
            ratings.values, ratings.values + step + 1e-9 * max(1.0, abs(step)), side="right"
        )
        - 1
    )
    unit, value = np.divmod(cells, size)
    upto = np.searchsorted(cells, unit * size + reach[value], side="right")
    total = np.concatenate([[0], np.cumsum(counts)])
    near = int((counts * (total[upto] - total[np.arange(cells.shape[0]) + 1])).sum())
    return PairAgreement(pairs=pairs, exact=same / pairs, adjacent=(same + near) / pairs)
