"""Pace to each requirement as the learner's dashboard says it: in words and whole
numbers, in the second person to the learner and the third to anyone else.

The supports computation stores the numbers (``LearnerPace``); its explanation is written
for counselors ("8.9 expected by today… at their own rate of 0.56 targets a week"). Here
the same numbers become "You are 2 targets ahead of your pace", two progress bars (targets
mastered of those needed; time gone of the time to the due date) and the exact targets
left.
"""

from dataclasses import dataclass
from datetime import date

from django.utils.text import capfirst
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from continuum.frameworks.models import FrameworkItem
from continuum.lib.dates import day
from continuum.mastery.pace import expected_count, time_gone
from continuum.supports.models import LearnerPace


@dataclass(frozen=True)
class PaceLine:
    pace: LearnerPace
    headline: str  # ahead / on pace / behind, in whole targets
    finish: str  # when they will finish at their pace, or why there is no date yet
    left: str  # introduces ``remaining``: "The 3 targets left:" or "3 more, from these 5:"
    remaining: list[FrameworkItem]
    time_gone: int  # days since the start, for the time bar
    time_total: int  # days from the start to the due date

    @property
    def mastered(self) -> int:
        return self.pace.words.mastered_needed

    @property
    def needed(self) -> int:
        return self.pace.needed

    @property
    def due(self) -> str:
        return day(self.pace.requirement.due_on)


def _expected(pace: LearnerPace, today: date) -> float:
    requirement = pace.requirement
    return expected_count(
        pace.needed, start=requirement.starts_on, due=requirement.due_on, today=today
    )


def _headline(pace: LearnerPace, today: date, *, you: bool, name: str) -> str:
    to_go = max(pace.needed - pace.mastered, 0)
    if to_go == 0:
        return (
            _("You have mastered every target you need.")
            if you
            else _("%(name)s has mastered every target needed.") % {"name": name}
        )
    gap = round(pace.mastered - _expected(pace, today))
    if pace.status == "ahead":
        n = max(gap, 1)
        if you:
            return ngettext(
                "You are %(n)d target ahead of your pace.",
                "You are %(n)d targets ahead of your pace.",
                n,
            ) % {"n": n}
        return ngettext(
            "%(name)s: %(n)d target ahead of pace.", "%(name)s: %(n)d targets ahead of pace.", n
        ) % {"n": n, "name": name}
    if pace.status == "behind":
        n = max(-gap, 1)
        if you:
            return ngettext(
                "You are %(n)d target behind your pace.",
                "You are %(n)d targets behind your pace.",
                n,
            ) % {"n": n}
        return ngettext(
            "%(name)s: %(n)d target behind pace.", "%(name)s: %(n)d targets behind pace.", n
        ) % {"n": n, "name": name}
    return _("You are on pace.") if you else _("%(name)s: on pace.") % {"name": name}


def _finish(pace: LearnerPace, *, you: bool) -> str:
    if pace.mastered >= pace.needed:
        return ""
    if pace.projected_on is None:
        if you:
            return _("Master a first target and a finishing date will appear here.")
        return _("No finishing date yet: no target mastered so far.")
    words = pace.words
    if words.out_of_reach:  # a year like 2032 reads as a prediction; it says "too slow"
        if you:
            return _(
                "At this pace you would not finish by %(date)s. Ask your educators for a plan."
            ) % {"date": day(words.finish_by)}
        return capfirst(words.projection) + "."
    values = {"date": day(pace.projected_on), "due": day(pace.requirement.due_on)}
    if you:
        return _("At your pace you will finish by %(date)s (due %(due)s).") % values
    return _("At this pace, the finish will be by %(date)s (due %(due)s).") % values


def _left(to_go: int, remaining: int) -> str:
    if to_go == 0 or remaining == 0:
        return ""
    if to_go >= remaining:
        return ngettext("The %(n)d target left:", "The %(n)d targets left:", remaining) % {
            "n": remaining
        }
    return ngettext(
        "%(n)d more, chosen from these %(of)d:", "%(n)d more, chosen from these %(of)d:", to_go
    ) % {"n": to_go, "of": remaining}


def pace_lines(paces: list[LearnerPace], *, today: date, you: bool, name: str) -> list[PaceLine]:
    """The dashboard's pace, one line per requirement, due soonest first."""
    lines = []
    for pace in paces:
        remaining = list(pace.remaining.all())
        to_go = max(pace.needed - pace.mastered, 0)
        gone, total = time_gone(
            start=pace.requirement.starts_on, due=pace.requirement.due_on, today=today
        )
        lines.append(
            PaceLine(
                pace=pace,
                headline=_headline(pace, today, you=you, name=name),
                finish=_finish(pace, you=you),
                left=_left(to_go, len(remaining)),
                remaining=remaining if to_go else [],
                time_gone=gone,
                time_total=total,
            )
        )
    return lines
