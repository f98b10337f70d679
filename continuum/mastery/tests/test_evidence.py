"""Evidence columns are validated once, and grouped in the order the policy chooses."""

from __future__ import annotations

import numpy as np
import pytest

from continuum.mastery import Kind, evidence_columns, group

DAYS = np.array(["2025-01-10", "2025-01-20"], "M8[D]")


def test_it_rejects_columns_of_different_lengths() -> None:
    with pytest.raises(ValueError, match="equal lengths"):
        evidence_columns(learner=[1, 2], target=[1], score=[1.0, 2.0], assessed_at=DAYS)


def test_it_rejects_a_score_that_is_not_a_number() -> None:
    with pytest.raises(ValueError, match=r"finite.*rows \[1\]"):
        evidence_columns(learner=[1, 1], target=[1, 1], score=[1.0, np.nan], assessed_at=DAYS)


def test_it_rejects_a_negative_weight() -> None:
    with pytest.raises(ValueError, match=r"at least 0; rows \[0\]"):
        evidence_columns(
            learner=[1, 1], target=[1, 1], score=[1, 2], assessed_at=DAYS, weight=[-1, 1]
        )


def test_it_rejects_an_unknown_kind() -> None:
    with pytest.raises(ValueError, match="kind must be"):
        evidence_columns(learner=[1, 1], target=[1, 1], score=[1, 2], assessed_at=DAYS, kind=[2, 1])


def test_ordering_by_due_date_puts_a_late_graded_early_attempt_first() -> None:
    # The first attempt was due on the 5th but graded on the 20th, after the retake.
    evidence = evidence_columns(
        learner=[1, 1],
        target=[1, 1],
        score=[1.0, 3.0],
        assessed_at=np.array(["2025-01-20", "2025-01-10"], "M8[D]"),
        due_at=np.array(["2025-01-05", "NaT"], "M8[D]"),
    )
    assert group(evidence, order_by="assessed_at").scores.tolist() == [3.0, 1.0]
    assert group(evidence, order_by="due_at").scores.tolist() == [1.0, 3.0]


def test_formative_weight_zero_counts_summative_evidence_only() -> None:
    evidence = evidence_columns(
        learner=[1, 1, 2],
        target=[1, 1, 1],
        score=[1.0, 3.0, 2.0],
        assessed_at=np.array(["2025-01-01", "2025-01-02", "2025-01-03"], "M8[D]"),
        kind=[Kind.FORMATIVE, Kind.SUMMATIVE, Kind.FORMATIVE],
    )
    segments = group(evidence, formative_weight=0.0)
    assert segments.learner.tolist() == [1]
    assert segments.scores.tolist() == [3.0]
    assert group(evidence, formative_weight=0.5).weights.tolist() == [0.5, 1.0, 0.5]
