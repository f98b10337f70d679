"""CFRubrics → proficiency scales, levels and per-item level descriptors.

A rubric becomes one scale. A criterion level's value is its ``score``, else its
``position``, else its place in the list (from 1); its name is its ``quality``. A criterion
whose ``CFItemURI`` names an item of the package gives that item one descriptor per level.
CASE has no proficiency cut, so the cut is the lowest level named like "Proficient",
"Meets…", "Mastery" or "Secure", else the upper middle level (3 on a 1–4 scale).
The rubric JSON itself is kept whole on the version for export.
"""

import re
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

_PROFICIENT = re.compile(r"^\s*(proficient|meets|mastery|mastered|secure|competent)", re.I)


@dataclass(frozen=True)
class PlannedDescriptor:
    item: str
    value: float
    description: str
    identifier: str


@dataclass
class PlannedScale:
    title: str
    levels: dict[float, str] = field(default_factory=dict)
    descriptors: list[PlannedDescriptor] = field(default_factory=list)

    @property
    def proficiency_cut(self) -> float:
        values = sorted(self.levels)
        named = [value for value in values if _PROFICIENT.match(self.levels[value])]
        return named[0] if named else values[len(values) // 2]


def planned_scales(
    rubrics: Sequence[Mapping[str, Any]], items: Collection[str]
) -> list[PlannedScale]:
    scales = []
    for rubric in rubrics:
        scale = PlannedScale(title=rubric.get("title") or "Rubric")
        described: set[tuple[str, float]] = set()
        for criterion in rubric.get("CFRubricCriteria", []):
            item = criterion.get("CFItemURI", {}).get("identifier")
            for place, level in enumerate(criterion.get("CFRubricCriterionLevels", []), start=1):
                value = float(level.get("score", level.get("position", place)))
                name = level.get("quality") or f"Level {value:g}"
                scale.levels.setdefault(value, name)
                if item in items and (item, value) not in described:
                    described.add((item, value))
                    text = level.get("description") or level.get("feedback") or name
                    scale.descriptors.append(
                        PlannedDescriptor(item, value, text, level["identifier"])
                    )
        if scale.levels:
            scales.append(scale)
    return scales
