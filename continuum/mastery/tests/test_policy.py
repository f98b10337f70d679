"""Grading policies are data: they round-trip, evaluate evidence and replay proposals.

Ada (learner 1) improved steadily on target 5; Ben (learner 2) peaked early on target 5.
ITEMS are one learner-target's evidence as a caller lists it: a quiz graded on 1 March but
due on 1 January, a test on 1 February, and a formative check on 15 February.
"""

from __future__ import annotations

import json
import math
from datetime import datetime

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from continuum.mastery import (
    ESTIMATE_BANDS,
    EvidenceItem,
    GradingPolicy,
    Kind,
    RollupRule,
    Status,
    evidence_columns,
    policy_estimates,
    policy_explanation,
    policy_from_dict,
    policy_status,
    policy_what_if,
    policy_what_if_status,
    replay,
)
from continuum.mastery.tests.strategies import DAY, evidence_item, policies

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
        minimum_evidence=2,
        recent_count=4,
    )
    data = json.loads(json.dumps(policy.to_dict()))
    assert data["parameters"] == {"n": 3.0, "m": 5.0, "cut": 3.0}
    assert (data["minimum_evidence"], data["recent_count"]) == (2, 4)
    assert policy_from_dict(data) == policy


def test_a_policy_stored_before_minimum_evidence_and_recency_still_loads() -> None:
    policy = policy_from_dict({"version": 7, "method": "mean", "formative_weight": 0.5})
    assert (policy.minimum_evidence, policy.recent_count) == (1, 0)


def test_whole_numbers_from_json_are_accepted_as_counts() -> None:
    policy = policy_from_dict({"version": 1, "minimum_evidence": 2.0, "recent_count": 3.0})
    assert (policy.minimum_evidence, policy.recent_count) == (2, 3)
    assert isinstance(policy.minimum_evidence, int)


@pytest.mark.parametrize("minimum", [0, -1, 2.5, True, "2", None])
def test_minimum_evidence_must_be_a_whole_number_of_at_least_1(minimum: object) -> None:
    with pytest.raises(ValueError, match="minimum_evidence must be a whole number of at least 1"):
        GradingPolicy(version=1, minimum_evidence=minimum)  # type: ignore[arg-type]


@pytest.mark.parametrize("recent", [-1, 1.5, False, "3"])
def test_recent_count_must_be_a_whole_number_of_at_least_0(recent: object) -> None:
    with pytest.raises(ValueError, match="recent_count must be a whole number of at least 0"):
        GradingPolicy(version=1, recent_count=recent)  # type: ignore[arg-type]


def test_a_minimum_the_recency_window_could_never_reach_is_refused() -> None:
    with pytest.raises(
        ValueError, match=r"minimum_evidence \(4\) cannot exceed recent_count \(3\)"
    ):
        GradingPolicy(version=1, minimum_evidence=4, recent_count=3)
    assert GradingPolicy(version=1, minimum_evidence=3, recent_count=3).recent_count == 3


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


@given(items=st.lists(evidence_item, max_size=10), policy=policies())
def test_every_item_that_counts_is_either_a_contribution_or_left_out(
    items: list[EvidenceItem], policy: GradingPolicy
) -> None:
    def weight(item: EvidenceItem) -> float:
        return item.weight * (policy.formative_weight if item.kind == Kind.FORMATIVE else 1.0)

    explained = policy_explanation(policy, items)
    contributions = explained.contributions if explained else ()
    left_out = explained.left_out if explained else ()
    indices = [c.index for c in contributions]
    assert len(set(indices + list(left_out))) == len(indices) + len(left_out)
    assert set(indices) | set(left_out) == {i for i, item in enumerate(items) if weight(item) > 0}
    assert len(indices) == min(len(indices) + len(left_out), policy.recent_count or len(items))
    assert all(c.score == items[c.index].score for c in contributions)
    assert all(c.weight == weight(items[c.index]) for c in contributions)


# Minimum evidence and recency. Cleo (learner 3) has one 4 on target 5; Dev (learner 4)
# has 1, 2, 4 and 4 on it, oldest first.
CLEO, DEV = 3, 4
SPARSE = evidence_columns(
    learner=[CLEO, DEV, DEV, DEV, DEV],
    target=[5] * 5,
    score=[4.0, 1.0, 2.0, 4.0, 4.0],
    assessed_at=np.array(["2025-03", "2025-01", "2025-02", "2025-03", "2025-04"], "M8[D]"),
)
HIGHEST = GradingPolicy(version=1, method="highest")


def test_too_little_evidence_caps_the_status_at_approaching_but_keeps_the_level() -> None:
    two_needed = GradingPolicy(version=2, method="highest", minimum_evidence=2)
    result = policy_estimates(two_needed, SPARSE)
    assert result.level.tolist() == [4.0, 4.0]
    assert result.status.tolist() == [Status.APPROACHING, Status.ADVANCED]
    assert policy_estimates(HIGHEST, SPARSE).status.tolist() == [Status.ADVANCED] * 2


def test_the_cap_never_raises_a_status() -> None:
    not_yet = evidence_columns(
        learner=[CLEO], target=[5], score=[1.0], assessed_at=np.array(["2025-01-01"], "M8[D]")
    )
    three_needed = GradingPolicy(version=1, method="mean", minimum_evidence=3)
    assert policy_estimates(three_needed, not_yet).status.tolist() == [Status.NOT_YET]


def test_only_the_most_recent_evidence_enters_the_method() -> None:
    last_three = GradingPolicy(version=1, method="mean", recent_count=3)
    result = policy_estimates(last_three, SPARSE)
    assert result.level.tolist() == pytest.approx([4.0, (2 + 4 + 4) / 3])
    assert result.count.tolist() == [1, 3]


def test_the_minimum_counts_the_evidence_behind_the_estimate() -> None:
    """Three of the last three: Dev has enough, Cleo (one piece) not yet."""
    policy = GradingPolicy(version=1, method="latest", minimum_evidence=3, recent_count=3)
    result = policy_estimates(policy, SPARSE)
    assert result.status.tolist() == [Status.APPROACHING, Status.ADVANCED]
    assert result.count.tolist() == [1, 3]


# Eve's evidence as a caller lists it: 4 (1 March), 1 (1 January), 2 (1 February) and a
# formative 3 (15 February).
EVE = [
    EvidenceItem(score=4.0, assessed_at=datetime(2025, 3, 1)),
    EvidenceItem(score=1.0, assessed_at=datetime(2025, 1, 1)),
    EvidenceItem(score=2.0, assessed_at=datetime(2025, 2, 1)),
    EvidenceItem(score=3.0, assessed_at=datetime(2025, 2, 15), kind=Kind.FORMATIVE),
]


def test_the_explanation_names_the_evidence_recency_left_out() -> None:
    last_two = GradingPolicy(version=1, method="mean", recent_count=2, formative_weight=0)
    explained = policy_explanation(last_two, EVE)
    assert explained is not None
    assert [c.index for c in explained.contributions] == [2, 0]
    assert [c.attempt for c in explained.contributions] == [1, 2]
    assert explained.left_out == (1,)  # the 1 of January; the formative 3 never counted
    assert explained.estimate == 3.0
    everything = policy_explanation(GradingPolicy(version=1, method="mean"), EVE)
    assert everything is not None
    assert everything.left_out == ()


def test_the_explanation_says_how_much_more_evidence_proficiency_needs() -> None:
    three_needed = GradingPolicy(version=1, method="highest", minimum_evidence=3)
    first = policy_explanation(three_needed, EVE[:1])
    assert first is not None
    assert (first.estimate, first.more_needed) == (4.0, 2)
    assert policy_status(three_needed, first.estimate, 1, ESTIMATE_BANDS) == Status.APPROACHING
    enough = policy_explanation(three_needed, EVE)
    assert enough is not None
    assert enough.more_needed == 0
    assert policy_status(three_needed, enough.estimate, 4, ESTIMATE_BANDS) == Status.ADVANCED


def test_policy_status_of_no_estimate_is_not_started() -> None:
    policy = GradingPolicy(version=1, minimum_evidence=2)
    assert policy_status(policy, None, 0, ESTIMATE_BANDS) == Status.NOT_STARTED


def test_what_if_moves_the_recency_window_on() -> None:
    last_two = GradingPolicy(version=1, method="mean", recent_count=2, formative_weight=0)
    next_item = EvidenceItem(score=3.0, assessed_at=datetime(2025, 4, 1))
    assert policy_what_if(last_two, EVE, next_item) == 3.5  # the 4 of March and the 3
    only_the_next = GradingPolicy(version=1, method="mean", recent_count=1)
    assert policy_what_if(only_the_next, EVE, next_item) == 3.0
    practice = EvidenceItem(score=1.0, assessed_at=datetime(2025, 4, 1), kind=Kind.FORMATIVE)
    assert policy_what_if(last_two, EVE, practice) == 3.0  # weighs nothing: unchanged


def test_replay_shows_the_statuses_a_minimum_would_cap() -> None:
    two_needed = GradingPolicy(version=2, method="highest", minimum_evidence=2)
    changes = replay(SPARSE, current=HIGHEST, proposed=two_needed)
    assert changes.learner.tolist() == [CLEO]
    assert changes.level_after.tolist() == [4.0]
    assert changes.transitions() == {(Status.ADVANCED, Status.APPROACHING): 1}


def test_replay_shows_the_estimates_recency_would_move() -> None:
    last_two = GradingPolicy(version=2, method="mean", recent_count=2)
    changes = replay(SPARSE, current=GradingPolicy(version=1, method="mean"), proposed=last_two)
    assert changes.learner.tolist() == [DEV]
    assert changes.level_before.tolist() == [2.75]
    assert changes.level_after.tolist() == [4.0]
    assert changes.transitions() == {(Status.APPROACHING, Status.ADVANCED): 1}


def test_what_if_status_counts_the_next_piece_only_if_the_policy_counts_it() -> None:
    two_needed = GradingPolicy(version=1, method="latest", formative_weight=0, minimum_evidence=2)
    first = [EVE[0]]
    summative = EvidenceItem(score=4.0, assessed_at=datetime(2025, 4, 1))
    practice = EvidenceItem(score=4.0, assessed_at=datetime(2025, 4, 1), kind=Kind.FORMATIVE)
    assert policy_what_if_status(two_needed, first, summative, ESTIMATE_BANDS) == (
        4.0,
        Status.ADVANCED,
    )
    assert policy_what_if_status(two_needed, first, practice, ESTIMATE_BANDS) == (
        4.0,
        Status.APPROACHING,
    )
    nothing = policy_what_if_status(two_needed, [], practice, ESTIMATE_BANDS)
    assert nothing[1] == Status.NOT_STARTED


@given(
    items=st.lists(evidence_item, max_size=8),
    policy=policies(),
    next_item=st.builds(
        EvidenceItem,
        score=st.sampled_from([0.0, 1.0, 2.5, 4.0]),
        assessed_at=st.just(DAY.replace(month=3)),
        kind=st.sampled_from(Kind),
    ),
)
def test_what_if_is_the_explanation_with_the_next_item_added(
    items: list[EvidenceItem], policy: GradingPolicy, next_item: EvidenceItem
) -> None:
    """The what-if and its status equal the estimate and status once the next item (the
    latest, whatever the ordering date) is recorded: recency, minimum and weight included."""
    explained = policy_explanation(policy, [*items, next_item])
    level, status = policy_what_if_status(policy, items, next_item, ESTIMATE_BANDS)
    if explained is None:
        assert math.isnan(level)
        assert status == Status.NOT_STARTED
    else:
        count = len(explained.contributions)
        assert level == explained.estimate
        assert status == policy_status(policy, explained.estimate, count, ESTIMATE_BANDS)
