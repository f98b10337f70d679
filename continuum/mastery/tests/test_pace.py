"""Pace to a requirement: status, projection from the learner's own rate, remaining."""

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from continuum.mastery.pace import RANK, PaceStatus, pace

START = date(2026, 9, 1)
DUE = date(2027, 6, 1)
TARGETS = list(range(1, 11))


def test_mastering_at_the_expected_rate_is_on_pace():
    today = START + (DUE - START) / 2
    half = {t: START + timedelta(days=10 * t) for t in TARGETS[:5]}
    result = pace(mastered_on=half, targets=TARGETS, start=START, due=DUE, today=today)
    assert result.status == PaceStatus.ON_PACE
    assert result.remaining == tuple(TARGETS[5:])


def test_nothing_mastered_halfway_is_behind_with_no_projection():
    today = START + (DUE - START) / 2
    result = pace(mastered_on={}, targets=TARGETS, start=START, due=DUE, today=today)
    assert result.status == PaceStatus.BEHIND
    assert result.projected is None
    assert result.rate_per_week is None
    assert "No projection yet" in result.explanation


def test_the_projection_comes_from_the_learners_own_rate():
    today = START + timedelta(days=28)  # four weeks, two targets: half a target a week
    mastered = {1: START + timedelta(days=7), 2: START + timedelta(days=20)}
    result = pace(mastered_on=mastered, targets=TARGETS, start=START, due=DUE, today=today)
    assert result.rate_per_week == pytest.approx(0.5)
    assert result.projected == today + timedelta(days=16 * 7)


def test_needed_lets_a_share_rule_ask_for_fewer_than_all():
    mastered = {t: START for t in TARGETS[:8]}
    result = pace(
        mastered_on=mastered, targets=TARGETS, start=START, due=DUE, today=START, needed=8
    )
    assert result.status == PaceStatus.AHEAD
    assert result.remaining == (9, 10)


def test_a_share_met_with_a_target_below_the_floor_is_not_done():
    mastered = {t: START for t in TARGETS[:8]}
    past_due = DUE + timedelta(days=1)
    done = pace(
        mastered_on=mastered, targets=TARGETS, start=START, due=DUE, today=past_due, needed=8
    )
    assert (done.status, done.projected) == (PaceStatus.ON_PACE, past_due)
    blocked = pace(
        mastered_on=mastered,
        targets=TARGETS,
        start=START,
        due=DUE,
        today=past_due,
        needed=8,
        below_floor={10},
    )
    assert blocked.status == PaceStatus.BEHIND
    assert "1 below the rule's floor" in blocked.explanation
    assert blocked.projected is not None
    assert blocked.projected > past_due


def test_each_target_mastered_can_be_one_raised_above_the_floor():
    mastered = {t: START for t in TARGETS[:5]}
    result = pace(
        mastered_on=mastered,
        targets=TARGETS,
        start=START,
        due=DUE,
        today=START + timedelta(days=70),
        needed=8,
        below_floor={6, 7, 1},  # 1 is mastered, so it meets the floor already
    )
    # 3 more to master; 2 to raise, which mastering can cover: 3 left in all.
    weeks = 10
    assert result.projected == START + timedelta(days=70) + timedelta(days=-(-3 * weeks * 7 // 5))


def test_past_the_due_date_with_targets_left_is_behind():
    result = pace(
        mastered_on={1: START}, targets=TARGETS, start=START, due=DUE, today=DUE + timedelta(1)
    )
    assert result.status == PaceStatus.BEHIND


def test_bad_dates_are_refused():
    with pytest.raises(ValueError, match="due date"):
        pace(mastered_on={}, targets=TARGETS, start=DUE, due=START, today=START)


days = st.integers(0, 400)


@st.composite
def situations(draw):
    mastered = draw(st.dictionaries(st.sampled_from(TARGETS), days, max_size=10))
    today = START + timedelta(days=draw(days))
    extra = draw(st.sampled_from(TARGETS))
    extra_day = draw(days)
    return {t: START + timedelta(days=d) for t, d in mastered.items()}, today, extra, extra_day


@given(situations())
def test_more_mastered_never_makes_pace_worse(situation):
    mastered, today, extra, extra_day = situation
    before = pace(mastered_on=mastered, targets=TARGETS, start=START, due=DUE, today=today)
    more = {**mastered}
    more.setdefault(extra, min(today, START + timedelta(days=extra_day)))
    after = pace(mastered_on=more, targets=TARGETS, start=START, due=DUE, today=today)
    assert RANK[after.status] >= RANK[before.status]
    assert after.mastered >= before.mastered


@given(situations())
def test_the_projection_is_never_before_today(situation):
    mastered, today, _, _ = situation
    result = pace(mastered_on=mastered, targets=TARGETS, start=START, due=DUE, today=today)
    assert result.projected is None or result.projected >= today
    assert (result.projected is None) == (result.rate_per_week is None and result.mastered < 10)


@given(situations())
def test_remaining_is_exactly_the_targets_not_yet_mastered_by_today(situation):
    mastered, today, _, _ = situation
    result = pace(mastered_on=mastered, targets=TARGETS, start=START, due=DUE, today=today)
    done = {t for t, d in mastered.items() if d <= today}
    assert set(result.remaining) == set(TARGETS) - done
    assert result.mastered + len(result.remaining) == len(TARGETS)


@given(situations(), st.sets(st.sampled_from(TARGETS)), st.integers(0, 10))
def test_a_target_below_the_floor_never_makes_pace_better(situation, below, needed):
    mastered, today, _, _ = situation
    common = {"targets": TARGETS, "start": START, "due": DUE, "today": today, "needed": needed}
    without = pace(mastered_on=mastered, **common)
    blocked = pace(mastered_on=mastered, below_floor=below, **common)
    assert RANK[blocked.status] <= RANK[without.status]
    if blocked.projected and without.projected:
        assert blocked.projected >= without.projected
