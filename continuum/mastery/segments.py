"""Evidence grouped per (learner, target) in order: the shape every batch method reads.

Rows are sorted by (learner, target, ordering date, original row) so each group is a
contiguous segment (`row_order` does the sort). Sums add each group's rows left to right
and other recurrences run as a fold over attempt positions, vectorised across all groups,
so a batch adds the same numbers in the same order as the one-group functions do: the two
forms of every method agree exactly, not just closely.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property

import numpy as np

from continuum.mastery.evidence import EvidenceColumns, FloatArray, IntArray, Kind
from continuum.mastery.row_order import row_order

Step = Callable[[FloatArray, FloatArray], FloatArray]


@dataclass(frozen=True, eq=False)
class Segments:
    """Per-group keys (`learner`, `target`, `starts`, `lengths`) and per-row columns."""

    learner: IntArray
    target: IntArray
    starts: IntArray
    lengths: IntArray
    scores: FloatArray
    weights: FloatArray
    known_row_group: IntArray | None = field(default=None, repr=False)
    """`row_group` when the caller has it already (`group` gets it from its sort)."""

    @property
    def size(self) -> int:
        """Number of (learner, target) groups."""
        return int(self.starts.shape[0])

    @cached_property
    def row_group(self) -> IntArray:
        """Group index of every row."""
        if self.known_row_group is not None:
            return self.known_row_group
        marks = np.zeros(self.scores.shape[0], dtype=np.int64)
        marks[self.starts[1:]] = 1
        return np.cumsum(marks, out=marks)

    @cached_property
    def position(self) -> IntArray:
        """0-based attempt number of every row within its group."""
        return np.arange(self.scores.shape[0], dtype=np.int64) - self.starts[self.row_group]

    @cached_property
    def from_end(self) -> IntArray:
        """How many later rows each row's group has (0 for the latest)."""
        return self.lengths[self.row_group] - 1 - self.position

    @cached_property
    def _position_major(self) -> tuple[IntArray, IntArray, IntArray, IntArray]:
        """Rows reordered attempt-by-attempt, longest groups first.

        Returns (group order, row permutation, offset of each attempt position, number of
        groups that have that position); the groups still active at attempt k are a prefix.
        """
        longest = int(self.lengths.max(initial=0))
        # Longest first, ties in group order; a 16-bit key gets NumPy's radix sort.
        shorter_by = longest - self.lengths
        if longest < 2**16:
            shorter_by = shorter_by.astype(np.uint16)
        order = np.argsort(shorter_by, kind="stable")
        active = self.size - np.searchsorted(self.lengths[order][::-1], np.arange(1, longest + 1))
        first_rows = self.starts[order]
        rows = [first_rows[: int(count)] + k for k, count in enumerate(active)]
        perm = np.concatenate(rows) if rows else np.zeros(0, np.int64)
        offsets = np.concatenate(([0], np.cumsum(active)[:-1])).astype(np.int64)
        return order, perm, offsets, active.astype(np.int64)

    def fold(self, values: FloatArray, step: Step) -> FloatArray:
        """Per group, `acc = first value; acc = step(acc, next value)` from first to last."""
        order, perm, offsets, active = self._position_major
        by_position = values[perm]
        acc = by_position[: self.size].copy()
        for offset, count in zip(offsets[1:].tolist(), active[1:].tolist(), strict=True):
            acc[:count] = step(acc[:count], by_position[offset : offset + count])
        result = np.empty(self.size)
        result[order] = acc
        return result

    def sums(self, values: FloatArray) -> FloatArray:
        """Left-to-right sum per group (the order `sum_in_order` uses).

        `np.bincount` adds each row into its group's total in row order, starting from
        +0.0; that is the same fold except for a group of only -0.0 values, whose
        left-to-right sum stays -0.0.
        """
        totals: FloatArray = np.bincount(self.row_group, weights=values, minlength=self.size)
        if np.signbit(values).any():
            negative_zero = (values == 0.0) & np.signbit(values)
            only = np.bincount(self.row_group, weights=negative_zero, minlength=self.size)
            totals[only == self.lengths] = -0.0
        return totals

    def firsts(self, values: FloatArray) -> FloatArray:
        return values[self.starts]

    def lasts(self, values: FloatArray) -> FloatArray:
        last: FloatArray = values[self.starts + self.lengths - 1]
        return last

    def maxima(self, values: FloatArray) -> FloatArray:
        if self.size == 0:
            return np.zeros(0)
        result: FloatArray = np.maximum.reduceat(values, self.starts)
        return result

    def spread(self, per_group: FloatArray) -> FloatArray:
        """Copy a per-group value onto each of the group's rows."""
        return per_group[self.row_group]

    def recent(self, count: int) -> Segments:
        """The same groups with only each one's last `count` rows (all of them for 0).

        Every group keeps at least one row, so the keys stay as they are; rows keep their
        order, so sums and folds over the kept rows add exactly what the one-group
        functions add over the last `count` scores.
        """
        if count < 0:
            raise ValueError(f"recent_count must be at least 0, got {count}")
        if count == 0 or int(self.lengths.max(initial=0)) <= count:
            return self
        keep = self.from_end < count
        lengths = np.minimum(self.lengths, count)
        starts = np.zeros_like(lengths)
        np.cumsum(lengths[:-1], out=starts[1:])
        return Segments(
            learner=self.learner,
            target=self.target,
            starts=starts,
            lengths=lengths,
            scores=self.scores[keep],
            weights=self.weights[keep],
            known_row_group=self.row_group[keep],
        )

    def tail_matrix(self, values: FloatArray, last: int) -> tuple[FloatArray, IntArray]:
        """Each group's last `last` values sorted ascending, NaN-padded, and their count."""
        width = max(1, min(last, int(self.lengths.max(initial=1))))
        matrix = np.full((self.size, width), np.nan)
        in_tail = self.from_end < width
        matrix[self.row_group[in_tail], self.from_end[in_tail]] = values[in_tail]
        matrix.sort(axis=1)
        return matrix, np.minimum(self.lengths, width)


def sum_in_order(values: list[float]) -> float:
    """Left-to-right sum, the one-group twin of `Segments.sums`."""
    total = values[0]
    for value in values[1:]:
        total += value
    return total


def group(
    evidence: EvidenceColumns,
    *,
    order_by: str = "assessed_at",
    formative_weight: float = 1.0,
    recent_count: int = 0,
) -> Segments:
    """Group evidence per (learner, target) in policy order, with formative weight applied.

    Formative rows get `weight * formative_weight`; rows whose weight ends up 0 do not
    count at all (formative weight 0 means summative evidence only). With `recent_count`
    N > 0, only each group's last N counted rows are kept (`Segments.recent`).
    """
    if not 0.0 <= formative_weight <= 1.0:
        raise ValueError(f"formative_weight must be within [0, 1], got {formative_weight}")
    weight = evidence.weight
    if formative_weight != 1.0:
        weight = np.where(evidence.kind == Kind.FORMATIVE, weight * formative_weight, weight)
    learner, target, score = evidence.learner, evidence.target, evidence.score
    date = evidence.order_dates(order_by)
    counted = weight > 0
    if not counted.all():
        keep = np.flatnonzero(counted)
        learner, target, date, score, weight = (
            learner[keep],
            target[keep],
            date[keep],
            score[keep],
            weight[keep],
        )
    order, starts, group_learner, group_target, row_group = row_order(learner, target, date)
    lengths = np.empty_like(starts)
    np.subtract(starts[1:], starts[:-1], out=lengths[:-1])
    lengths[-1:] = order.shape[0] - starts[-1:]
    return Segments(
        learner=group_learner,
        target=group_target,
        starts=starts,
        lengths=lengths,
        scores=score[order],
        weights=weight[order],
        known_row_group=row_group,
    ).recent(recent_count)
