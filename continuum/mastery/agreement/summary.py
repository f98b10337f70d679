"""The agreement figures a calibration reports, computed together from one set of ratings."""

from __future__ import annotations

import math
from dataclasses import dataclass

from continuum.mastery.agreement.alpha import alpha_interval, krippendorff_alpha
from continuum.mastery.agreement.kappa import fleiss_kappa
from continuum.mastery.agreement.ratings import Level, Ratings, pair_agreement


@dataclass(frozen=True)
class Summary:
    """Agreement of a group of raters; None where a figure is undefined or does not apply
    (Fleiss' kappa when units have different numbers of scores, adjacency for labels)."""

    level: Level
    units: int
    raters: int
    scores: int
    pairs: int
    krippendorff_alpha: float | None
    alpha_low: float | None
    alpha_high: float | None
    fleiss_kappa: float | None
    exact_agreement: float | None
    adjacent_agreement: float | None


def agreement_summary(
    ratings: Ratings,
    level: Level,
    *,
    step: float | None = 1.0,
    resamples: int = 1000,
    confidence: float = 0.95,
    seed: int = 0,
) -> Summary:
    """Alpha at ``level`` with its bootstrap interval (none when ``resamples`` is 0),
    Fleiss' kappa, and exact and adjacent agreement (adjacent: within ``step``; None for
    scores that are labels without distances, ``step=None``)."""
    low, high = (
        alpha_interval(ratings, level, resamples=resamples, confidence=confidence, seed=seed)
        if resamples
        else (math.nan, math.nan)
    )
    pairs = pair_agreement(ratings, step=1.0 if step is None else step)
    return Summary(
        level=level,
        units=ratings.units,
        raters=ratings.raters,
        scores=int(ratings.value.shape[0]),
        pairs=pairs.pairs,
        krippendorff_alpha=_defined(krippendorff_alpha(ratings, level)),
        alpha_low=_defined(low),
        alpha_high=_defined(high),
        fleiss_kappa=_defined(fleiss_kappa(ratings)),
        exact_agreement=_defined(pairs.exact),
        adjacent_agreement=None if step is None else _defined(pairs.adjacent),
    )


def _defined(value: float | None) -> float | None:
    return None if value is None or math.isnan(value) else value
