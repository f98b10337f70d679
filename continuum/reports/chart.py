"""The report card's chart: one horizontal bar per competency, split by status.

Pure: counts in, geometry out (no database, no clock; the split is ``lib.charts``'s). The bar is drawn in a 100-unit-wide
SVG, so each segment's width is its share in percent; the page prints the same counts as
text beside it, and colour is never the only signal (each segment is also labelled in
the text equivalent, in the status order)."""

from collections.abc import Mapping
from dataclasses import dataclass

from continuum.evidence.models import EstimateStatus
from continuum.lib.charts import stacked_bar

# Light to dark as the status rises; the text equivalent carries the meaning.
FILLS = {
    EstimateStatus.NOT_STARTED: "#e4e4e4",
    EstimateStatus.NOT_YET: "#f2b36b",
    EstimateStatus.APPROACHING: "#f3dc7a",
    EstimateStatus.PROFICIENT: "#74b47c",
    EstimateStatus.ADVANCED: "#2f6f3a",
}


@dataclass(frozen=True)
class Segment:
    status: EstimateStatus
    count: int
    x: float
    width: float
    fill: str


@dataclass(frozen=True)
class Bar:
    total: int
    segments: tuple[Segment, ...]


def status_bar(counts: Mapping[int, int]) -> Bar:
    """Segments in status order, empty statuses left out; widths add up to 100."""
    statuses = list(EstimateStatus)
    spans = stacked_bar([counts.get(status, 0) for status in statuses], width=100)
    segments = tuple(
        Segment(statuses[s.index], s.count, s.x, s.width, FILLS[statuses[s.index]]) for s in spans
    )
    return Bar(total=sum(counts.values()), segments=segments)
