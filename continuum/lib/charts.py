"""Geometry for the server-drawn SVG charts: numbers in, coordinates out.

Pure (no Django, no clock): templates draw what these functions return, so every chart
shares one way of splitting a bar and of placing a point, and the tests can check the
geometry without a page. Every coordinate returned lies inside the chart's viewBox: values
outside an axis's range are held at its edge rather than drawn off the chart.
"""

import math
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date


@dataclass(frozen=True)
class Span:
    """One part of a stacked bar: which part (its index among the counts), how many, and
    where it starts and how wide it is, in the bar's units."""

    index: int
    count: int
    x: float
    width: float

    @property
    def middle(self) -> float:
        return round(self.x + self.width / 2, 3)


def stacked_bar(counts: Sequence[int], *, width: float, x: float = 0.0) -> tuple[Span, ...]:
    """The parts of a bar ``width`` long split in proportion to ``counts``, in their order,
    empty parts left out. Each edge is rounded once from the running total, so the widths
    add up to exactly ``width`` and neighbours neither overlap nor leave a gap."""
    if any(count < 0 for count in counts):
        raise ValueError("a bar cannot have a negative count")
    total = sum(counts)
    if not total:
        return ()
    spans, seen, left = [], 0, x
    for index, count in enumerate(counts):
        if not count:
            continue
        seen += count
        right = x + width if seen == total else round(x + width * seen / total, 3)
        spans.append(Span(index, count, left, round(right - left, 6)))
        left = right
    return tuple(spans)


def position(value: float, *, low: float, high: float, start: float, end: float) -> float:
    """Where ``value`` on an axis from ``low`` to ``high`` falls between ``start`` and
    ``end`` (either way round, so a y axis can grow upwards), held within them."""
    if high <= low:
        return start
    share = min(max((value - low) / (high - low), 0.0), 1.0)
    return round(start + (end - start) * share, 3)


def nice_ticks(low: float, high: float, *, most: int = 5) -> tuple[float, ...]:
    """Round values from ``low`` to ``high`` for an axis's labels, at most ``most`` of them,
    a step of 1, 2 or 5 times a power of ten apart."""
    if high <= low or most < 2:
        return (low,)
    rough = (high - low) / (most - 1)
    if rough <= 1e-9:  # a range too narrow to label in steps
        return (low,)
    power = 10 ** math.floor(math.log10(rough))
    step = next(m * power for m in (1, 2, 5, 10) if m * power >= rough)
    first = math.ceil(low / step - 1e-9) * step
    count = math.floor((high - first) / step + 1e-9) + 1
    return tuple(round(first + i * step, 10) for i in range(count))


@dataclass(frozen=True)
class Frame:
    """A chart's viewBox and the plot area inside it (the margins hold the axis labels)."""

    width: float = 320.0
    height: float = 200.0
    left: float = 36.0
    right: float = 12.0
    top: float = 12.0
    bottom: float = 36.0

    @property
    def view_box(self) -> str:
        return f"0 0 {self.width:g} {self.height:g}"

    @property
    def plot_left(self) -> float:
        return self.left

    @property
    def plot_right(self) -> float:
        return self.width - self.right

    @property
    def plot_top(self) -> float:
        return self.top

    @property
    def plot_bottom(self) -> float:
        return self.height - self.bottom

    @property
    def value_label_x(self) -> float:
        """Where the value axis's labels end, just left of the plot."""
        return self.left - 6


@dataclass(frozen=True)
class Point:
    x: float
    y: float


@dataclass(frozen=True)
class Tick:
    """An axis label: its words and where it goes along the axis."""

    label: str
    at: float


@dataclass(frozen=True)
class Axes:
    """The ranges a line chart's values are drawn against: days across, numbers up."""

    frame: Frame
    first: date
    last: date
    low: float
    high: float

    def point(self, day: date, value: float) -> Point:
        f = self.frame
        across = position(
            day.toordinal(),
            low=self.first.toordinal(),
            high=self.last.toordinal(),
            start=f.plot_left,
            end=f.plot_right,
        )
        up = position(value, low=self.low, high=self.high, start=f.plot_bottom, end=f.plot_top)
        return Point(across, up)

    def points(self, series: Iterable[tuple[date, float]]) -> tuple[Point, ...]:
        return tuple(self.point(day, value) for day, value in series)

    def value_ticks(self, *, most: int = 5) -> tuple[Tick, ...]:
        f = self.frame
        return tuple(
            Tick(
                f"{value:g}",
                position(value, low=self.low, high=self.high, start=f.plot_bottom, end=f.plot_top),
            )
            for value in nice_ticks(self.low, self.high, most=most)
        )

    def day_ticks(self, label: Callable[[date], str], *, most: int = 4) -> tuple[Tick, ...]:
        """Evenly spaced days from the first to the last, each named by ``label(day)``."""
        span = (self.last - self.first).days
        parts = min(most - 1, span) if span > 0 else 0
        days = (
            [
                date.fromordinal(self.first.toordinal() + round(span * i / parts))
                for i in range(parts + 1)
            ]
            if parts
            else [self.first]
        )
        return tuple(Tick(label(day), self.point(day, self.low).x) for day in days)


def polyline(points: Iterable[Point]) -> str:
    """The ``points`` attribute of an SVG polyline."""
    return " ".join(f"{p.x:g},{p.y:g}" for p in points)


def steps(changes: Iterable[tuple[date, float]], *, until: date) -> tuple[tuple[date, float], ...]:
    """A running value drawn as a staircase: flat until each change, then straight up (or
    down) to the new value, and flat again to ``until``. Changes on one day keep the order
    given (the last is the day's value)."""
    drawn: list[tuple[date, float]] = []
    for day, value in sorted(changes, key=lambda change: change[0]):
        if drawn:
            drawn.append((day, drawn[-1][1]))
        drawn.append((day, value))
    if drawn and drawn[-1][0] < until:
        drawn.append((until, drawn[-1][1]))
    return tuple(drawn)


# Bars stand this far inside the viewBox, so their outlines are drawn whole.
INSET = 1.0


@dataclass(frozen=True)
class BarRow:
    """One labelled bar of a bar chart: its label's baseline, its bar's top, the baseline of
    words inside the bar, its parts."""

    label_y: float
    y: float
    text_y: float
    spans: tuple[Span, ...]


@dataclass(frozen=True)
class BarChart:
    """Horizontal stacked bars one under another, each under its label, full width so a
    phone's narrow screen still gives every bar the whole chart."""

    width: float
    height: float
    bar_height: float
    rows: tuple[BarRow, ...]

    @property
    def view_box(self) -> str:
        return f"0 0 {self.width:g} {self.height:g}"


def bar_chart(
    rows: Sequence[Sequence[int]],
    *,
    width: float = 320.0,
    bar_height: float = 26.0,
    label_height: float = 18.0,
    gap: float = 12.0,
) -> BarChart:
    """A stacked bar per row of counts, each as wide as the chart (shares, not totals,
    are compared: a row's total is in its label and the table)."""
    laid, y = [], INSET
    for counts in rows:
        spans = stacked_bar(counts, width=width - 2 * INSET, x=INSET)
        top = y + label_height
        laid.append(BarRow(top - 5, top, top + bar_height - 7, spans))
        y += label_height + bar_height + gap
    return BarChart(width, y - gap + INSET if laid else 0.0, bar_height, tuple(laid))


@dataclass(frozen=True)
class Column:
    heading: str
    numeric: bool = True  # right-aligned figures


@dataclass(frozen=True)
class TableRow:
    heading: str
    cells: tuple[str, ...]
    href: str = ""


@dataclass(frozen=True)
class Table:
    """A chart's text equivalent: the same numbers as rows under a caption, written once by
    the code that lays the chart out, drawn by ``templates/charts/_table.html``."""

    caption: str
    columns: tuple[Column, ...]  # the first heads the rows' own headings
    rows: tuple[TableRow, ...]

    @property
    def lines(self) -> list[tuple[TableRow, list[tuple[str, bool]]]]:
        """Each row with its cells, each paired with whether its column holds figures."""
        numeric = [column.numeric for column in self.columns[1:]]
        return [(row, list(zip(row.cells, numeric, strict=True))) for row in self.rows]


@dataclass(frozen=True)
class Key:
    """One entry of a line chart's legend: the class its mark is drawn with, the mark's shape
    (``line``, ``circle`` or ``square``) and its words."""

    css: str
    shape: str
    label: str
