"""Heatmaps from stored estimates (never recomputed here).

A section's heatmap is learners × learning targets; a school's is targets × sections.
Each read is a fixed number of queries whatever the size: the people or sections, the
targets, then the estimates of the whole map in one query (aggregated in SQL for the
school). Lifelong-learning targets are reported apart and are not on these maps.
"""

import math
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Count, QuerySet, Sum
from django.urls import reverse
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from continuum.evidence.models import (
    SHOWN_LEVEL,
    STARTED_STATUSES,
    Estimate,
    EstimateStatus,
    shown_status_in,
)
from continuum.evidence.public import gradebook_targets
from continuum.frameworks.models import Framework, FrameworkItem, ItemKind, LearningArea
from continuum.mastery.struggle import Struggle, Tally, struggling_targets
from continuum.people.models import Organization, Role, Section

NOT_YET, APPROACHING = EstimateStatus.NOT_YET, EstimateStatus.APPROACHING
NEEDS = (NOT_YET, APPROACHING)
ROW_SORTS = ("name", "not_yet", "level")
# Learners are never ranked across targets (no mean, no totals): a section's rows are in
# name order, or ordered by need on one chosen target ("need-<target id>"), most need first.
NEED_PREFIX = "need-"
_NEED_ORDER = {
    NOT_YET: 0,
    APPROACHING: 1,
    EstimateStatus.NOT_STARTED: 2,
    EstimateStatus.PROFICIENT: 3,
    EstimateStatus.ADVANCED: 4,
}
LEGEND = [
    *((status.slug, status.short, status.label) for status in STARTED_STATUSES),
    (EstimateStatus.NOT_STARTED.slug, "–", EstimateStatus.NOT_STARTED.label),
]

# One column per status, so the school map is one row per target × section.
_STATUS_COUNTS = {
    f"n_{status.name.lower()}": Count("pk", filter=shown_status_in(status))
    for status in STARTED_STATUSES
}


@dataclass
class Counts:
    """How many of a row (or column) hold each status, and their mean shown level."""

    by_status: Counter = field(default_factory=Counter)
    level_sum: float = 0.0
    level_count: int = 0

    def add(self, status: EstimateStatus, level: float | None) -> None:
        self.by_status[status] += 1
        if level is not None:
            self.level_sum += level
            self.level_count += 1

    @property
    def mean_level(self) -> float | None:
        return self.level_sum / self.level_count if self.level_count else None

    @property
    def not_yet(self) -> int:
        return self.by_status[NOT_YET]

    @property
    def listed(self) -> list[tuple[str, str, int]]:
        """(css, abbreviation, count) for each status, in scale order."""
        return [(s.slug, s.short, self.by_status[s]) for s in STARTED_STATUSES]


@dataclass
class Cell:
    status: EstimateStatus = EstimateStatus.NOT_STARTED
    level: float | None = None
    attempts: int = 0
    href: str = ""
    counts: Counts | None = None  # school cells: the statuses of the section's learners

    @property
    def css(self) -> str:
        return self.status.slug

    @property
    def abbreviation(self) -> str:
        return self.status.short or "–"

    @property
    def level_text(self) -> str:
        return "" if self.level is None else f"{self.level:.1f}".removesuffix(".0")

    @property
    def html(self) -> str:
        """The cell's markup, built here rather than in the template: a school map has
        thousands of cells and a template loop with translations per cell is slow."""
        if self.counts is None:
            shown = f"{self.level_text} {self.abbreviation}".strip()
            spoken = f"{self.status.label} {self.level_text}".strip()
            if self.attempts:
                spoken += (
                    ", " + ngettext("%d attempt", "%d attempts", self.attempts) % self.attempts
                )
            spoken += ": " + _("open the evidence")
        else:
            not_yet = self.counts.not_yet
            shown = f"{self.abbreviation}<small>{not_yet} NY</small>"
            spoken = _(
                "median %(status)s; %(ny)d not yet, %(ap)d approaching, %(p)d proficient, "
                "%(ad)d advanced"
            ) % {
                "status": self.status.label,
                "ny": not_yet,
                "ap": self.counts.by_status[APPROACHING],
                "p": self.counts.by_status[EstimateStatus.PROFICIENT],
                "ad": self.counts.by_status[EstimateStatus.ADVANCED],
            }
        # Safe: numbers, fixed words, and the one sentence escaped.
        return mark_safe(
            f'<td class="hm-cell {self.css}"><a href="{self.href}"><span aria-hidden="true">'
            f'{shown}</span><span class="sr-only">{escape(spoken)}</span></a></td>'
        )


@dataclass
class Line:
    """A row or a column of a heatmap: what it is, its cells and its counts."""

    subject: Any  # a learner, a target or a section
    label: str
    cells: list[Cell] = field(default_factory=list)
    counts: Counts = field(default_factory=Counts)

    @property
    def need_sort(self) -> str:
        """The sort that orders a section's learners by need on this column's target."""
        return f"{NEED_PREFIX}{self.subject.pk}"


@dataclass
class Heatmap:
    rows: list[Line]
    columns: list[Line]
    struggles: list[tuple[Struggle, FrameworkItem]]
    sort: str
    columns_sort: str
    # target id → its learners' statuses, for each target where many struggle (the chart)
    struggle_counts: dict[int, Counter] = field(default_factory=dict)


def sort_key(value: str | None) -> str:
    return value if value in ROW_SORTS else "name"


def learner_sort_key(value: str | None, targets: Iterable[FrameworkItem]) -> str:
    """ "name", or "need-<id>" for a target on the map; anything else falls back to names."""
    ids = {f"{NEED_PREFIX}{target.pk}" for target in targets}
    return value if value in ids else "name"


def _by_need(rows: list[Line], columns: list[Line], sort: str) -> list[Line]:
    """Learners with the most need on the chosen target first (not yet, approaching, not
    started, proficient, advanced), lowest level first within a status; ties keep names."""
    target_id = int(sort.removeprefix(NEED_PREFIX))
    at = next(i for i, column in enumerate(columns) if column.subject.pk == target_id)

    def need(row: Line) -> tuple[int, float]:
        cell = row.cells[at]
        return _NEED_ORDER[cell.status], cell.level if cell.level is not None else math.inf

    return sorted(rows, key=need)


def _ordered(lines: list[Line], sort: str) -> list[Line]:
    if sort == "not_yet":
        return sorted(lines, key=lambda line: -line.counts.not_yet)
    if sort == "level":
        return sorted(
            lines,
            key=lambda line: (line.counts.mean_level is None, line.counts.mean_level or 0.0),
        )
    return lines  # "name": the order the lines were built in


def _arrange(rows: list[Line], columns: list[Line], sort: str, columns_sort: str):
    """Sort rows and columns (stable, so ties keep name order) and reorder every row's
    cells to match the columns."""
    position = {id(column): i for i, column in enumerate(columns)}
    columns = _ordered(columns, columns_sort)
    for row in rows:
        row.cells = [row.cells[position[id(column)]] for column in columns]
    return _ordered(rows, sort), columns


def heatmap_frameworks() -> list[Framework]:
    """Frameworks with learning targets, by title."""
    return list(
        Framework.objects.filter(versions__items__kind=ItemKind.TARGET).distinct().order_by("title")
    )


def _academic(targets: Iterable[FrameworkItem]) -> list[FrameworkItem]:
    return [t for t in targets if t.learning_area != LearningArea.LIFELONG]


def _explain_base() -> str:
    """The estimate page with slots for learner and target, reversed once per map."""
    url = reverse("learner_estimate", args=[0, 0])
    return url.replace("/learners/0/targets/0/", "/learners/{}/targets/{}/")


def section_heatmap(
    *, section: Section, framework: Framework, sort: str | None = None, columns_sort: str = "name"
) -> Heatmap:
    """Learners × the framework's academic targets, from stored estimates. Learners are
    listed by name, or by need on one target (``sort="need-<id>"``); never by a summary
    across targets, which would rank them."""
    learners = list(section.learners.order_by("last_name", "first_name", "pk"))
    targets = _academic(gradebook_targets(framework=framework))
    found = {
        (learner_id, target_id): (status, level, attempts)
        for learner_id, target_id, status, level, attempts in Estimate.objects.filter(
            learner__in=[learner.pk for learner in learners], target__in=targets
        )
        .with_shown()
        .values_list("learner_id", "target_id", "shown", "level_shown", "evidence_count")
    }
    base = _explain_base()
    columns = [Line(subject=t, label=t.human_coding_scheme or str(t)) for t in targets]
    rows, attempts = [], {t.pk: Counter[int]() for t in targets}
    for learner in learners:
        row = Line(subject=learner, label=f"{learner.last_name}, {learner.first_name}")
        for target, column in zip(targets, columns, strict=True):
            shown, level, tries = found.get((learner.pk, target.pk), (0, None, 0))
            status = EstimateStatus(shown)
            row.cells.append(Cell(status, level, tries, base.format(learner.pk, target.pk)))
            if status in STARTED_STATUSES:
                row.counts.add(status, level)
                column.counts.add(status, level)
                if status in NEEDS:
                    attempts[target.pk][tries] += 1
        rows.append(row)
    struggles = _struggles(columns, attempts)
    counts = {line.subject.pk: line.counts.by_status for line in columns}
    sort = learner_sort_key(sort, targets)
    rows, columns = _arrange(rows, columns, "name", columns_sort)
    if sort != "name":
        rows = _by_need(rows, columns, sort)
    return Heatmap(
        rows, columns, struggles, sort, columns_sort, {t.pk: counts[t.pk] for _, t in struggles}
    )


def _struggles(lines: list[Line], attempts: dict[int, Counter]):
    """Targets where many struggle, ranked by the core, paired with their targets."""
    by_id = {line.subject.pk: line for line in lines}
    tallies = [
        Tally(
            target=pk,
            learners=sum(line.counts.by_status.values()),
            not_yet=line.counts.not_yet,
            approaching=line.counts.by_status[APPROACHING],
            attempts=dict(attempts.get(pk, {})),
        )
        for pk, line in by_id.items()
    ]
    return [(s, by_id[s.target].subject) for s in struggling_targets(tallies)]


def school_sections(*, school: Organization) -> QuerySet[Section]:
    return Section.objects.filter(school=school).order_by("title", "pk")


def school_heatmap(
    *, school: Organization, framework: Framework, sort: str = "name", columns_sort: str = "name"
) -> Heatmap:
    """The framework's academic targets × the school's sections: each cell counts the
    statuses of the section's learners on the target (in one aggregate query) and shows
    the median status. Sections with no estimate on the framework are left out."""
    targets = _academic(gradebook_targets(framework=framework))
    sections = list(school_sections(school=school))
    aggregated = (
        Estimate.objects.filter(
            target__in=targets,
            learner__enrollments__section__school=school,
            learner__role=Role.LEARNER,
        )
        .annotate(level_shown=SHOWN_LEVEL)
        .order_by()
        .values("target_id", "learner__enrollments__section_id")
        .annotate(**_STATUS_COUNTS, level_sum=Sum("level_shown"), levelled=Count("level_shown"))
        .values_list(
            "target_id",
            "learner__enrollments__section_id",
            *_STATUS_COUNTS,
            "level_sum",
            "levelled",
        )
    )
    cells: dict[tuple[int, int], Counts] = {}
    for target_id, section_id, *by_status, level_sum, levelled in aggregated:
        if not any(by_status):
            continue
        counts = Counts(Counter(dict(zip(STARTED_STATUSES, by_status, strict=True))))
        counts.level_sum, counts.level_count = level_sum or 0.0, levelled
        cells[target_id, section_id] = counts
    used = {section_id for _, section_id in cells}
    sections = [s for s in sections if s.pk in used]
    columns = [Line(subject=s, label=s.title) for s in sections]
    base = reverse("insights_section_heatmap", args=[0])
    links = {s.pk: base.replace("/0/", f"/{s.pk}/") for s in sections}
    rows = []
    for target in targets:
        row = Line(subject=target, label=target.human_coding_scheme or str(target))
        for section, column in zip(sections, columns, strict=True):
            counts = cells.get((target.pk, section.pk), Counts())
            row.cells.append(_summary_cell(counts, links[section.pk], target))
            _merge(row.counts, counts)
            _merge(column.counts, counts)
        rows.append(row)
    struggles, struggle_counts = _school_struggles(school, targets)
    rows, columns = _arrange(rows, columns, sort, columns_sort)
    return Heatmap(rows, columns, struggles, sort, columns_sort, struggle_counts)


def _merge(into: Counts, counts: Counts) -> None:
    into.by_status.update(counts.by_status)
    into.level_sum += counts.level_sum
    into.level_count += counts.level_count


def _summary_cell(counts: Counts, link: str, target: FrameworkItem) -> Cell:
    total = sum(counts.by_status.values())
    status = EstimateStatus.NOT_STARTED
    seen = 0
    for candidate in STARTED_STATUSES:  # the median learner's status
        seen += counts.by_status[candidate]
        if total and seen * 2 >= total:
            status = candidate
            break
    href = f"{link}#target-{target.pk}"
    return Cell(status=status, level=counts.mean_level, href=href, counts=counts)


def _school_struggles(school: Organization, targets: list[FrameworkItem]):
    """Targets where many of the school's learners struggle, and each one's learners by
    status: one grouped query."""
    tally = {t.pk: Counter[int]() for t in targets}
    attempts: dict[int, Counter] = {t.pk: Counter() for t in targets}
    rows = (
        Estimate.objects.filter(
            target__in=targets, learner__organization=school, learner__role=Role.LEARNER
        )
        .order_by()
        .values("target_id", "evidence_count")
        .annotate(**_STATUS_COUNTS)
        .values_list("target_id", "evidence_count", *_STATUS_COUNTS)
    )
    for target_id, evidence_count, *by_status in rows:
        tally[target_id].update(dict(zip(STARTED_STATUSES, by_status, strict=True)))
        not_yet, approaching = by_status[:2]
        if not_yet + approaching:
            attempts[target_id][evidence_count] += not_yet + approaching
    by_id = {t.pk: t for t in targets}
    ranked = struggling_targets(
        Tally(pk, c.total(), c[NOT_YET], c[APPROACHING], dict(attempts[pk]))
        for pk, c in tally.items()
    )
    return [(s, by_id[s.target]) for s in ranked], {s.target: tally[s.target] for s in ranked}
