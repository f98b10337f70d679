"""Statuses from levels: not started · not yet · approaching · proficient · advanced.

Single pieces of evidence are scored on the proficiency scale (e.g. 1–4 with 3 proficient)
while aggregated estimates are continuous, so a policy holds two sets of bands: one for
evidence and one for estimates (e.g. 2.5–2.99 approaching).
"""

from __future__ import annotations

import bisect
import math
from dataclasses import dataclass
from enum import IntEnum

import numpy as np
import numpy.typing as npt

from continuum.mastery.evidence import FloatArray

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


ESTIMATE_BANDS = Bands(approaching=2.5, proficient=3.0, advanced=3.5)
EVIDENCE_BANDS = Bands(approaching=2.0, proficient=3.0, advanced=4.0)


def status_of(level: float | None, bands: Bands) -> Status:
    """The status of one level; no level (None or NaN) means not started."""
    if level is None or math.isnan(level):
        return Status.NOT_STARTED
    return Status(Status.NOT_YET + bisect.bisect_right(bands.cuts, level))


def statuses(levels: FloatArray, bands: Bands) -> StatusArray:
    """`status_of` for every level at once."""
    found = np.searchsorted(np.asarray(bands.cuts), levels, side="right") + Status.NOT_YET
    return np.where(np.isnan(levels), Status.NOT_STARTED, found).astype(np.int8)
