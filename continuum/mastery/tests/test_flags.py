"""Early-warning flags: learning signals in, explained flags out, and nothing else in."""

import ast
import dataclasses
import inspect
import re
from datetime import date, timedelta
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from continuum.mastery import flags
from continuum.mastery.flags import (
    FlagKind,
    LearnerSignals,
    Observation,
    PaceSignal,
    Thresholds,
    learner_flags,
    school_days_between,
)

MONDAY = date(2026, 9, 7)
DEMOGRAPHIC = re.compile(
    r"race|ethnic|gender|sex|income|disab|\bell\b|^ell|iep|frl|lunch|demograph|religion|"
    r"nationality|language|birth|age$|zip|address",
    re.IGNORECASE,
)


def _kinds(raised):
    return [(flag.kind, flag.target) for flag in raised]


def test_school_days_count_weekdays_only():
    friday = MONDAY + timedelta(days=4)
    assert school_days_between(friday, friday + timedelta(days=3)) == 1  # Mon
    assert school_days_between(MONDAY, MONDAY + timedelta(days=14)) == 10
    assert school_days_between(MONDAY, MONDAY) == 0


def test_a_learner_with_no_recent_evidence_on_active_targets_is_stalled():
    signals = LearnerSignals(learner=1, observations={7: [Observation(MONDAY, True)]})
    assert learner_flags(signals, today=MONDAY + timedelta(days=13)) == []
    raised = learner_flags(signals, today=MONDAY + timedelta(days=14))
    assert _kinds(raised) == [(FlagKind.STALLED, None)]
    assert "10 school days" in raised[0].explanation


def test_proficient_targets_are_not_active_so_never_stall():
    signals = LearnerSignals(
        learner=1, observations={7: [Observation(MONDAY, False)]}, proficient=frozenset({7})
    )
    assert learner_flags(signals, today=MONDAY + timedelta(days=60)) == []


def test_repeated_not_yet_counts_only_the_latest_run():
    seen = [Observation(MONDAY + timedelta(days=i), i != 1) for i in range(5)]
    signals = LearnerSignals(learner=1, observations={7: seen}, labels={7: "6.RP.1"})
    assert learner_flags(signals, today=MONDAY + timedelta(days=5)) == []
    seen.append(Observation(MONDAY + timedelta(days=5), True))
    signals = LearnerSignals(learner=1, observations={7: seen}, labels={7: "6.RP.1"})
    raised = learner_flags(signals, today=MONDAY + timedelta(days=5))
    assert _kinds(raised) == [(FlagKind.REPEATED_NOT_YET, 7)]
    assert "last 4 pieces of evidence on 6.RP.1" in raised[0].explanation


def test_a_request_left_waiting_too_long_is_flagged():
    signals = LearnerSignals(learner=1, requests={7: MONDAY})
    assert learner_flags(signals, today=MONDAY + timedelta(days=7)) == []
    raised = learner_flags(signals, today=MONDAY + timedelta(days=8))
    assert _kinds(raised) == [(FlagKind.WAITING, 7)]


def test_behind_pace_is_flagged_with_the_pace_explanation():
    signals = LearnerSignals(
        learner=1,
        pace=[PaceSignal("Credit", True, "Behind: 1 of 5"), PaceSignal("Other", False, "")],
    )
    raised = learner_flags(signals, today=MONDAY)
    assert _kinds(raised) == [(FlagKind.BEHIND_PACE, None)]
    assert raised[0].explanation == "Behind: 1 of 5"


def test_thresholds_must_be_positive():
    with pytest.raises(ValueError, match="at least 1"):
        Thresholds(waiting_days=0)


@given(
    st.lists(st.tuples(st.integers(0, 60), st.booleans()), min_size=1, max_size=12),
    st.integers(0, 90),
)
def test_every_flag_explains_itself_and_names_its_learner(seen, later):
    observations = {5: [Observation(MONDAY + timedelta(days=d), n) for d, n in seen]}
    signals = LearnerSignals(learner=3, observations=observations, requests={5: MONDAY})
    for flag in learner_flags(signals, today=MONDAY + timedelta(days=60 + later)):
        assert flag.learner == 3
        assert flag.explanation.endswith(".")


def _input_fields():
    for name in ("learner_flags",):
        yield from inspect.signature(getattr(flags, name)).parameters
    for cls in (LearnerSignals, Observation, PaceSignal, Thresholds):
        yield from (f.name for f in dataclasses.fields(cls))


def test_no_demographic_field_is_an_input():
    named = [name for name in _input_fields() if DEMOGRAPHIC.search(name)]
    assert named == [], f"demographic-looking inputs to the flags: {named}"


def test_the_flags_module_imports_nothing_about_people():
    tree = ast.parse(Path(flags.__file__).read_text())
    imported = [
        node.module or "" for node in ast.walk(tree) if isinstance(node, ast.ImportFrom)
    ] + [
        alias.name
        for node in ast.walk(tree)
        if isinstance(node, ast.Import)
        for alias in node.names
    ]
    assert not [m for m in imported if m.startswith(("continuum.people", "django"))]
