"""A learner's trend on one target: each scored piece of evidence over time, formative apart
from summative, and the estimate as it stood after each one.

The estimate after a piece is the grading policy's own calculation over the evidence up to
and including it (``mastery.policy_explanation``, reading the evidence as the engine does
through ``engine_item``), so the line ends where the page's estimate stands (before any
override) and practice that the policy does not count leaves it flat. The geometry is
``lib.charts``'s; the template draws it and lists the same numbers in a table.
"""

from dataclasses import dataclass
from datetime import date

from django.template.defaultfilters import floatformat
from django.utils.timezone import localdate
from django.utils.translation import gettext as _

from continuum.evidence.models import Evidence, EvidenceKind
from continuum.evidence.public import engine_item, target_policy
from continuum.frameworks.models import FrameworkItem
from continuum.lib.charts import (
    Axes,
    Column,
    Frame,
    Key,
    Point,
    Table,
    TableRow,
    Tick,
    polyline,
    steps,
)
from continuum.lib.dates import day
from continuum.mastery import policy_explanation
from continuum.people.models import User

FRAME = Frame(width=320, height=180, left=24, right=12, top=10, bottom=30)
MARK = 4.0  # half a marker's width


@dataclass(frozen=True)
class TrendPoint:
    evidence: Evidence
    on: date
    estimate: float | None  # the estimate after this piece (None: nothing counts yet)
    at: Point

    @property
    def corner(self) -> Point:
        """The top left of a square marker centred on the point."""
        return Point(self.at.x - MARK, self.at.y - MARK)

    @property
    def formative(self) -> bool:
        return self.evidence.kind == EvidenceKind.FORMATIVE


@dataclass(frozen=True)
class Trend:
    chart_id: str
    frame: Frame
    points: tuple[TrendPoint, ...]
    estimate_line: str
    value_ticks: tuple[Tick, ...]
    day_ticks: tuple[Tick, ...]

    @property
    def mark(self) -> float:
        return MARK

    @property
    def mark_width(self) -> float:
        return 2 * MARK

    @property
    def latest(self) -> float | None:
        return self.points[-1].estimate if self.points else None

    @property
    def keys(self) -> tuple[Key, ...]:
        return (
            Key("point-summative", "square", _("summative")),
            Key("point-formative", "circle", _("practice (formative)")),
            Key("line-estimate", "line", _("the estimate after each score")),
        )

    @property
    def table(self) -> Table:
        return Table(
            _("Scores and the estimate over time"),
            (
                Column(_("Date"), numeric=False),
                Column(_("Kind"), numeric=False),
                Column(_("Score")),
                Column(_("Estimate after it")),
            ),
            tuple(
                TableRow(
                    day(p.on),
                    (
                        _("practice (formative)") if p.formative else _("summative"),
                        floatformat(p.evidence.level, -2),
                        "–" if p.estimate is None else floatformat(p.estimate, -2),
                    ),
                )
                for p in self.points
            ),
        )


def estimate_trend(
    *, learner: User, target: FrameworkItem, evidence: list[Evidence], levels: list[float]
) -> Trend | None:
    """The trend of ``evidence`` (the scored evidence in the order the engine reads it, as
    ``estimate_explain`` gives it); None when there is none to draw."""
    if not evidence:
        return None
    policy = target_policy(learner, target)
    items = [engine_item(e) for e in evidence]
    after = []
    for count in range(1, len(items) + 1):
        explained = policy_explanation(policy, items[:count])
        after.append(None if explained is None else round(explained.estimate, 2))
    days = [localdate(e.assessed_at) for e in evidence]
    scores = [e.level or 0.0 for e in evidence]
    low = min([0.0, *levels, *scores])
    high = max([1.0, *levels, *scores])
    axes = Axes(FRAME, min(days), max(days), low, high)
    fitted = [(d, a) for d, a in zip(days, after, strict=True) if a is not None]
    held = FRAME.plot_left + MARK, FRAME.plot_right - MARK  # a marker is drawn whole
    points = tuple(
        TrendPoint(e, d, a, _within(axes.point(d, s), held))
        for e, d, a, s in zip(evidence, days, after, scores, strict=True)
    )
    return Trend(
        chart_id=f"trend-{target.pk}",
        frame=FRAME,
        points=points,
        estimate_line=polyline(axes.points(steps(fitted, until=max(days)))),
        value_ticks=axes.value_ticks(),
        day_ticks=axes.day_ticks(day, most=3),
    )


def _within(point: Point, across: tuple[float, float]) -> Point:
    """The marker's centre moved in from the plot's side edges so it is drawn whole."""
    return Point(min(max(point.x, across[0]), across[1]), point.y)
