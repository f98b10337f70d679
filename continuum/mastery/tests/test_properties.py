"""Invariants every method keeps, checked on generated evidence with Hypothesis."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from continuum.mastery import (
    ESTIMATE_BANDS,
    METHODS,
    EvidenceColumns,
    EvidenceItem,
    GradingPolicy,
    Status,
    estimate_batch,
    estimate_one,
    group,
    method_parameters,
    policy_estimates,
    policy_explanation,
    policy_status,
    status_of,
)
from continuum.mastery.tests.strategies import (
    TOP,
    district_items,
    districts,
    parameters,
    policies,
    recent_counts,
    scores,
)

ALL = sorted(METHODS)
AVERAGING = sorted(name for name, method in METHODS.items() if method.averaging)
ORDER_INVARIANT = sorted(name for name, method in METHODS.items() if method.order_invariant)


@pytest.mark.parametrize("method", ALL)
@given(data=st.data())
def test_batch_and_one_group_forms_agree_exactly(method: str, data: st.DataObject) -> None:
    evidence, group_scores, group_weights = data.draw(districts())
    params = data.draw(parameters(method))
    recent = data.draw(recent_counts)
    segments = group(evidence, recent_count=recent)
    batch = estimate_batch(method, segments, params).tolist()
    first = -recent if recent else 0
    one = [
        estimate_one(method, s[first:], w[first:], params)
        for s, w in zip(group_scores, group_weights, strict=True)
    ]
    assert batch == one
    assert segments.lengths.tolist() == [len(s[first:]) for s in group_scores]


@given(policy=policies(), district=district_items())
def test_a_policy_gives_the_same_estimates_in_batch_and_one_at_a_time(
    policy: GradingPolicy,
    district: tuple[EvidenceColumns, dict[tuple[int, int], list[EvidenceItem]]],
) -> None:
    """Level, status and count of every learner-target agree exactly between
    `policy_estimates` and `policy_explanation` + `policy_status`, whatever the method,
    order, formative weight, minimum evidence and recency window."""
    evidence, items_by_pair = district
    estimates = policy_estimates(policy, evidence)
    batch = {
        (learner, target): (level, status, count)
        for learner, target, level, status, count in zip(
            estimates.learner.tolist(),
            estimates.item.tolist(),
            estimates.level.tolist(),
            estimates.status.tolist(),
            estimates.count.tolist(),
            strict=True,
        )
    }
    one_at_a_time = {}
    for pair, items in items_by_pair.items():
        explained = policy_explanation(policy, items)
        if explained is not None:
            count = len(explained.contributions)
            status = policy_status(policy, explained.estimate, count, ESTIMATE_BANDS)
            one_at_a_time[pair] = (explained.estimate, status, count)
    assert batch == one_at_a_time


@pytest.mark.parametrize("method", AVERAGING)
@given(data=st.data())
def test_averaging_methods_stay_within_the_scores(method: str, data: st.DataObject) -> None:
    values = data.draw(scores)
    estimate = estimate_one(method, values, None, data.draw(parameters(method)))
    assert min(values) - 1e-12 <= estimate <= max(values) + 1e-12


@pytest.mark.parametrize("method", ORDER_INVARIANT)
@given(values=scores, data=st.data())
def test_order_invariant_methods_ignore_the_order(
    method: str, values: list[float], data: st.DataObject
) -> None:
    shuffled = data.draw(st.permutations(values))
    assert estimate_one(method, shuffled) == pytest.approx(estimate_one(method, values))


@pytest.mark.parametrize("method", ["median_of_last", "mode_of_last"])
@given(values=scores, data=st.data())
def test_recent_methods_ignore_the_order_within_their_window(
    method: str, values: list[float], data: st.DataObject
) -> None:
    params = data.draw(parameters(method))
    last = int(params["last"])
    older, window = values[:-last], values[-last:]
    reordered = older + data.draw(st.permutations(window))
    assert estimate_one(method, reordered, None, params) == estimate_one(
        method, values, None, params
    )


@pytest.mark.parametrize("method", ALL)
@given(values=scores, data=st.data())
def test_later_evidence_can_raise_a_not_yet(
    method: str, values: list[float], data: st.DataObject
) -> None:
    """A later top score never lowers the estimate, for the methods and parameters that
    promise it (`Method.raises_not_yet`)."""
    params = data.draw(parameters(method))
    if METHODS[method].raises_not_yet(method_parameters(method, params)):
        after = estimate_one(method, [*values, TOP], None, params)
        assert after >= estimate_one(method, values, None, params)


@pytest.mark.parametrize("method", ALL)
@given(values=scores)
def test_a_run_of_top_scores_lifts_any_history_to_proficient(
    method: str, values: list[float]
) -> None:
    lifted = estimate_one(method, [*values, *[TOP] * (4 * len(values) + 10)])
    assert status_of(lifted, ESTIMATE_BANDS) >= Status.PROFICIENT
