"""A learner's pace drawn: the expected line to each requirement's due date against the
targets they have actually mastered over time.

The expected line is the pace method's own (``mastery.pace.expected_count``: 0 at the
start, every target needed at the due date), and the mastered count is read from the same
days the pace computation uses (``school_signals``' first day at the cut), so the chart
never disagrees with the words beside it. The geometry is ``lib.charts``'s; the template
draws it and lists the same numbers in a table.

It lives with the services because it reads through ``services.signals`` (a selector may
not import a service); it writes nothing.
"""

from dataclasses import dataclass
from datetime import date

from django.template.defaultfilters import floatformat
from django.utils.translation import gettext as _

from continuum.lib.charts import Axes, Column, Frame, Key, Table, TableRow, Tick, polyline, steps
from continuum.lib.dates import day
from continuum.mastery.pace import expected_count
from continuum.people.models import User
from continuum.supports.models import LearnerPace
from continuum.supports.selectors import learner_paces
from continuum.supports.services.signals import requirement_targets, school_signals

FRAME = Frame(width=320, height=200, left=28, right=12, top=12, bottom=30)


@dataclass(frozen=True)
class PaceRow:
    """A day of the table: targets mastered by then (none for a day still to come) and the
    expected count on that day."""

    day: date
    mastered: int | None
    expected: float
    what: str  # "mastered", "today" or "due"


@dataclass(frozen=True)
class PaceChart:
    pace: LearnerPace
    frame: Frame
    expected_line: str
    actual_line: str
    today_x: float
    value_ticks: tuple[Tick, ...]
    day_ticks: tuple[Tick, ...]
    rows: tuple[PaceRow, ...]

    @property
    def chart_id(self) -> str:
        return f"pace-chart-{self.pace.requirement_id}"

    @property
    def title(self) -> str:
        return _("Expected and actual pace: %(title)s") % {"title": self.pace.requirement.title}

    @property
    def keys(self) -> tuple[Key, ...]:
        return (
            Key("line-expected", "line", _("expected")),
            Key("line-actual", "line", _("mastered")),
            Key("today", "line", _("today")),
        )

    @property
    def table(self) -> Table:
        when = {"today": f" ({_('today')})", "due": f" ({_('due')})", "mastered": ""}
        return Table(
            self.title,
            (
                Column(_("Date"), numeric=False),
                Column(_("Targets mastered")),
                Column(_("Expected by then")),
            ),
            tuple(
                TableRow(
                    day(row.day) + when[row.what],
                    (
                        "–" if row.mastered is None else str(row.mastered),
                        floatformat(row.expected, -1),
                    ),
                )
                for row in self.rows
            ),
        )


def _chart(pace: LearnerPace, mastered_on: dict[int, date], today: date) -> PaceChart:
    requirement = pace.requirement
    wanted = {t.pk for t in requirement_targets(requirement)}
    days = sorted(d for t, d in mastered_on.items() if t in wanted and d <= today)
    start, due, need = requirement.starts_on, requirement.due_on, pace.needed
    running = [(d, i) for i, d in enumerate(days, start=1)]
    first = min([start, *days[:1]])
    axes = Axes(FRAME, first, max(due, today), 0, max(need, len(days), 1))
    by_day = dict(running)  # the last count of each day

    def expected(on: date) -> float:
        return round(expected_count(need, start=start, due=due, today=on), 1)

    rows = [PaceRow(d, n, expected(d), "mastered") for d, n in by_day.items()]
    rows.append(PaceRow(today, len(days), expected(today), "today"))
    if due > today:
        rows.append(PaceRow(due, None, float(need), "due"))
    return PaceChart(
        pace=pace,
        frame=FRAME,
        expected_line=polyline(axes.points([(start, 0), (due, need)])),
        actual_line=polyline(axes.points(steps([(first, 0), *running], until=today))),
        today_x=axes.point(today, 0).x,
        value_ticks=axes.value_ticks(),
        day_ticks=axes.day_ticks(day, most=3),
        rows=tuple(rows),
    )


def pace_chart_list(*, learner: User, today: date) -> list[PaceChart]:
    """A chart for each requirement the learner has a pace on, in due-date order."""
    paces = list(learner_paces(learner))
    if not paces:
        return []
    mastered_on = school_signals([learner]).mastered_on.get(learner.pk, {})
    return [_chart(pace, mastered_on, today) for pace in paces]
