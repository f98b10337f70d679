"""Mastery estimates for many (learner, item) pairs as columns: what batch steps hand on.

An item is a learning target for calculated estimates and a competency or requirement for
rollups, so a rollup's output can feed the next rollup up the tree.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from continuum.mastery.evidence import FloatArray, IntArray
from continuum.mastery.status import Status, StatusArray


@dataclass(frozen=True, eq=False)
class Estimates:
    """One row per (learner, item), sorted by learner then item.

    `level` is NaN where there is no level to report; `count` is the number of pieces of
    evidence (or children) behind each row: for a calculated estimate, those the method
    read (counted under the policy and within its recency window).
    """

    learner: IntArray
    item: IntArray
    level: FloatArray
    status: StatusArray
    count: IntArray

    def __len__(self) -> int:
        return int(self.learner.shape[0])

    @property
    def met(self) -> npt.NDArray[np.bool_]:
        """At least proficient."""
        return self.status >= Status.PROFICIENT
