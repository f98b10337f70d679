"""AND/OR criteria trees for requirements, e.g. "algebra proficient AND (stats OR CTE cert)".

A tree is data (`AtLeast`, `AllOf`, `AnyOf`), serialisable to a JSON-compatible dict, and
is evaluated for many learners at once against any level of `Estimates`.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import numpy as np

from continuum.mastery.estimates import Estimates
from continuum.mastery.evidence import BoolArray, IntArray
from continuum.mastery.status import Status


@dataclass(frozen=True)
class AtLeast:
    """The learner's status on `item` is at least `status`."""

    item: int
    status: Status = Status.PROFICIENT


@dataclass(frozen=True)
class AllOf:
    criteria: tuple[Criterion, ...]


@dataclass(frozen=True)
class AnyOf:
    criteria: tuple[Criterion, ...]


Criterion = AtLeast | AllOf | AnyOf


def criteria_met(criterion: Criterion, estimates: Estimates, learners: IntArray) -> BoolArray:
    """For each of `learners`, whether the tree holds; an item without an estimate fails."""
    if isinstance(criterion, AtLeast):
        hit = (estimates.item == criterion.item) & (estimates.status >= criterion.status)
        return np.isin(learners, estimates.learner[hit])
    parts = [criteria_met(part, estimates, learners) for part in criterion.criteria]
    combine = np.logical_and if isinstance(criterion, AllOf) else np.logical_or
    met: BoolArray = combine.reduce(parts, initial=isinstance(criterion, AllOf))
    return met


def criterion_to_dict(criterion: Criterion) -> dict[str, Any]:
    if isinstance(criterion, AtLeast):
        return {"at_least": criterion.status.name.lower(), "item": criterion.item}
    key = "all_of" if isinstance(criterion, AllOf) else "any_of"
    return {key: [criterion_to_dict(part) for part in criterion.criteria]}


def criterion_from_dict(data: Mapping[str, Any]) -> Criterion:
    if "at_least" in data:
        return AtLeast(item=int(data["item"]), status=Status[str(data["at_least"]).upper()])
    for key, kind in (("all_of", AllOf), ("any_of", AnyOf)):
        if key in data:
            return kind(tuple(criterion_from_dict(part) for part in data[key]))
    raise ValueError(f"a criterion needs 'at_least', 'all_of' or 'any_of', got {sorted(data)}")
