"""Suggested groups by shared need, and the anti-tracking overlap measure."""

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from continuum.mastery.grouping import (
    Grouping,
    Need,
    pair_overlap,
    suggested_groups,
    tracking_warnings,
)
from continuum.mastery.status import Status

DAY = date(2026, 10, 1)


def _needs(*levels: float, status: Status = Status.NOT_YET, start: int = 1) -> list[Need]:
    return [Need(start + i, status, level) for i, level in enumerate(levels)]


def test_learners_who_are_proficient_are_never_suggested():
    found = suggested_groups(7, [*_needs(1, 1.5, 2), Need(9, Status.PROFICIENT, 3.2)])
    assert [g.learners for g in found.groups] == [(1, 2, 3)]
    assert found.groups[0].statuses == (Status.NOT_YET,)


def test_too_few_learners_make_no_group():
    found = suggested_groups(7, _needs(1, 2), minimum=3)
    assert found.groups == ()
    assert found.unplaced == (1, 2)


def test_a_large_need_is_split_into_groups_of_similar_level():
    needs = _needs(2.4, 1.0, 2.2, 1.2, 1.1, 2.3, 2.5)
    found = suggested_groups(7, needs, minimum=3, maximum=6)
    assert [g.learners for g in found.groups] == [(2, 5, 4, 3), (6, 1, 7)]
    assert found.groups[0].lowest == 1.0
    assert found.groups[0].highest == 2.2


def test_not_yet_comes_before_approaching():
    needs = [*_needs(2.8, 2.9, 2.7, status=Status.APPROACHING, start=10), *_needs(1, 2, 1.5)]
    found = suggested_groups(3, needs, minimum=3, maximum=3)
    assert [g.statuses for g in found.groups] == [(Status.NOT_YET,), (Status.APPROACHING,)]


def test_when_no_split_fits_the_learners_nearest_proficiency_wait():
    found = suggested_groups(7, _needs(1, 1.2, 1.4, 1.6, 1.8, 2.0, 2.2), minimum=4, maximum=6)
    assert [len(g.learners) for g in found.groups] == [6]
    assert found.unplaced == (7,)


def test_group_sizes_must_make_sense():
    with pytest.raises(ValueError, match="minimum <= maximum"):
        suggested_groups(1, [], minimum=5, maximum=3)


need_lists = st.lists(
    st.builds(
        Need,
        learner=st.integers(1, 60),
        status=st.sampled_from(
            [Status.NOT_YET, Status.APPROACHING, Status.PROFICIENT, Status.NOT_STARTED]
        ),
        level=st.one_of(st.none(), st.floats(1, 4)),
    ),
    max_size=60,
    unique_by=lambda n: n.learner,
)


@given(need_lists, st.integers(1, 5), st.integers(0, 5))
def test_every_group_is_within_the_sizes_and_every_learner_in_one_group_at_most(
    needs, minimum, extra
):
    maximum = minimum + extra
    found = suggested_groups(1, needs, minimum=minimum, maximum=maximum)
    placed = [learner for group in found.groups for learner in group.learners]
    assert len(placed) == len(set(placed))
    assert all(minimum <= len(group.learners) <= maximum for group in found.groups)
    needing = {n.learner for n in needs if n.status in {Status.NOT_YET, Status.APPROACHING}}
    assert set(placed) | set(found.unplaced) == needing
    assert not set(placed) & set(found.unplaced)


@given(need_lists, st.randoms())
def test_suggestions_do_not_depend_on_the_order_of_the_needs(needs, random):
    shuffled = list(needs)
    random.shuffle(shuffled)
    assert suggested_groups(1, needs) == suggested_groups(1, shuffled)


def _grouping(group: int, target: int, *learners: int, on: date = DAY) -> Grouping:
    return Grouping(group, target, frozenset(learners), on)


TRACKED = [
    _grouping(1, 101, 1, 2, 3, 4),
    _grouping(2, 102, 1, 2, 3),
    _grouping(3, 103, 1, 2, 3, 5),
    _grouping(4, 104, 6, 7, 8),
]


def test_pair_overlap_is_shared_groups_over_groups_of_either():
    assert pair_overlap(1, 2, TRACKED) == 1.0
    assert pair_overlap(1, 4, TRACKED) == pytest.approx(1 / 3)
    assert pair_overlap(1, 6, TRACKED) == 0.0
    assert pair_overlap(42, 43, TRACKED) == 0.0


def test_the_same_learners_together_on_three_targets_are_warned_about():
    (warning,) = tracking_warnings(TRACKED)
    assert warning.learners == (1, 2, 3)
    assert warning.targets == (101, 102, 103)
    assert warning.groups == (1, 2, 3)
    assert warning.overlap == 1.0


def test_together_on_fewer_targets_is_no_warning():
    assert tracking_warnings(TRACKED[:2]) == []


def test_groups_before_the_window_do_not_count():
    old = [_grouping(g.group, g.target, *g.learners, on=date(2026, 1, 1)) for g in TRACKED]
    assert tracking_warnings(old, since=date(2026, 9, 1)) == []


def test_a_higher_threshold_needs_more_overlap():
    looser = [*TRACKED, _grouping(5, 105, 1, 9), _grouping(6, 106, 2, 9)]
    assert tracking_warnings(looser, threshold=0.6)
    assert tracking_warnings(looser, threshold=0.9) == []


def test_settings_that_would_flag_a_learner_alone_are_refused():
    with pytest.raises(ValueError, match="at least 2 learners"):
        tracking_warnings(TRACKED, min_learners=1)
    with pytest.raises(ValueError, match="threshold"):
        tracking_warnings(TRACKED, threshold=0)


groupings = st.lists(
    st.builds(
        Grouping,
        group=st.integers(1, 40),
        target=st.integers(1, 6),
        learners=st.frozensets(st.integers(1, 12), min_size=1, max_size=6),
        formed_on=st.just(DAY),
    ),
    max_size=25,
    unique_by=lambda g: g.group,
)


@given(groupings, st.integers(1, 12), st.integers(1, 12))
def test_pair_overlap_is_symmetric_and_between_zero_and_one(found, a, b):
    overlap = pair_overlap(a, b, found)
    assert overlap == pair_overlap(b, a, found)
    assert 0.0 <= overlap <= 1.0


@given(groupings, st.integers(1, 12))
def test_a_learner_who_was_in_any_group_overlaps_fully_with_themself(found, a):
    in_any = any(a in g.learners for g in found)
    assert pair_overlap(a, a, found) == (1.0 if in_any else 0.0)


@given(groupings, st.randoms(), st.floats(0.1, 1.0))
def test_warnings_do_not_depend_on_the_order_of_the_groups(found, random, threshold):
    shuffled = list(found)
    random.shuffle(shuffled)
    assert tracking_warnings(found, threshold=threshold) == tracking_warnings(
        shuffled, threshold=threshold
    )


@given(groupings, st.floats(0.1, 1.0))
def test_every_warning_names_three_or_more_learners_who_overlap_enough(found, threshold):
    for warning in tracking_warnings(found, threshold=threshold):
        assert len(warning.learners) >= 3
        assert len(warning.targets) >= 3
        assert warning.overlap >= threshold
        for a in warning.learners:
            for b in warning.learners:
                assert pair_overlap(a, b, found) >= threshold


@given(groupings)
def test_a_learner_alone_is_never_flagged(found):
    alone = [Grouping(g.group, g.target, frozenset({1}), g.formed_on) for g in found]
    assert tracking_warnings(alone, threshold=0.1) == []
