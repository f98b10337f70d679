"""Pace to a requirement: ahead, on pace or behind, and a projected completion date.

Method (documented in docs/decisions/0008-learning-signals-only.md and the supports
user guide):

- ``needed`` targets must be mastered (first reach proficient) between ``start`` and
  ``due``. The expected count today grows in a straight line from 0 at ``start`` to
  ``needed`` at ``due``.
- The learner is *behind* when they have mastered fewer than the expected count minus a
  tolerance (10 % of ``needed``, at least half a target), *ahead* when more than the
  expected count plus that tolerance, and *on pace* otherwise. Someone who has mastered
  all they need is ahead until the due date and on pace after it. Past the due date with
  targets still to master, they are behind.
- Their own rate of mastery is the number of targets mastered divided by the weeks of
  their active period: from the earlier of ``start`` and their first mastery, to today
  (at least one week). The projected completion date is today plus the remaining count
  divided by that rate. With no mastery yet there is no rate, and so no projection.
- A rule with a floor (share_proficient: "80 % proficient and none below 2") is not met
  while any target is below the floor, however many are mastered: ``below_floor`` names
  those targets. The work left is then the larger of the targets still to master and the
  targets still to raise (each mastered target can be one raised), so a learner whose
  share is met but who has a target below the floor is not done, and is behind once the
  due date passes.
"""

from __future__ import annotations

import math
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum


class PaceStatus(StrEnum):
    AHEAD = "ahead"
    ON_PACE = "on pace"
    BEHIND = "behind"


RANK = {PaceStatus.BEHIND: 0, PaceStatus.ON_PACE: 1, PaceStatus.AHEAD: 2}
"""Better pace ranks higher (used to sort by need, and by the property tests)."""


@dataclass(frozen=True)
class RequirementPace:
    status: PaceStatus
    mastered: int
    needed: int
    expected: float
    remaining: tuple[int, ...]
    rate_per_week: float | None
    projected: date | None
    explanation: str


def pace(
    *,
    mastered_on: Mapping[int, date],
    targets: Sequence[int],
    start: date,
    due: date,
    today: date,
    needed: int | None = None,
    below_floor: Collection[int] = (),
) -> RequirementPace:
    """Pace of one learner on one requirement. ``mastered_on`` maps a target to the day it
    first reached proficient (entries after ``today`` or outside ``targets`` are ignored);
    ``needed`` defaults to every target; ``below_floor`` are the requirement's targets now
    below the rule's floor (ignored when mastered, as they then meet it)."""
    if due <= start:
        raise ValueError("the due date must come after the start date")
    wanted = list(dict.fromkeys(targets))
    need = len(wanted) if needed is None else needed
    if not 0 <= need <= len(wanted):
        raise ValueError("needed must be between 0 and the number of targets")
    wanted_set = set(wanted)
    done = {t: d for t, d in mastered_on.items() if t in wanted_set and d <= today}
    mastered = len(done)
    remaining = tuple(t for t in wanted if t not in done)
    to_raise = len({t for t in below_floor if t in wanted_set and t not in done})
    to_go = max(need - mastered, to_raise)
    expected = expected_count(need, start=start, due=due, today=today)
    tolerance = max(0.1 * need, 0.5)
    if to_go == 0:
        status = PaceStatus.AHEAD if today < due else PaceStatus.ON_PACE
    elif today >= due or mastered < expected - tolerance:
        status = PaceStatus.BEHIND
    elif mastered > expected + tolerance:
        status = PaceStatus.AHEAD
    else:
        status = PaceStatus.ON_PACE
    rate = _rate(done, start, today)
    projected = None
    if to_go == 0:
        projected = today
    elif rate is not None:
        projected = today + timedelta(days=math.ceil(to_go / rate * 7))
    return RequirementPace(
        status=status,
        mastered=mastered,
        needed=need,
        expected=expected,
        remaining=remaining,
        rate_per_week=rate,
        projected=projected,
        explanation=_explain(
            status, mastered, need, expected, rate, projected, due, to_go, to_raise
        ),
    )


def time_gone(*, start: date, due: date, today: date) -> tuple[int, int]:
    """(days gone, days from start to due), the days gone held within the span."""
    span = (due - start).days
    return min(max((today - start).days, 0), span), span


def expected_count(need: int, *, start: date, due: date, today: date) -> float:
    """How many targets a learner on a straight line from 0 at start to ``need`` at due
    has mastered by today."""
    gone, span = time_gone(start=start, due=due, today=today)
    return need * gone / span


def _rate(done: Mapping[int, date], start: date, today: date) -> float | None:
    if not done:
        return None
    began = min(start, *done.values())
    weeks = max((today - began).days / 7, 1.0)
    return len(done) / weeks


def _explain(
    status: PaceStatus,
    mastered: int,
    need: int,
    expected: float,
    rate: float | None,
    projected: date | None,
    due: date,
    to_go: int,
    to_raise: int,
) -> str:
    head = f"{status.value.capitalize()}: {mastered} of {need} targets mastered"
    if to_go == 0:
        return f"{head}; the requirement's targets are all mastered."
    if to_raise:
        head += f", {to_raise} below the rule's floor"
    line = f"{head}, {expected:.1f} expected by today for the due date {due.isoformat()}."
    if rate is None or projected is None:
        return f"{line} No projection yet: no target mastered, so no rate of mastery."
    return (
        f"{line} At their own rate of {rate:.2f} targets a week, the remaining {to_go} would be "
        f"mastered by {projected.isoformat()}."
    )
