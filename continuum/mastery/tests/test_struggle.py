"""Targets where many struggle: who is included, in what order, and the reason."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from continuum.mastery.struggle import Tally, median_of_histogram, struggling_targets


def test_the_reason_says_how_many_and_how_often_they_tried():
    (found,) = struggling_targets([Tally(7, 24, 14, 5, {2: 5, 3: 9, 4: 5})])
    assert found.reason == "14 of 24 learners not yet; 5 more approaching; median 3 attempts"


def test_targets_are_ranked_by_the_share_not_yet_then_approaching():
    tallies = [
        Tally(1, 20, 5, 10),
        Tally(2, 10, 6, 0),
        Tally(3, 20, 5, 2),
    ]
    assert [s.target for s in struggling_targets(tallies)] == [2, 1, 3]


def test_few_struggling_learners_are_not_many():
    tallies = [Tally(1, 30, 1, 1), Tally(2, 30, 3, 2), Tally(3, 0, 0, 0), Tally(4, 5, 0, 5)]
    assert [s.target for s in struggling_targets(tallies, minimum_share=0.1)] == [2]


def test_the_limit_keeps_the_top_of_the_ranking():
    tallies = [Tally(t, 10, t, 0) for t in range(1, 8)]
    assert [s.target for s in struggling_targets(tallies, limit=3)] == [7, 6, 5]


def test_the_median_of_a_histogram():
    assert median_of_histogram({}) is None
    assert median_of_histogram({1: 1, 5: 1}) == 3
    assert median_of_histogram({2: 3, 9: 1}) == 2
    assert median_of_histogram({4: 0}) is None


def test_a_share_outside_zero_to_one_is_refused():
    with pytest.raises(ValueError, match="minimum_share"):
        struggling_targets([], minimum_share=2)


tallies = st.lists(
    st.builds(
        lambda target, n, ny, ap: Tally(target, n, min(ny, n), min(ap, n - min(ny, n))),
        st.integers(1, 50),
        st.integers(0, 40),
        st.integers(0, 40),
        st.integers(0, 40),
    ),
    unique_by=lambda t: t.target,
    max_size=30,
)


@given(tallies, st.randoms())
def test_the_ranking_does_not_depend_on_the_order_of_the_tallies(found, random):
    shuffled = list(found)
    random.shuffle(shuffled)
    assert struggling_targets(found, limit=None) == struggling_targets(shuffled, limit=None)


@given(tallies)
def test_every_struggle_has_a_not_yet_and_the_shares_fall(found):
    ranked = struggling_targets(found, limit=None)
    assert all(s.not_yet >= 1 for s in ranked)
    shares = [s.not_yet_share for s in ranked]
    assert shares == sorted(shares, reverse=True)


@given(st.dictionaries(st.integers(0, 30), st.integers(0, 10)))
def test_the_median_lies_between_the_smallest_and_largest_value(histogram):
    median = median_of_histogram(histogram)
    present = [value for value, count in histogram.items() if count > 0]
    if not present:
        assert median is None
    else:
        assert min(present) <= median <= max(present)
