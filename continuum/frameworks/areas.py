"""Learning areas reported apart: academic and lifelong-learning targets are never added up
into one count (issue 11), on any page that counts targets."""

from collections.abc import Iterable
from dataclasses import dataclass

from continuum.frameworks.models import LearningArea


@dataclass(frozen=True)
class AreaCount:
    """How many of one learning area's targets are met, of its targets."""

    area: str
    label: str
    mastered: int
    total: int


def area_counts(targets: Iterable[tuple[str, bool]]) -> list[AreaCount]:
    """One count per learning area that has targets, academic first, from each target's
    (learning area, met) pair."""
    counts: dict[str, list[int]] = {}
    for area, met in targets:
        found = counts.setdefault(area, [0, 0])
        found[0] += met
        found[1] += 1
    labels = dict(LearningArea.choices)
    return [
        AreaCount(area, str(labels[area]), *counts[area])
        for area in LearningArea.values
        if area in counts
    ]
