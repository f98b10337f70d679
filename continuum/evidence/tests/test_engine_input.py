"""Stored evidence reads the same to the engine on the incremental and the batch path.

Lena's evidence on one target: a formative check on Monday, a quiz graded on Friday but
due on Tuesday, and a test on Wednesday that her teacher weighted double.
"""

from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

import numpy as np
import pytest

from continuum.evidence.models import Evidence, EvidenceKind
from continuum.evidence.services.engine_input import (
    Row,
    engine_columns,
    engine_due_at,
    engine_item,
)
from continuum.mastery import GradingPolicy, Kind, policy_estimates, policy_explanation

LENA, TARGET = 7, 11


def _at(day: int) -> datetime:
    return datetime(2026, 9, day, 9, tzinfo=UTC)


EVIDENCE = [
    Evidence(level=2, kind=EvidenceKind.FORMATIVE, weight=1.0, assessed_at=_at(7)),
    Evidence(level=3, weight=1.0, assessed_at=_at(11), due_on=date(2026, 9, 8)),
    Evidence(level=4, weight=2.0, assessed_at=_at(9)),
]


def _row(evidence: Evidence) -> Row:
    assert evidence.level is not None
    return (
        LENA,
        TARGET,
        evidence.level,
        evidence.assessed_at,
        evidence.kind,
        evidence.weight,
        evidence.due_on,
    )


ROWS = [_row(e) for e in EVIDENCE]


def test_each_piece_reads_the_same_on_both_paths() -> None:
    items = [engine_item(e) for e in EVIDENCE]
    columns = engine_columns(ROWS)
    assert [item.kind for item in items] == [Kind.FORMATIVE, Kind.SUMMATIVE, Kind.SUMMATIVE]
    assert columns.kind.tolist() == [int(item.kind) for item in items]
    assert columns.weight.tolist() == [item.weight for item in items] == [1.0, 1.0, 2.0]
    assert columns.score.tolist() == [item.score for item in items] == [2.0, 3.0, 4.0]
    assert items[1].due_at == datetime(2026, 9, 8, tzinfo=UTC)
    assert columns.due_at[1] == np.datetime64("2026-09-08T00:00:00")
    assert np.isnat(columns.due_at[[0, 2]]).all()
    assert [item.due_at for item in items[::2]] == [None, None]


@pytest.mark.parametrize("order_by", ["assessed_at", "due_at"])
@pytest.mark.parametrize("formative_weight", [0.0, 0.5, 1.0])
def test_both_paths_give_the_same_estimate(order_by: str, formative_weight: float) -> None:
    policy = GradingPolicy(
        version=1, method="decaying_average", order_by=order_by, formative_weight=formative_weight
    )
    explained = policy_explanation(policy, [engine_item(e) for e in EVIDENCE])
    batch = policy_estimates(policy, engine_columns(ROWS))
    assert explained is not None
    assert batch.level.tolist() == [explained.estimate]
    assert batch.count.tolist() == [len(explained.contributions)]


def test_a_due_date_orders_from_its_midnight_where_the_evidence_was_assessed() -> None:
    chicago = ZoneInfo("America/Chicago")
    assessed = datetime(2026, 1, 9, 15, tzinfo=chicago)
    due = engine_due_at(date(2026, 1, 6), assessed)
    assert due == datetime(2026, 1, 6, tzinfo=chicago)
    row: Row = (LENA, TARGET, 3.0, assessed, EvidenceKind.SUMMATIVE, 1.0, date(2026, 1, 6))
    assert engine_columns([row]).due_at[0] == np.datetime64("2026-01-06T06:00:00")


def test_no_rows_are_empty_columns() -> None:
    assert len(engine_columns([])) == 0
