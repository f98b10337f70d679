"""Evidence as columnar arrays: the one input every batch calculation reads.

A district's evidence arrives as parallel NumPy columns rather than a list of objects so
that grouping and every calculation method can run without a Python loop per learner.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import IntEnum
from typing import Any

import numpy as np
import numpy.typing as npt

IntArray = npt.NDArray[np.int64]
FloatArray = npt.NDArray[np.float64]
BoolArray = npt.NDArray[np.bool_]
DateArray = npt.NDArray[np.datetime64]


class Kind(IntEnum):
    """Whether a piece of evidence checks learning along the way or certifies it."""

    FORMATIVE = 0
    SUMMATIVE = 1


@dataclass(frozen=True, eq=False)
class EvidenceColumns:
    """One row per piece of evidence; all columns have the same length.

    `due_at` may hold NaT where an assessment had no due date; ordering by due date then
    falls back to `assessed_at` for that row. Columns are normalised on construction
    (int64 ids, float64 scores and weights, int8 kinds, second-resolution dates) and
    validated, so every later step can trust them.
    """

    learner: IntArray
    target: IntArray
    score: FloatArray
    assessed_at: DateArray
    kind: npt.NDArray[np.int8]
    weight: FloatArray
    due_at: DateArray

    def __post_init__(self) -> None:
        columns = {
            "learner": np.asarray(self.learner, dtype=np.int64),
            "target": np.asarray(self.target, dtype=np.int64),
            "score": np.asarray(self.score, dtype=np.float64),
            "assessed_at": np.asarray(self.assessed_at, dtype="datetime64[s]"),
            "kind": np.asarray(self.kind, dtype=np.int8),
            "weight": np.asarray(self.weight, dtype=np.float64),
            "due_at": np.asarray(self.due_at, dtype="datetime64[s]"),
        }
        lengths = {name: column.shape for name, column in columns.items()}
        if any(len(shape) != 1 for shape in lengths.values()):
            raise ValueError(f"evidence columns must be one-dimensional, got shapes {lengths}")
        if len({shape[0] for shape in lengths.values()}) != 1:
            raise ValueError(f"evidence columns must have equal lengths, got {lengths}")
        _check_values(columns)
        for name, column in columns.items():
            object.__setattr__(self, name, column)

    def __len__(self) -> int:
        return int(self.score.shape[0])

    def order_dates(self, order_by: str) -> IntArray:
        """Seconds since the epoch of the date that orders evidence under a policy.

        For `assessed_at` this is a view of the column, not a copy: read it, never write.

        Ordering by grading date is a known complaint (a late-graded early attempt would
        count as the latest), so policies may order by due date instead.
        """
        assessed = self.assessed_at.view(np.int64)
        if order_by == "assessed_at":
            return assessed
        if order_by == "due_at":
            return np.where(np.isnat(self.due_at), assessed, self.due_at.astype(np.int64))
        raise ValueError(f"order_by must be 'assessed_at' or 'due_at', got {order_by!r}")


def evidence_columns(
    *,
    learner: npt.ArrayLike,
    target: npt.ArrayLike,
    score: npt.ArrayLike,
    assessed_at: npt.ArrayLike,
    kind: npt.ArrayLike | None = None,
    weight: npt.ArrayLike | None = None,
    due_at: npt.ArrayLike | None = None,
) -> EvidenceColumns:
    """Build validated columns, defaulting to summative evidence of weight 1 and no due date."""
    n = np.shape(score)[0] if np.ndim(score) else 0
    return EvidenceColumns(
        learner=np.asarray(learner),
        target=np.asarray(target),
        score=np.asarray(score),
        assessed_at=np.asarray(assessed_at),
        kind=np.full(n, Kind.SUMMATIVE, np.int8) if kind is None else np.asarray(kind),
        weight=np.ones(n) if weight is None else np.asarray(weight),
        due_at=np.full(n, np.datetime64("NaT", "s")) if due_at is None else np.asarray(due_at),
    )


def _check_values(columns: dict[str, npt.NDArray[Any]]) -> None:
    score = columns["score"]
    weight = columns["weight"]
    if not np.isfinite(score).all():
        rows = np.flatnonzero(~np.isfinite(score))[:5].tolist()
        raise ValueError(f"scores must be finite numbers; rows {rows} are not")
    if not (np.isfinite(weight).all() and (weight >= 0).all()):
        rows = np.flatnonzero(~(np.isfinite(weight) & (weight >= 0)))[:5].tolist()
        raise ValueError(f"weights must be finite and at least 0; rows {rows} are not")
    kind = columns["kind"]
    if not np.isin(kind, (Kind.FORMATIVE, Kind.SUMMATIVE)).all():
        raise ValueError("kind must be 0 (formative) or 1 (summative)")
    if np.isnat(columns["assessed_at"]).any():
        raise ValueError("every piece of evidence needs an assessed_at date")
