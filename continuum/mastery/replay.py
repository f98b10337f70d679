"""Replay: what a proposed grading policy would change, on the evidence we already have.

Both policies run over the same evidence in batch; the result lists only the
(learner, target) pairs whose estimate or status would differ, with before and after.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass

import numpy as np

from continuum.mastery.estimates import Estimates
from continuum.mastery.evidence import EvidenceColumns, FloatArray, IntArray
from continuum.mastery.policy import GradingPolicy, policy_estimates
from continuum.mastery.status import Bands, Status, StatusArray


@dataclass(frozen=True, eq=False)
class Replay:
    """Changed pairs only; a level of NaN with status not started means no estimate."""

    learner: IntArray
    target: IntArray
    level_before: FloatArray
    level_after: FloatArray
    status_before: StatusArray
    status_after: StatusArray
    compared: int

    def __len__(self) -> int:
        return int(self.learner.shape[0])

    def transitions(self) -> Counter[tuple[Status, Status]]:
        """How many pairs move from each status to each other status."""
        pairs = zip(self.status_before.tolist(), self.status_after.tolist(), strict=True)
        return Counter((Status(before), Status(after)) for before, after in pairs)


def replay(
    evidence: EvidenceColumns,
    *,
    current: GradingPolicy,
    proposed: GradingPolicy,
    bands: Mapping[int, Bands] | None = None,
    tolerance: float = 1e-9,
) -> Replay:
    """Pairs whose status changes or whose level moves by more than `tolerance`; ``bands``
    are each target's estimate bands, as for ``policy_estimates``."""
    before = policy_estimates(current, evidence, bands)
    after = policy_estimates(proposed, evidence, bands)
    learner, target, (at_before, at_after) = _union(before, after)
    level_before = _placed(before.level, at_before, learner.shape[0], np.nan)
    level_after = _placed(after.level, at_after, learner.shape[0], np.nan)
    status_before = _placed(before.status.astype(np.float64), at_before, len(learner), 0.0)
    status_after = _placed(after.status.astype(np.float64), at_after, len(learner), 0.0)
    with np.errstate(invalid="ignore"):
        moved = ~(np.abs(level_after - level_before) <= tolerance)
    both_missing = np.isnan(level_before) & np.isnan(level_after)
    changed = (status_before != status_after) | (moved & ~both_missing)
    return Replay(
        learner=learner[changed],
        target=target[changed],
        level_before=level_before[changed],
        level_after=level_after[changed],
        status_before=status_before[changed].astype(np.int8),
        status_after=status_after[changed].astype(np.int8),
        compared=int(learner.shape[0]),
    )


def _union(
    before: Estimates, after: Estimates
) -> tuple[IntArray, IntArray, tuple[IntArray, IntArray]]:
    """Sorted union of both (learner, item) key sets and where each side's rows land in it."""
    learner = np.concatenate([before.learner, after.learner])
    item = np.concatenate([before.item, after.item])
    order = np.lexsort((item, learner))
    new = np.ones(order.shape[0], dtype=bool)
    new[1:] = (learner[order][1:] != learner[order][:-1]) | (item[order][1:] != item[order][:-1])
    slot = np.empty(order.shape[0], dtype=np.int64)
    slot[order] = np.cumsum(new) - 1
    firsts = order[new]
    return learner[firsts], item[firsts], (slot[: len(before)], slot[len(before) :])


def _placed(values: FloatArray, at: IntArray, size: int, missing: float) -> FloatArray:
    placed = np.full(size, missing)
    placed[at] = values
    return placed
