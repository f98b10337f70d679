"""Kappas: Fleiss' kappa for the whole group of raters, weighted Cohen's kappa per pair.

Both treat scores as categories in order (a value's index in ``Ratings.values`` is its
rank). Weighted kappas measure how far apart two scores are by rank: linear weights count
the steps between them, quadratic weights their square, so two levels apart is four
times as bad as one. Unweighted kappa counts any difference as a full disagreement.
"""

from __future__ import annotations

from typing import Literal

import numpy as np
import scipy.sparse as sp

from continuum.mastery.agreement.ratings import Ratings
from continuum.mastery.evidence import FloatArray

Weights = Literal["unweighted", "linear", "quadratic"]

_CELLS = 1 << 22  # rater pairs × units compared per batch


def fleiss_kappa(ratings: Ratings) -> float | None:
    """Fleiss' (1971) kappa: agreement among many raters beyond what their pooled use of
    the categories would give by chance. Defined only when every unit has the same number
    (at least two) of scores — not necessarily from the same raters — else None. NaN when
    every score is the same (no chance agreement to beat)."""
    scored = ratings.per_unit()
    if scored.size == 0 or scored[0] < 2 or (scored != scored[0]).any():
        return None
    raters, units = int(scored[0]), ratings.units
    size = ratings.values.shape[0]
    _, cell = ratings.cells()
    agreement = (float(np.square(cell).sum()) - units * raters) / (units * raters * (raters - 1))
    share = np.bincount(ratings.value, minlength=size) / (units * raters)
    chance = float(np.square(share).sum())
    if chance >= 1:
        return float("nan")
    return (agreement - chance) / (1 - chance)


def cohen_kappas(ratings: Ratings, weights: Weights = "linear") -> FloatArray:
    """Cohen's kappa for every pair of raters on the units both scored, as a raters ×
    raters symmetric matrix (Cohen 1968 for the weighted forms). NaN on the diagonal, for
    pairs with no unit in common, and where the pair's chance disagreement is zero (both
    gave one and the same score throughout)."""
    count = ratings.raters
    rank = np.full((count, ratings.units), -1, dtype=np.int64)
    rank[ratings.rater, ratings.unit] = ratings.value
    scored = rank >= 0
    common = scored.astype(np.float64) @ scored.T.astype(np.float64)
    observed = _observed(rank, scored, weights)
    expected = _expected(ratings, scored, common, weights)
    with np.errstate(divide="ignore", invalid="ignore"):
        kappa = 1 - common * observed / expected
    kappa = np.where((common > 0) & (expected > 0), kappa, np.nan)
    np.fill_diagonal(kappa, np.nan)
    return kappa


def _observed(rank: np.ndarray, scored: np.ndarray, weights: Weights) -> FloatArray:
    """Σ over the units both raters scored of the distance between their two ranks. Ranks
    fit int16 (``MAX_VALUES``), which keeps the raters × raters × units work small."""
    count, units = rank.shape
    small = rank.astype(np.int16)
    observed = np.empty((count, count))
    batch = max(1, _CELLS // max(1, count * units))
    for start in range(0, count, batch):
        stop = min(count, start + batch)
        gap = np.abs(small[start:stop, np.newaxis, :] - small[np.newaxis, :, :])
        distance = (
            np.minimum(gap, 1, out=gap)
            if weights == "unweighted"
            else np.square(gap, dtype=np.int32)
            if weights == "quadratic"
            else gap
        )
        distance *= scored[start:stop, np.newaxis, :] & scored[np.newaxis, :, :]
        observed[start:stop] = distance.sum(axis=2, dtype=np.int64)
    return observed


def _expected(
    ratings: Ratings, scored: np.ndarray, common: FloatArray, weights: Weights
) -> FloatArray:
    """Σ_ij r_i c_j w_ij, with r and c each rater's counts of each score on the units the
    pair has in common: the distance expected if the two scored independently, times the
    units in common squared. Closed forms keep it raters² × values, not × values²."""
    size = ratings.values.shape[0]
    # mine[a, b, i]: how often rater a gave score i on the units rater b also scored.
    given = sp.csr_array(
        (np.ones(ratings.unit.shape[0]), (ratings.rater * size + ratings.value, ratings.unit)),
        shape=(ratings.raters * size, ratings.units),
    )
    mine: FloatArray = (
        np.asarray(given @ scored.T.astype(np.float64))
        .reshape(ratings.raters, size, ratings.raters)
        .transpose(0, 2, 1)
    )
    theirs = mine.transpose(1, 0, 2)
    if weights == "unweighted":
        matches: FloatArray = np.einsum("abi,abi->ab", mine, theirs)
        return np.square(common) - matches
    if weights == "quadratic":
        position = np.arange(size, dtype=np.float64)
        first, second = mine @ position, theirs @ position
        squares = mine @ np.square(position) + theirs @ np.square(position)
        return common * squares - 2 * first * second
    # linear: |i - j| counts the cut points t with min(i, j) ≤ t < max(i, j).
    below_mine = np.cumsum(mine, axis=2)[:, :, :-1]
    below_theirs = np.cumsum(theirs, axis=2)[:, :, :-1]
    total = common[:, :, np.newaxis]
    return (below_mine * (total - below_theirs) + below_theirs * (total - below_mine)).sum(axis=2)
