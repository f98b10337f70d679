"""Stored evidence as the mastery engine reads it, for both recording paths.

The incremental path (``estimates.estimate_refresh``) gives the engine one ``EvidenceItem``
per piece of evidence; the batch path (``recompute``) gives it a school's evidence as
``EvidenceColumns``. The two must agree bit for bit, so each conversion is written once,
here, and both paths call it:

- kind: formative evidence is ``Kind.FORMATIVE``, everything else ``Kind.SUMMATIVE``;
- weight: the stored weight as it is (the policy's formative weight is the engine's job);
- due date: the start of ``due_on`` (midnight) in the time zone of ``assessed_at``, or
  none, in which case a policy that orders by due date falls back to ``assessed_at``.

Which evidence counts (scored, not missing or excused) and in which row order it is read
stay with the callers' queries.
"""

from collections.abc import Sequence
from datetime import UTC, date, datetime, timedelta

import numpy as np

from continuum.evidence.models import Evidence, EvidenceKind
from continuum.mastery import EvidenceColumns, EvidenceItem, Kind, evidence_columns

# The columns a batch reads, in the order ``engine_columns`` expects each row.
ROW_FIELDS = ("learner_id", "target_id", "level", "assessed_at", "kind", "weight", "due_on")
Row = tuple[int, int, float, datetime, str, float, date | None]

_NAT = np.datetime64("NaT", "s")
_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
_MICROSECOND = timedelta(microseconds=1)


def engine_kind(kind: str) -> Kind:
    return Kind.FORMATIVE if kind == EvidenceKind.FORMATIVE else Kind.SUMMATIVE


def engine_due_at(due_on: date | None, assessed_at: datetime) -> datetime | None:
    """The moment a due date orders by: its midnight, where the evidence was assessed."""
    if due_on is None:
        return None
    return datetime.combine(due_on, datetime.min.time(), tzinfo=assessed_at.tzinfo)


def engine_item(evidence: Evidence) -> EvidenceItem:
    """One scored piece of evidence for the incremental path."""
    assert evidence.level is not None  # scored evidence always has a level (a constraint)
    return EvidenceItem(
        score=evidence.level,
        assessed_at=evidence.assessed_at,
        kind=engine_kind(evidence.kind),
        weight=evidence.weight,
        due_at=engine_due_at(evidence.due_on, evidence.assessed_at),
    )


def _naive_utc(moment: datetime) -> datetime:
    """NumPy's datetime64 has no time zone: every date becomes naive UTC."""
    return moment.astimezone(UTC).replace(tzinfo=None)


def engine_columns(rows: Sequence[Row]) -> EvidenceColumns:
    """Scored evidence read as ``ROW_FIELDS`` (in the caller's row order, which breaks
    ties) as columns for the batch path."""
    columns = list(zip(*rows, strict=True)) or [()] * len(ROW_FIELDS)
    learner, target, level, assessed, kind, weight, due = columns
    due_at = [engine_due_at(day, moment) for day, moment in zip(due, assessed, strict=True)]
    return evidence_columns(
        learner=np.array(learner, dtype=np.int64),
        target=np.array(target, dtype=np.int64),
        score=np.array(level, dtype=np.float64),
        assessed_at=_utc_microseconds(assessed),
        kind=np.array([engine_kind(k) for k in kind], dtype=np.int8),
        weight=np.array(weight, dtype=np.float64),
        due_at=np.array(
            [_NAT if moment is None else _naive_utc(moment) for moment in due_at],
            dtype="datetime64[s]",
        ),
    )


def _utc_microseconds(moments: Sequence[datetime]) -> np.ndarray:
    """Aware moments as UTC ``datetime64[us]``, counted in whole microseconds from the
    epoch: exact, and 7× faster than NumPy converting each datetime object (half a
    million rows, the 1,000-learner benchmark school's evidence: 0.3 s instead of 2 s)."""
    counts = ((moment - _EPOCH) // _MICROSECOND for moment in moments)
    return np.fromiter(counts, dtype=np.int64, count=len(moments)).view("datetime64[us]")
