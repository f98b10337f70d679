"""Per-group sums over grouped evidence add the same numbers in the same order as one group."""

from __future__ import annotations

import math

import numpy as np
from hypothesis import given
from hypothesis import strategies as st

from continuum.mastery import evidence_columns, group
from continuum.mastery.segments import sum_in_order

finite = st.floats(-1e6, 1e6, allow_nan=False, allow_infinity=False)


@given(groups=st.lists(st.lists(finite, min_size=1, max_size=40), min_size=1, max_size=6))
def test_batch_sums_are_left_to_right_sums_bit_for_bit(groups: list[list[float]]) -> None:
    # Groups longer than 8 would expose a pairwise or unrolled sum.
    values = [value for scores in groups for value in scores]
    learner = [g for g, scores in enumerate(groups) for _ in scores]
    day = [d for scores in groups for d in range(len(scores))]
    evidence = evidence_columns(
        learner=learner,
        target=[0] * len(values),
        score=values,
        assessed_at=np.array(day, "M8[D]"),
    )
    segments = group(evidence)
    sums = segments.sums(segments.scores).tolist()
    expected = [sum_in_order(scores) for scores in groups]
    assert [math.copysign(1, s) for s in sums] == [math.copysign(1, s) for s in expected]
    assert sums == expected


def test_a_group_of_negative_zeros_sums_to_negative_zero() -> None:
    evidence = evidence_columns(
        learner=[1, 1, 2, 2],
        target=[0, 0, 0, 0],
        score=[-0.0, -0.0, -0.0, 0.0],
        assessed_at=np.array([1, 2, 1, 2], "M8[D]"),
    )
    segments = group(evidence)
    sums = segments.sums(segments.scores).tolist()
    assert [math.copysign(1, s) for s in sums] == [-1.0, 1.0]
