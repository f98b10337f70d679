"""Statuses from levels: not started · not yet · approaching · proficient · advanced.

Single pieces of evidence are scored on a level of the proficiency scale while estimates
are continuous, so each scale has two sets of bands, both derived from its levels and its
proficiency cut (``scale_bands``): a piece of evidence is approaching at the level just
below the cut and advanced from the level just above it; an estimate is approaching from
halfway between the level below and the cut, and advanced from halfway between the cut and
the level above. On 1–4 with 3 proficient that is 2 / 3 / 4 for evidence and 2.5 / 3 / 3.5
for estimates; on 0–100 in tens with 80 proficient, 70 / 80 / 90 and 75 / 80 / 85. A scale
with nothing above its cut has no advanced; nothing below, no approaching. The levels next
to the cut are found by value, so a cut between two levels works the same way.
"""

from __future__ import annotations

import bisect
import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from enum import IntEnum

import numpy as np
import numpy.typing as npt

from continuum.mastery.evidence import FloatArray, IntArray

StatusArray = npt.NDArray[np.int8]


class Status(IntEnum):
    """Ordered, so "at least proficient" is a comparison."""

    NOT_STARTED = 0
    NOT_YET = 1
    APPROACHING = 2
    PROFICIENT = 3
    ADVANCED = 4

    @property
    def label(self) -> str:
        return self.name.lower().replace("_", " ")


@dataclass(frozen=True)
class Bands:
    """Lowest level of each status; anything below `approaching` is not yet."""

    approaching: float
    proficient: float
    advanced: float

    def __post_init__(self) -> None:
        if not self.approaching <= self.proficient <= self.advanced:
            raise ValueError(
                f"bands must rise: approaching {self.approaching} ≤ proficient "
                f"{self.proficient} ≤ advanced {self.advanced}"
            )

    @property
    def cuts(self) -> tuple[float, float, float]:
        return (self.approaching, self.proficient, self.advanced)


@dataclass(frozen=True)
class ScaleBands:
    """A scale's two sets of bands: for single pieces of evidence and for estimates."""

    evidence: Bands
    estimate: Bands


def scale_bands(levels: Sequence[float], cut: float) -> ScaleBands:
    """The bands a scale's levels and proficiency cut imply (the rule in the module doc)."""
    values = sorted(set(levels))
    below = [value for value in values if value < cut]
    above = [value for value in values if value > cut]
    under = below[-1] if below else cut
    over = above[0] if above else math.inf
    return ScaleBands(
        evidence=Bands(approaching=under, proficient=cut, advanced=over),
        estimate=Bands(
            approaching=(under + cut) / 2,
            proficient=cut,
            advanced=(cut + over) / 2 if above else math.inf,
        ),
    )


#: The bands of the usual four-level scale (1–4, 3 proficient), for levels with no scale.
DEFAULT_BANDS = scale_bands((1.0, 2.0, 3.0, 4.0), 3.0)
ESTIMATE_BANDS = DEFAULT_BANDS.estimate
EVIDENCE_BANDS = DEFAULT_BANDS.evidence


def status_of(level: float | None, bands: Bands) -> Status:
    """The status of one level; no level (None or NaN) means not started."""
    if level is None or math.isnan(level):
        return Status.NOT_STARTED
    return Status(Status.NOT_YET + bisect.bisect_right(bands.cuts, level))


def statuses(levels: FloatArray, bands: Bands) -> StatusArray:
    """`status_of` for every level at once."""
    found = np.searchsorted(np.asarray(bands.cuts), levels, side="right") + Status.NOT_YET
    return np.where(np.isnan(levels), Status.NOT_STARTED, found).astype(np.int8)


def capped_statuses(status: StatusArray, counts: IntArray, minimum: int) -> StatusArray:
    """Statuses above approaching lowered to approaching where fewer than `minimum`
    pieces of evidence stand behind them: too little evidence yet to confirm proficiency."""
    if minimum <= 1:
        return status
    short = (counts < minimum) & (status > Status.APPROACHING)
    return np.where(short, np.int8(Status.APPROACHING), status).astype(np.int8)


def statuses_by_target(
    levels: FloatArray, targets: IntArray, bands: Mapping[int, Bands], default: Bands
) -> StatusArray:
    """`status_of` for every level with the bands of its own target's scale (``default``
    for targets not in ``bands``), in one pass over the distinct targets."""
    unique, inverse = np.unique(targets, return_inverse=True)
    table = np.array([bands.get(int(target), default).cuts for target in unique.tolist()])
    cuts = table.reshape(-1, 3)[inverse]
    found = (levels[:, None] >= cuts).sum(axis=1) + Status.NOT_YET
    return np.where(np.isnan(levels), Status.NOT_STARTED, found).astype(np.int8)
