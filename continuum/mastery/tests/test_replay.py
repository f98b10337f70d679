"""Replay, as the grading-policy replay of the next issue will call it: from the engine's
public surface, on the evidence we already have.

Ada (learner 1) has one summative and one formative score on target 5.
"""

from __future__ import annotations

import numpy as np
import pytest

from continuum.mastery import GradingPolicy, Kind, Replay, Status, evidence_columns, replay

ADA = 1
EVIDENCE = evidence_columns(
    learner=[ADA, ADA],
    target=[5, 5],
    score=[2.0, 3.4],
    assessed_at=np.array(["2025-01-01", "2025-02-01"], "M8[D]"),
    kind=[Kind.SUMMATIVE, Kind.FORMATIVE],
)
MEAN = GradingPolicy(version=1, method="weighted_mean")


def test_a_learner_who_gains_an_estimate_under_the_proposal_is_listed() -> None:
    formative_only = evidence_columns(
        learner=[ADA], target=[5], score=[3.0], assessed_at=np.array(["2025-01-01"], "M8[D]"),
        kind=[Kind.FORMATIVE],
    )  # fmt: skip
    summative_only = GradingPolicy(version=1, method="weighted_mean", formative_weight=0.0)
    changes = replay(formative_only, current=summative_only, proposed=MEAN)
    assert isinstance(changes, Replay)
    assert np.isnan(changes.level_before).all()
    assert changes.level_after.tolist() == [3.0]
    assert changes.transitions() == {(Status.NOT_STARTED, Status.PROFICIENT): 1}


def test_a_level_that_moves_within_the_tolerance_is_not_a_change() -> None:
    nearly_equal = GradingPolicy(version=2, method="weighted_mean", formative_weight=0.999)
    assert len(replay(EVIDENCE, current=MEAN, proposed=nearly_equal, tolerance=0.01)) == 0
    changes = replay(EVIDENCE, current=MEAN, proposed=nearly_equal)
    assert changes.compared == 1
    assert changes.level_after.tolist() == pytest.approx([2.6997], abs=1e-4)
