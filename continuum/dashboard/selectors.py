"""Everything a learner's dashboard shows, read in a fixed number of queries whatever the
number of targets, evidence or frameworks.

The map is the learner map (``evidence/selectors/learner_map.py``): every target of each
framework version the learner has an estimate in or is assessed on, so not-started targets
show too; academic and lifelong-learning targets are mapped apart.
"""

import textwrap
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from django.utils.translation import get_language

from continuum.dashboard.layout import Box, band_layout
from continuum.evidence.models import Estimate, EstimateStatus, Evidence
from continuum.evidence.public import LearnerMap, learner_map_get
from continuum.frameworks.models import FrameworkItem, LearningArea
from continuum.frameworks.public import (
    AreaCount,
    FrameworkTexts,
    LocalText,
    area_counts,
    area_rank,
    framework_texts,
    in_target_order,
    level_label,
    scales_for,
)
from continuum.learning.models import Reassessment
from continuum.learning.public import OPEN_REASSESSMENTS
from continuum.pathways.models import Goal, PlanItem
from continuum.people.models import User

READY_SHOWN = 8
FEEDBACK_SHOWN = 5
LABEL_CHARS = 26


@dataclass
class Tile:
    """One target on the map: its estimate and where it stands on the prerequisite graph."""

    target: FrameworkItem
    estimate: Estimate | None
    prerequisites: list[FrameworkItem] = field(default_factory=list)
    ready: bool = False
    box: Box | None = None

    @property
    def status(self) -> EstimateStatus:
        return self.estimate.shown_status if self.estimate else EstimateStatus.NOT_STARTED

    @property
    def level(self) -> float | None:
        return self.estimate.shown_level if self.estimate else None


@dataclass
class Band:
    """A competency's row on the map."""

    competency: FrameworkItem | None
    tiles: list[Tile] = field(default_factory=list)
    box: Box | None = None
    label: str = ""  # the competency's short statement in the reader's language if any

    @property
    def label_lines(self) -> list[str]:
        """The competency's statement in at most two short lines for the map's margin."""
        if self.competency is None:
            return []
        text = self.label or self.competency.abbreviated_statement
        text = text or self.competency.full_statement
        return textwrap.wrap(text, width=LABEL_CHARS, max_lines=2, placeholder="…")


@dataclass
class ContinuumMap:
    """One framework's targets in one learning area, laid out as bands of tiles."""

    key: str
    area: str
    area_label: str
    title: str
    language: str = ""
    bands: list[Band] = field(default_factory=list)
    width: float = 0
    height: float = 0

    @property
    def tiles(self) -> list[Tile]:
        return [tile for band in self.bands for tile in band.tiles]

    @property
    def title_text(self) -> LocalText:
        """The framework's title, marked with its language when not the reader's."""
        return LocalText(self.title, self.language or "en", get_language() or "en")

    @property
    def counts(self) -> list[tuple[EstimateStatus, int]]:
        found = Counter(tile.status for tile in self.tiles)
        return [(status, found[status]) for status in EstimateStatus if found[status]]

    @property
    def mastered(self) -> int:
        return sum(1 for tile in self.tiles if tile.status >= EstimateStatus.PROFICIENT)


def tile_area_counts(tiles: Iterable[Tile]) -> list[AreaCount]:
    """Proficient or better per learning area, academic first."""
    return area_counts(
        (tile.target.learning_area, tile.status >= EstimateStatus.PROFICIENT) for tile in tiles
    )


@dataclass(frozen=True)
class GoalProgress:
    goal: Goal
    targets: list[Tile]

    @property
    def areas(self) -> list[AreaCount]:
        return tile_area_counts(self.targets)


@dataclass(frozen=True)
class PlanStep:
    item: PlanItem
    tile: Tile


@dataclass
class Dashboard:
    learner: User
    maps: list[ContinuumMap]
    ready: list[Tile]
    ready_more: int
    almost_there: list[Tile]
    almost_more: int
    reassessments: list[Reassessment]
    feedback: list[tuple[Evidence, LocalText]]
    goals: list[GoalProgress]
    plan_steps: list[PlanStep]

    @property
    def areas(self) -> list[AreaCount]:
        """The headline: proficient of all targets on the map, per learning area."""
        return tile_area_counts(tile for m in self.maps for tile in m.tiles)


def _maps(tiles: Iterable[Tile], texts: FrameworkTexts) -> list[ContinuumMap]:
    """Tiles (in the one target order) grouped area › framework › competency; academic
    first."""
    labels = dict(LearningArea.choices)
    maps: dict[tuple[str, int], ContinuumMap] = {}
    for tile in sorted(tiles, key=lambda tile: area_rank(tile.target)):
        target = tile.target
        key = (target.learning_area, target.version_id)
        if key not in maps:
            maps[key] = ContinuumMap(
                key=f"map-{target.learning_area}-{target.version_id}",
                area=target.learning_area,
                area_label=str(labels.get(target.learning_area, target.learning_area)),
                title=target.version.framework.title,
                language=target.version.language,
            )
        bands = maps[key].bands
        if not bands or bands[-1].competency != target.parent:
            parent = target.parent
            label = texts.text(parent, "abbreviated_statement") if parent else ""
            bands.append(Band(parent, label=str(label)))
        bands[-1].tiles.append(tile)
    ordered = list(maps.values())
    for continuum_map in ordered:
        sizes = [len(band.tiles) for band in continuum_map.bands]
        layout = band_layout(sizes)
        continuum_map.width, continuum_map.height = layout.width, layout.height
        for band, band_box, boxes in zip(
            continuum_map.bands, layout.bands, layout.tiles, strict=True
        ):
            band.box = band_box
            for tile, box in zip(band.tiles, boxes, strict=True):
                tile.box = box
    return ordered


def _tiles(found: LearnerMap) -> list[Tile]:
    """A tile for every target on the learner's map, with its place on the graph."""
    ready = found.ready
    return [
        Tile(
            target=target,
            estimate=found.estimates.get(target.pk),
            prerequisites=found.prerequisites(target.pk),
            ready=target.pk in ready,
        )
        for target in found.targets
    ]


def _next_first(tiles: list[Tile], likelihood: Mapping[int, float]) -> list[Tile]:
    """The ready targets the learner model says the learner is most likely ready for come
    first (when their school has a fit); then ones just unlocked (prerequisites mastered),
    then ones already under way, then the rest, each in framework order."""
    return sorted(
        tiles,
        key=lambda t: (
            -round(likelihood.get(t.target.pk, -0.01), 2),
            not t.prerequisites,
            t.estimate is None,
        ),
    )


def _feedback(learner: User) -> list[tuple[Evidence, LocalText]]:
    recent = list(
        Evidence.objects.filter(learner=learner)
        .exclude(feedback="")
        .select_related("target__version", "assessment", "scorer")
        .order_by("-assessed_at", "-id")[:FEEDBACK_SHOWN]
    )
    scales = scales_for(e.target for e in recent) if recent else {}
    reader = get_language() or "en"
    return [  # a level's name is the framework's words, marked with its language
        (
            e,
            LocalText(
                level_label(e.level, scales.get(e.target_id)),
                e.target.version.language or "en",
                reader,
            ),
        )
        for e in recent
    ]


def _pathways(
    learner: User, tiles: Mapping[int, Tile], estimates: Mapping[int, Estimate]
) -> tuple[list[GoalProgress], list[PlanStep]]:
    """Active goals and plan steps, read-only."""

    def tile_of(target: FrameworkItem) -> Tile:
        return tiles.get(target.pk) or Tile(target=target, estimate=estimates.get(target.pk))

    goals = Goal.objects.filter(learner=learner, status=Goal.Status.ACTIVE).prefetch_related(
        in_target_order("targets")
    )
    items = (
        PlanItem.objects.filter(plan__learner=learner)
        .exclude(status=PlanItem.Status.DROPPED)
        .select_related("target", "experience")
    )
    return (
        [GoalProgress(goal, [tile_of(t) for t in goal.targets.all()]) for goal in goals],
        [PlanStep(item, tile_of(item.target)) for item in items],
    )


def dashboard_get(*, learner: User) -> Dashboard:
    """The learner's dashboard: maps, what is next, requests, feedback, goals and plan."""
    found = learner_map_get(learner=learner, with_model=True)
    tiles = _tiles(found)
    almost = [tile for tile in tiles if tile.status == EstimateStatus.APPROACHING]
    # A target is in one list: one that is approaching is "almost there", not "next".
    ready = _next_first(
        [tile for tile in tiles if tile.ready and tile.status != EstimateStatus.APPROACHING],
        found.likelihood,
    )
    goals, plan_steps = _pathways(
        learner, {tile.target.pk: tile for tile in tiles}, found.estimates
    )
    return Dashboard(
        learner=learner,
        maps=_maps(tiles, framework_texts(version_ids={t.version_id for t in found.targets})),
        ready=ready[:READY_SHOWN],
        ready_more=max(0, len(ready) - READY_SHOWN),
        almost_there=almost[:READY_SHOWN],
        almost_more=max(0, len(almost) - READY_SHOWN),
        reassessments=list(
            Reassessment.objects.filter(learner=learner, status__in=OPEN_REASSESSMENTS)
            .select_related("target")
            .order_by("requested_at", "id")
        ),
        feedback=_feedback(learner),
        goals=goals,
        plan_steps=plan_steps,
    )
