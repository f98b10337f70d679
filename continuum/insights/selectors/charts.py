"""The insight pages' charts: how learners' statuses are spread, as stacked bars.

Two charts read a heatmap already built (no query of their own): the targets where many
struggle, each target's learners by status, and the school's sections compared, each
section's estimates on the framework by status. The bars' geometry is ``lib.charts``'s;
the template draws them and prints the same counts as a table.
"""

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from django.urls import reverse
from django.utils.text import Truncator, capfirst
from django.utils.translation import gettext as _

from continuum.evidence.models import STARTED_STATUSES, EstimateStatus
from continuum.insights.selectors.heatmap import Heatmap
from continuum.lib.charts import BarChart, BarRow, Column, Span, Table, TableRow, bar_chart

# A label drawn above a bar keeps to the chart's 320 units, a phone's width.
LABEL_CHARACTERS = 32
# The width a character of a part's words takes, in the chart's units (13 px bold digits
# and capitals), and the room left either side: words that do not fit are left out (the
# table has every count).
CHARACTER, ROOM = 8.0, 6.0


@dataclass(frozen=True)
class Part:
    """One status's part of a bar, with the words drawn in it (if they fit)."""

    status: EstimateStatus
    span: Span

    @property
    def text(self) -> str:
        """The count and the status's letters, else the count alone, as fits the part."""
        count = str(self.span.count)
        for words in (f"{count} {self.status.short}", count):
            if len(words) * CHARACTER + ROOM <= self.span.width:
                return words
        return ""


@dataclass(frozen=True)
class StatusBar:
    label: str  # drawn above the bar, shortened to fit
    name: str  # the table's row heading, in full
    href: str
    counts: tuple[int, ...]  # one per started status, lowest first
    row: BarRow

    @property
    def total(self) -> int:
        return sum(self.counts)

    @property
    def listed(self) -> list[tuple[EstimateStatus, int]]:
        return list(zip(STARTED_STATUSES, self.counts, strict=True))

    @property
    def parts(self) -> list[Part]:
        return [Part(STARTED_STATUSES[span.index], span) for span in self.row.spans]


@dataclass(frozen=True)
class StatusBars:
    title: str
    chart: BarChart
    bars: tuple[StatusBar, ...]
    table: Table
    statuses: tuple[EstimateStatus, ...] = STARTED_STATUSES


def status_bars(
    lines: Iterable[tuple[str, str, str, Counter]], *, title: str, row_heading: str
) -> StatusBars:
    """A bar for each (label, name, href, statuses counted) in the order given, and the
    table of the same counts."""
    lines = list(lines)
    counts = [tuple(by_status[s] for s in STARTED_STATUSES) for *_, by_status in lines]
    chart = bar_chart(counts)
    bars = tuple(
        StatusBar(Truncator(label).chars(LABEL_CHARACTERS), name, href, row_counts, row)
        for (label, name, href, _), row_counts, row in zip(lines, counts, chart.rows, strict=True)
    )
    table = Table(
        title,
        (
            Column(row_heading, numeric=False),
            *(Column(capfirst(str(s.label))) for s in STARTED_STATUSES),
            Column(_("Total")),
        ),
        tuple(
            TableRow(bar.name, tuple(str(n) for n in (*bar.counts, bar.total)), bar.href)
            for bar in bars
        ),
    )
    return StatusBars(title, chart, bars, table)


def struggle_bars(heatmap: Heatmap) -> StatusBars:
    """The targets where many struggle, in their rank, each split by its learners' status."""
    lines = [
        (
            f"{target.human_coding_scheme} {target.abbreviated_statement or target.full_statement}",
            target.human_coding_scheme or target.full_statement,
            f"#target-{target.pk}",
            heatmap.struggle_counts.get(target.pk, Counter()),
        )
        for _struggle, target in heatmap.struggles
    ]
    return status_bars(
        lines,
        title=_("Targets where many struggle: each target's learners by status"),
        row_heading=_("Target"),
    )


def section_bars(heatmap: Heatmap) -> StatusBars:
    """The school's sections in the heatmap's column order, each split by the status of its
    learners' estimates on the framework's targets."""
    lines = [
        (
            column.label,
            column.label,
            reverse("insights_section_heatmap", args=[column.subject.pk]),
            column.counts.by_status,
        )
        for column in heatmap.columns
    ]
    return status_bars(
        lines,
        title=_("Sections compared: each section's estimates by status"),
        row_heading=_("Section"),
    )
