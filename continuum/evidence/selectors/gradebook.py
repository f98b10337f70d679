"""Reads for the gradebook: a section's learners × a framework's learning targets.

Every read is a fixed number of queries whatever the class size: the roster, the
targets, their scales, then the estimates (or the evidence) of the whole grid at once.
"""

from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Literal

from django.db.models import QuerySet
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from continuum.evidence.models import (
    STARTED_STATUSES,
    Alignment,
    Estimate,
    EstimateStatus,
    Evidence,
    Mark,
)
from continuum.frameworks.models import (
    Framework,
    FrameworkItem,
    ItemKind,
    LearningArea,
    ProficiencyScale,
)
from continuum.frameworks.public import TARGET_ORDER, bands_of, level_choices, scales_for
from continuum.mastery import status_of
from continuum.people.models import Enrollment, Role, Section, User
from continuum.people.public import section_list

View = Literal["estimate", "evidence"]
Scales = Mapping[int, ProficiencyScale | None]
VIEWS: tuple[View, ...] = ("estimate", "evidence")

# Marks keep their own letters beside the statuses' (EstimateStatus.short).
MARK_SHORT = {Mark.MISSING: "M", Mark.EXCUSED: "EX"}
LEGEND = [
    *((status.slug, status.short, status.label) for status in STARTED_STATUSES),
    *((mark.value, short, mark.label.lower()) for mark, short in MARK_SHORT.items()),
    (EstimateStatus.NOT_STARTED.slug, "–", EstimateStatus.NOT_STARTED.label),
]


def gradebook_section_list(*, user: User) -> QuerySet[Section]:
    """Sections whose gradebook the user may open: taught (educator) or in their school
    (leader). Nobody else keeps a gradebook."""
    if user.role not in {Role.EDUCATOR, Role.LEADER}:
        return Section.objects.none()
    return section_list(user=user).order_by("title")


def gradebook_section_get(*, user: User, section_id: int) -> Section:
    """Raises Section.DoesNotExist unless the user may open this section's gradebook."""
    return gradebook_section_list(user=user).get(pk=section_id)


def gradebook_learners(*, section: Section) -> list[User]:
    return list(
        section.learners.select_related("organization").order_by("last_name", "first_name", "pk")
    )


def gradebook_framework_list(*, section: Section) -> list[Framework]:
    """Frameworks with learning targets; those the section already uses come first."""
    used = set(
        Evidence.objects.filter(
            learner_id__in=Enrollment.objects.filter(section=section).values("learner_id")
        )
        .order_by()
        .values_list("target__version__framework_id", flat=True)
        .distinct()
    ) | set(
        Alignment.objects.filter(assessment__section=section)
        .order_by()
        .values_list("target__version__framework_id", flat=True)
        .distinct()
    )
    frameworks = Framework.objects.filter(versions__items__kind=ItemKind.TARGET).distinct()
    return sorted(frameworks, key=lambda framework: (framework.pk not in used, framework.title))


def gradebook_targets(*, framework: Framework) -> list[FrameworkItem]:
    """The learning targets of the framework's current version, in the one target order
    (``frameworks/ordering.py``), so each competency's targets stay together."""
    latest = framework.versions.order_by("-number").values("pk")[:1]
    return list(
        FrameworkItem.objects.filter(version__in=latest, kind=ItemKind.TARGET).order_by(
            *TARGET_ORDER
        )
    )


@dataclass
class Cell:
    """One learner × target: what the grid shows and what its popover will explain."""

    learner: User
    target: FrameworkItem
    level: float | None = None
    status: EstimateStatus | Mark = EstimateStatus.NOT_STARTED
    count: int = 0
    overridden: bool = False
    override_reason: str = ""
    assessed_at: datetime | None = None
    kind: str = ""
    view: View = "estimate"
    href: str = ""

    @property
    def abbreviation(self) -> str:
        if isinstance(self.status, EstimateStatus):
            return self.status.short
        return MARK_SHORT.get(self.status, "")

    @property
    def record_href(self) -> str:
        """The cell's scoring page (the scorer without JavaScript), beside its explanation."""
        path, _sep, query = self.href.partition("?")
        return f"{path}record/" + (f"?{query}" if query else "")

    @property
    def css(self) -> str:
        return self.status.slug if isinstance(self.status, EstimateStatus) else self.status.value

    @property
    def level_text(self) -> str:
        return "" if self.level is None else f"{self.level:.1f}".removesuffix(".0")

    @property
    def shown(self) -> str:
        """What the cell says on screen, e.g. "3.3 P ✎"."""
        parts = [self.level_text, self.abbreviation or "–", "✎" if self.overridden else ""]
        return " ".join(part for part in parts if part)

    @property
    def spoken(self) -> str:
        """The same for screen readers, in words, e.g. "3.3, proficient, overridden"."""
        said = str(self.status.label).lower()
        parts = [self.level_text, said, _("overridden") if self.overridden else ""]
        if self.view == "evidence" and self.count:
            parts.append(ngettext("%d attempt", "%d attempts", self.count) % self.count)
        return ", ".join(part for part in parts if part)


@dataclass
class Row:
    learner: User
    cells: list[Cell] = field(default_factory=list)


@dataclass
class Grid:
    section: Section
    view: View
    academic: list[FrameworkItem]
    lifelong: list[FrameworkItem]
    rows: list[Row]

    @property
    def targets(self) -> list[FrameworkItem]:
        return [*self.academic, *self.lifelong]


def _estimate_cells(learners, targets) -> dict[tuple[int, int], Cell]:
    estimates = Estimate.objects.filter(learner__in=learners, target__in=targets).only(
        "learner_id",
        "target_id",
        "level",
        "status",
        "evidence_count",
        "override_level",
        "override_status",
        "override_reason",
    )
    return {
        (e.learner_id, e.target_id): Cell(
            learner=None,  # type: ignore[arg-type]  # filled by gradebook_grid
            target=None,  # type: ignore[arg-type]
            level=e.shown_level,
            status=e.shown_status,
            count=e.evidence_count,
            overridden=e.is_overridden,
            override_reason=e.override_reason,
        )
        for e in estimates
    }


def _evidence_cells(learners, targets, scales: Scales) -> dict[tuple[int, int], Cell]:
    """The latest piece of evidence per learner-target, with how many there are, read
    against the bands of each target's scale. Withdrawn evidence (undone) is not shown."""
    bands = {pk: bands_of(scale).evidence for pk, scale in scales.items()}
    rows = (
        Evidence.objects.filter(learner__in=learners, target__in=targets)
        .exclude(mark=Mark.WITHDRAWN)
        .order_by("assessed_at", "pk")
        .values_list("learner_id", "target_id", "level", "mark", "assessed_at", "kind")
    )
    cells: dict[tuple[int, int], Cell] = {}
    counts: dict[tuple[int, int], int] = defaultdict(int)
    for learner_id, target_id, level, mark, assessed_at, kind in rows:
        key = (learner_id, target_id)
        counts[key] += 1
        status = (
            Mark(mark)
            if mark != Mark.SCORED
            else EstimateStatus(status_of(level, bands[target_id]))
        )
        cells[key] = Cell(
            learner=None,  # type: ignore[arg-type]
            target=None,  # type: ignore[arg-type]
            level=level,
            status=status,
            assessed_at=assessed_at,
            kind=kind,
        )
    for key, cell in cells.items():
        cell.count = counts[key]
    return cells


def gradebook_grid(
    *,
    section: Section,
    targets: list[FrameworkItem],
    view: View,
    scales: Scales,
) -> Grid:
    """The whole grid in a constant number of queries; ``scales`` (each target's, which
    the page loads anyway for scoring) give single pieces of evidence their status."""
    learners = gradebook_learners(section=section)
    if view == "evidence":
        found = _evidence_cells(learners, targets, scales)
    else:
        found = _estimate_cells(learners, targets)
    ordered = [t for t in targets if t.learning_area != LearningArea.LIFELONG] + [
        t for t in targets if t.learning_area == LearningArea.LIFELONG
    ]
    rows, base = [], _explain_base(section)
    for learner in learners:
        row = Row(learner=learner)
        for target in ordered:
            cell = found.get((learner.pk, target.pk)) or Cell(learner=learner, target=target)
            _place(cell, learner, target, view, base)
            row.cells.append(cell)
        rows.append(row)
    return Grid(
        section=section,
        view=view,
        academic=[t for t in ordered if t.learning_area != LearningArea.LIFELONG],
        lifelong=[t for t in ordered if t.learning_area == LearningArea.LIFELONG],
        rows=rows,
    )


def gradebook_cell(*, learner: User, target: FrameworkItem, view: View, section: Section) -> Cell:
    """One cell, as the grid would show it, after a change."""
    if view == "evidence":
        found = _evidence_cells([learner], [target], scales_for([target]))
    else:
        found = _estimate_cells([learner], [target])
    cell = found.get((learner.pk, target.pk)) or Cell(learner=learner, target=target)
    _place(cell, learner, target, view, _explain_base(section))
    return cell


def _explain_base(section: Section) -> str:
    """The explanation link with slots for learner and target: reversed once per grid,
    not once per cell (the grid has 1,400 of them)."""
    url = reverse("gradebook_explain", args=[section.pk, 0, 0])
    return url.replace("/learners/0/targets/0/", "/learners/{}/targets/{}/")


def _place(cell: Cell, learner: User, target: FrameworkItem, view: View, base: str) -> None:
    cell.learner, cell.target, cell.view = learner, target, view
    cell.href = base.format(learner.pk, target.pk) + (
        "?view=evidence" if view == "evidence" else ""
    )


def gradebook_learner_get(*, section: Section, learner_id: int) -> User:
    """A learner enrolled in the section; raises User.DoesNotExist otherwise."""
    return section.learners.get(pk=learner_id)


@dataclass(frozen=True)
class ScorerLevel:
    """A button of the cell's scorer: a level of the target's scale and how a single
    piece of evidence at that level reads (levels below the cut read "not yet")."""

    value: str
    label: str
    status: EstimateStatus


def scorer_level_list(scale: ProficiencyScale | None) -> list[ScorerLevel]:
    bands = bands_of(scale).evidence
    return [
        ScorerLevel(value, label, EstimateStatus(status_of(float(value), bands)))
        for value, label in level_choices(scale)
    ]


@dataclass(frozen=True)
class ContributionRow:
    evidence: Evidence
    weight: float
    share: float | None
    counted: bool
    note: str


def contribution_rows(explained) -> list[ContributionRow]:
    """Each piece of evidence the engine counted, with its contribution, in the order the
    engine used; ``explained`` is ``services.estimates.estimate_explain``'s answer. Evidence
    that weighs nothing under the policy has no contribution, so no row."""
    if explained.explanation is None:
        return []
    return [
        ContributionRow(
            explained.evidence[part.index], part.weight, part.share, part.counted, part.note
        )
        for part in explained.explanation.contributions
    ]
