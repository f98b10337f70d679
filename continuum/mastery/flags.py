"""Early-warning flags from learning signals only.

The inputs are evidence dates and whether each piece was below the proficiency cut,
reassessment request dates, and pace results: nothing about who the learner is. No
demographic attribute can reach this module (a test inspects every input field, and
checks that nothing here imports the people app).

Four kinds of flag, each with a sentence that explains it:

- stalled: no new evidence on any active target (one with evidence, not yet proficient)
  for ``stalled_school_days`` school days (weekdays; holidays are not known here);
- repeated not yet: the last ``repeated_not_yet`` pieces of evidence on one target were
  all below the proficiency cut;
- behind pace: a requirement's pace is behind (see ``continuum.mastery.pace``);
- waiting: a reassessment request has waited more than ``waiting_days`` calendar days.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from enum import StrEnum


class FlagKind(StrEnum):
    STALLED = "stalled"
    REPEATED_NOT_YET = "repeated_not_yet"
    BEHIND_PACE = "behind_pace"
    WAITING = "waiting"


@dataclass(frozen=True)
class Thresholds:
    stalled_school_days: int = 10
    repeated_not_yet: int = 4
    waiting_days: int = 7

    def __post_init__(self) -> None:
        if min(self.stalled_school_days, self.repeated_not_yet, self.waiting_days) < 1:
            raise ValueError("every threshold must be at least 1")


@dataclass(frozen=True)
class Observation:
    """One piece of scored evidence: the day it was assessed, and whether it was below
    the proficiency cut ("not yet")."""

    on: date
    not_yet: bool


@dataclass(frozen=True)
class PaceSignal:
    """A pace result for one requirement, as computed by ``continuum.mastery.pace``."""

    requirement: str
    behind: bool
    explanation: str


@dataclass(frozen=True)
class LearnerSignals:
    """Everything the flags of one learner are computed from.

    ``observations`` maps a target to its evidence in any order; ``proficient`` is the set
    of targets whose estimate is at least proficient (they are not active);
    ``requests`` maps a target to the day its open reassessment request was made;
    ``labels`` names targets for the explanations (a code such as "6.RP.1").
    """

    learner: int
    observations: Mapping[int, Sequence[Observation]] = field(default_factory=dict)
    proficient: frozenset[int] = frozenset()
    requests: Mapping[int, date] = field(default_factory=dict)
    pace: Sequence[PaceSignal] = ()
    labels: Mapping[int, str] = field(default_factory=dict)


@dataclass(frozen=True)
class RaisedFlag:
    kind: FlagKind
    learner: int
    target: int | None
    explanation: str


def school_days_between(start: date, end: date) -> int:
    """Weekdays after ``start`` up to and including ``end`` (0 when end <= start)."""
    if end <= start:
        return 0
    days = (end - start).days
    weeks, extra = divmod(days, 7)
    count = weeks * 5
    for offset in range(1, extra + 1):
        if (start + timedelta(days=offset)).weekday() < 5:
            count += 1
    return count


def learner_flags(
    signals: LearnerSignals, *, today: date, thresholds: Thresholds = Thresholds()
) -> list[RaisedFlag]:
    """The flags one learner's signals raise today, in a stable order."""
    raised: list[RaisedFlag] = []
    stalled = _stalled(signals, today, thresholds)
    if stalled is not None:
        raised.append(stalled)
    raised += _repeated(signals, thresholds)
    raised += [
        RaisedFlag(FlagKind.BEHIND_PACE, signals.learner, None, signal.explanation)
        for signal in signals.pace
        if signal.behind
    ]
    raised += _waiting(signals, today, thresholds)
    return raised


def _label(signals: LearnerSignals, target: int) -> str:
    return signals.labels.get(target, f"target {target}")


def _active(signals: LearnerSignals) -> list[int]:
    return sorted(
        t for t, seen in signals.observations.items() if seen and t not in signals.proficient
    )


def _stalled(signals: LearnerSignals, today: date, thresholds: Thresholds) -> RaisedFlag | None:
    active = _active(signals)
    if not active:
        return None
    latest = max(o.on for t in active for o in signals.observations[t])
    idle = school_days_between(latest, today)
    if idle < thresholds.stalled_school_days:
        return None
    return RaisedFlag(
        FlagKind.STALLED,
        signals.learner,
        None,
        f"No new evidence on {_active_phrase(len(active))} for {idle} school days "
        f"(since {latest.isoformat()}; the threshold is {thresholds.stalled_school_days}).",
    )


def _active_phrase(count: int) -> str:
    return "its one active target" if count == 1 else f"any of {count} active targets"


def _repeated(signals: LearnerSignals, thresholds: Thresholds) -> list[RaisedFlag]:
    raised = []
    for target in _active(signals):
        ordered = sorted(signals.observations[target], key=lambda o: o.on)
        run = 0
        for observation in reversed(ordered):
            if not observation.not_yet:
                break
            run += 1
        if run >= thresholds.repeated_not_yet:
            raised.append(
                RaisedFlag(
                    FlagKind.REPEATED_NOT_YET,
                    signals.learner,
                    target,
                    f"The last {run} pieces of evidence on {_label(signals, target)} were all "
                    f"below proficient (the threshold is {thresholds.repeated_not_yet} in a row).",
                )
            )
    return raised


def _waiting(signals: LearnerSignals, today: date, thresholds: Thresholds) -> list[RaisedFlag]:
    raised = []
    for target, asked in sorted(signals.requests.items()):
        waited = (today - asked).days
        if waited > thresholds.waiting_days:
            raised.append(
                RaisedFlag(
                    FlagKind.WAITING,
                    signals.learner,
                    target,
                    f"A reassessment request on {_label(signals, target)} has waited {waited} "
                    f"days (asked on {asked.isoformat()}; the threshold is "
                    f"{thresholds.waiting_days} days).",
                )
            )
    return raised
