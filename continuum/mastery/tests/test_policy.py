"""Grading policies are data: they round-trip, evaluate evidence and replay proposals.

Ada (learner 1) improved steadily on target 5; Ben (learner 2) peaked early on target 5.
ITEMS are one learner-target's evidence as a caller lists it: a quiz graded on 1 March but
due on 1 January, a test on 1 February, and a formative check on 15 February.
"""

from __future__ import annotations

import json
from datetime import datetime, timedelta

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from continuum.mastery import (
    METHODS,
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
from continuum.mastery.tests.strategies import parameters, score

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
    with pytest.raises(ValueError, match="statuses follow each proficiency scale"):
        policy_from_dict({"version": 1, "bands": {"approaching": 2.5}})


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


def _sources(policy: GradingPolicy, items: list[EvidenceItem]) -> list[tuple[int, int, float]]:
    """(attempt, index, weight) of each contribution."""
    explained = policy_explanation(policy, items)
    assert explained is not None
    return [(c.attempt, c.index, c.weight) for c in explained.contributions]


def test_each_contribution_names_the_item_it_came_from_when_the_policy_reorders() -> None:
    by_grading_date = GradingPolicy(version=1, method="mean")
    by_due_date = GradingPolicy(version=1, method="mean", order_by="due_at")
    assert _sources(by_grading_date, ITEMS) == [(1, 1, 1.0), (2, 2, 1.0), (3, 0, 1.0)]
    assert _sources(by_due_date, ITEMS) == [(1, 0, 1.0), (2, 1, 1.0), (3, 2, 1.0)]


def test_items_on_the_same_date_keep_the_order_they_were_given_in() -> None:
    day = datetime(2025, 2, 1)
    tied = [
        EvidenceItem(score=2.0, assessed_at=day),
        EvidenceItem(score=1.0, assessed_at=datetime(2025, 3, 1), due_at=day),
        EvidenceItem(score=3.0, assessed_at=day),
        EvidenceItem(score=4.0, assessed_at=datetime(2025, 1, 1)),
    ]
    by_due_date = GradingPolicy(version=1, method="latest", order_by="due_at")
    assert [index for _, index, _ in _sources(by_due_date, tied)] == [3, 0, 1, 2]
    by_grading_date = GradingPolicy(version=1, method="latest")
    assert [index for _, index, _ in _sources(by_grading_date, tied)] == [3, 0, 2, 1]


def test_items_that_weigh_nothing_have_no_contribution() -> None:
    summative_only = GradingPolicy(version=1, method="mean", formative_weight=0)
    unweighted = EvidenceItem(score=4.0, assessed_at=datetime(2025, 2, 2), weight=0.0)
    assert _sources(summative_only, [*ITEMS, unweighted]) == [(1, 1, 1.0), (2, 0, 1.0)]
    half = GradingPolicy(version=1, method="mean", formative_weight=0.5)
    assert _sources(half, ITEMS) == [(1, 1, 1.0), (2, 2, 0.5), (3, 0, 1.0)]


DAY = datetime(2025, 1, 1)
# Few distinct days, so that ties in the ordering date are common.
dates = st.integers(0, 4).map(lambda days: DAY + timedelta(days=days))
items = st.lists(
    st.builds(
        EvidenceItem,
        score=score,
        assessed_at=dates,
        kind=st.sampled_from(Kind),
        weight=st.sampled_from([0.0, 0.5, 1.0, 2.0]),
        due_at=st.none() | dates,
    ),
    max_size=10,
)


@given(items=items, data=st.data())
def test_every_contribution_points_at_a_distinct_item_that_counts(
    items: list[EvidenceItem], data: st.DataObject
) -> None:
    method = data.draw(st.sampled_from(sorted(METHODS)))
    policy = GradingPolicy(
        version=1,
        method=method,
        parameters=data.draw(parameters(method)),
        order_by=data.draw(st.sampled_from(["assessed_at", "due_at"])),
        formative_weight=data.draw(st.sampled_from([0.0, 0.25, 1.0])),
    )

    def weight(item: EvidenceItem) -> float:
        return item.weight * (policy.formative_weight if item.kind == Kind.FORMATIVE else 1.0)

    explained = policy_explanation(policy, items)
    contributions = explained.contributions if explained else ()
    indices = [c.index for c in contributions]
    assert len(set(indices)) == len(indices)
    assert set(indices) == {i for i, item in enumerate(items) if weight(item) > 0}
    assert all(c.score == items[c.index].score for c in contributions)
    assert all(c.weight == weight(items[c.index]) for c in contributions)
