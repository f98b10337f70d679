"""Grading policies are data: they round-trip, evaluate evidence and replay proposals.

Ada (learner 1) improved steadily on target 5; Ben (learner 2) peaked early on target 5.
"""

from __future__ import annotations

import json
from datetime import datetime

import numpy as np
import pytest

from continuum.mastery import (
    EvidenceItem,
    GradingPolicy,
    Kind,
    RollupRule,
    Status,
    evidence_columns,
    policy_estimates,
    policy_explanation,
    policy_from_dict,
    policy_what_if,
    replay,
)
from continuum.mastery.status import Bands

ADA, BEN = 1, 2
EVIDENCE = evidence_columns(
    learner=[ADA, ADA, ADA, BEN, BEN, BEN],
    target=[5] * 6,
    score=[1.0, 2.0, 3.5, 4.0, 2.0, 2.0],
    assessed_at=np.array(["2025-01-01", "2025-02-01", "2025-03-01"] * 2, "M8[D]"),
)
CURRENT = GradingPolicy(version=1, method="highest")
PROPOSED = GradingPolicy(version=2, method="decaying_average", parameters={"w": 0.65})


def test_a_policy_round_trips_through_json() -> None:
    policy = GradingPolicy(
        version=3,
        method="n_of_m",
        parameters={"n": 3, "m": 5},
        order_by="due_at",
        formative_weight=0.0,
        bands=Bands(2.5, 3.0, 3.6),
        rollup=RollupRule("share_proficient", {"share": 0.8}),
    )
    data = json.loads(json.dumps(policy.to_dict()))
    assert data["parameters"] == {"n": 3.0, "m": 5.0, "cut": 3.0}
    assert policy_from_dict(data) == policy


def test_a_policy_refuses_what_it_cannot_apply() -> None:
    with pytest.raises(ValueError, match="order_by"):
        GradingPolicy(version=1, order_by="graded_at")
    with pytest.raises(ValueError, match="formative_weight"):
        GradingPolicy(version=1, formative_weight=2)
    with pytest.raises(ValueError, match="unknown policy keys \\['mehtod'\\]"):
        policy_from_dict({"version": 1, "mehtod": "mean"})


def test_policy_estimates_give_level_and_status_per_learner_target() -> None:
    result = policy_estimates(CURRENT, EVIDENCE)
    assert result.level.tolist() == [3.5, 4.0]
    assert result.status.tolist() == [Status.ADVANCED, Status.ADVANCED]
    assert result.count.tolist() == [3, 3]


def test_replay_lists_the_estimates_a_proposal_would_change() -> None:
    changes = replay(EVIDENCE, current=CURRENT, proposed=PROPOSED)
    assert changes.compared == 2
    assert changes.learner.tolist() == [ADA, BEN]
    assert changes.level_after.tolist() == pytest.approx([2.8525, 2.245])
    assert changes.transitions() == {
        (Status.ADVANCED, Status.APPROACHING): 1,
        (Status.ADVANCED, Status.NOT_YET): 1,
    }


def test_replay_of_a_policy_against_itself_changes_nothing() -> None:
    assert len(replay(EVIDENCE, current=PROPOSED, proposed=PROPOSED)) == 0


def test_replay_shows_learners_who_would_become_not_started() -> None:
    formative = evidence_columns(
        learner=[ADA], target=[5], score=[3.0], assessed_at=np.array(["2025-01-01"], "M8[D]"),
        kind=[Kind.FORMATIVE],
    )  # fmt: skip
    summative_only = GradingPolicy(version=2, method="highest", formative_weight=0.0)
    changes = replay(formative, current=CURRENT, proposed=summative_only)
    assert changes.status_after.tolist() == [Status.NOT_STARTED]
    assert np.isnan(changes.level_after).all()


ITEMS = [
    EvidenceItem(score=1.0, assessed_at=datetime(2025, 3, 1), due_at=datetime(2025, 1, 1)),
    EvidenceItem(score=3.0, assessed_at=datetime(2025, 2, 1)),
    EvidenceItem(score=2.0, assessed_at=datetime(2025, 2, 15), kind=Kind.FORMATIVE),
]


def test_policy_explanation_orders_and_weighs_one_learner_targets_evidence() -> None:
    by_due_date = GradingPolicy(version=1, method="latest", order_by="due_at", formative_weight=0)
    explained = policy_explanation(by_due_date, ITEMS)
    assert explained is not None
    assert [c.score for c in explained.contributions] == [1.0, 3.0]
    assert explained.estimate == 3.0


def test_policy_explanation_of_no_counted_evidence_is_none() -> None:
    summative_only = GradingPolicy(version=1, formative_weight=0)
    assert policy_explanation(summative_only, ITEMS[2:]) is None


def test_policy_what_if_adds_the_next_score_as_the_latest() -> None:
    policy = GradingPolicy(version=1, method="latest")
    next_item = EvidenceItem(score=4.0, assessed_at=datetime(2025, 4, 1))
    assert policy_what_if(policy, ITEMS, next_item) == 4.0
    summative_only = GradingPolicy(version=1, method="latest", formative_weight=0)
    practice = EvidenceItem(score=4.0, assessed_at=datetime(2025, 4, 1), kind=Kind.FORMATIVE)
    assert policy_what_if(summative_only, ITEMS, practice) == 1.0
