"""How a learner's pace is said on the pages and in flags: whole counts that never exceed
what is needed, a rate in words instead of "0.56 targets a week", and no date for a
projection far past the learner's expected graduation.

Why these words: a rule that needs a share of the targets ("80 % proficient") needs, say,
20 of 25; a learner who has mastered 21 has met it, and "21 of 20 mastered" reads as an
error. A straight-line projection at a slow early rate lands in 2032, a date nobody can
act on; past the learner's expected graduation plus a year it is said as "not on track to
finish by <graduation> at this pace". Pure: no database, no clock.
"""

from dataclasses import dataclass
from datetime import date, timedelta

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from continuum.lib import dates

WEEKS_A_MONTH = 52 / 12
GRACE = timedelta(days=365)
"""How far past the expected graduation a projection is still shown as a date."""


def day_in_words(day: date) -> str:
    return dates.day(day)


def rate_in_words(rate_per_week: float | None) -> str:
    """A rate of mastery as people say it: "about 2 targets a week", "about one target
    every 3 weeks", "about one target every 4 months", "less than one target a year"."""
    if rate_per_week is None or rate_per_week <= 0:
        return _("no target mastered yet")
    if rate_per_week >= 1.5:
        count = round(rate_per_week)
        return ngettext(
            "about %(count)d target a week", "about %(count)d targets a week", count
        ) % {"count": count}
    if rate_per_week >= 0.75:
        return _("about one target a week")
    weeks = round(1 / rate_per_week)
    if weeks <= 8:
        return ngettext(
            "about one target every %(count)d week", "about one target every %(count)d weeks", weeks
        ) % {"count": weeks}
    months = round(1 / rate_per_week / WEEKS_A_MONTH)
    if months <= 12:
        return ngettext(
            "about one target every %(count)d month",
            "about one target every %(count)d months",
            months,
        ) % {"count": months}
    return _("less than one target a year")


@dataclass(frozen=True)
class PaceWords:
    """One stored pace, ready to say. ``finish_by`` is the learner's expected graduation
    (the latest due date of the graduation requirements that apply to them), else the
    requirement's own due date."""

    status: str
    mastered: int
    needed: int
    remaining: int
    rate_per_week: float | None
    projected_on: date | None
    due_on: date
    finish_by: date

    @property
    def total(self) -> int:
        return self.mastered + self.remaining

    @property
    def mastered_needed(self) -> int:
        """The mastered targets that count towards what is needed: never more than it."""
        return min(self.mastered, self.needed)

    @property
    def count(self) -> str:
        """ "3 of the 4 targets needed mastered", with the whole when more are mastered
        than needed, or fewer are needed than the requirement has."""
        words = ngettext(
            "%(mastered)d of the %(needed)d target needed mastered",
            "%(mastered)d of the %(needed)d targets needed mastered",
            self.needed,
        ) % {"mastered": self.mastered_needed, "needed": self.needed}
        if self.needed < self.total:
            words += " " + _("(%(mastered)d of all %(total)d)") % {
                "mastered": self.mastered,
                "total": self.total,
            }
        return words

    @property
    def rate(self) -> str:
        return rate_in_words(self.rate_per_week)

    @property
    def out_of_reach(self) -> bool:
        """The projection lies more than a year past the expected graduation."""
        return self.projected_on is not None and self.projected_on > self.finish_by + GRACE

    @property
    def projection(self) -> str:
        if self.projected_on is None:
            return _("no projection yet (no target mastered, so no rate of mastery)")
        if self.out_of_reach:
            return _("not on track to finish by %(day)s at this pace") % {
                "day": day_in_words(self.finish_by)
            }
        return day_in_words(self.projected_on)

    def sentence(self) -> str:
        """The whole pace in one line (a behind-pace flag's explanation)."""
        return _("%(count)s; rate: %(rate)s; projected completion: %(projection)s.") % {
            "count": self.count,
            "rate": self.rate,
            "projection": self.projection,
        }
