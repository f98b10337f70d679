"""Rollups up the framework tree: targets → competency → requirement.

Each rule turns the estimates of an item's children into one estimate for the item, for
every learner at once (children are joined to parents through `Edges`, then reduced per
(learner, parent) segment). The output is again `Estimates`, so rollups chain.
A child without an estimate counts as not started: missing work is never a zero, and it
is never a pass either.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType

import numpy as np
import numpy.typing as npt

from continuum.mastery.estimates import Estimates
from continuum.mastery.evidence import BoolArray, FloatArray, IntArray
from continuum.mastery.status import ESTIMATE_BANDS, Bands, Status, statuses

RULES: Mapping[str, Mapping[str, float]] = MappingProxyType(
    {
        "all_proficient": {},
        "mean": {},
        "weighted_mean": {},
        "points": {"points": 1.0},
        "share_proficient": {"share": 0.8, "floor": 2.0},
    }
)
"""Rollup rules and their default parameters.

- all_proficient: every child at least proficient; level and status are the weakest child's.
- mean / weighted_mean: the (edge-weighted) mean of the children's levels, banded.
- points: each proficient child earns its edge weight; met with at least `points` points
  and every required child proficient.
- share_proficient: at least `share` of the children proficient and none below level
  `floor` (the 80/100 rule: share 0.8, floor 2).
"""


@dataclass(frozen=True)
class RollupRule:
    """A rule name from `RULES` and its parameters (defaults filled in)."""

    name: str = "all_proficient"
    parameters: Mapping[str, float] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if self.name not in RULES:
            raise ValueError(f"unknown rollup rule {self.name!r}; choose one of {sorted(RULES)}")
        unknown = set(self.parameters) - set(RULES[self.name])
        if unknown:
            raise ValueError(f"{self.name} takes {sorted(RULES[self.name])}, not {sorted(unknown)}")
        merged = {**RULES[self.name], **{k: float(v) for k, v in self.parameters.items()}}
        object.__setattr__(self, "parameters", MappingProxyType(merged))


@dataclass(frozen=True, eq=False)
class Edges:
    """Parent → child links of the framework tree with each link's weight and whether the
    child is required."""

    parent: IntArray
    child: IntArray
    weight: FloatArray
    required: BoolArray

    def __post_init__(self) -> None:
        if (
            len(
                {
                    np.shape(self.parent),
                    np.shape(self.child),
                    np.shape(self.weight),
                    np.shape(self.required),
                }
            )
            != 1
        ):
            raise ValueError("edge columns must have equal lengths")


def edges(
    parent: npt.ArrayLike,
    child: npt.ArrayLike,
    weight: npt.ArrayLike | None = None,
    required: npt.ArrayLike | None = None,
) -> Edges:
    """Edges with weight 1 and nothing required unless given."""
    parents = np.asarray(parent, dtype=np.int64)
    n = parents.shape[0]
    return Edges(
        parent=parents,
        child=np.asarray(child, dtype=np.int64),
        weight=np.ones(n) if weight is None else np.asarray(weight, dtype=np.float64),
        required=np.zeros(n, bool) if required is None else np.asarray(required, dtype=bool),
    )


def rollup(
    children: Estimates, tree: Edges, rule: RollupRule, bands: Bands = ESTIMATE_BANDS
) -> Estimates:
    """One estimate per (learner, parent) for learners with evidence under that parent."""
    joined = _join(children, tree)
    starts = _segment_starts(joined.learner, joined.parent)
    if starts.size == 0:
        empty = np.zeros(0, np.int64)
        return Estimates(empty, empty, np.zeros(0), np.zeros(0, np.int8), empty)
    parent = joined.parent[starts]
    count = np.diff(np.append(starts, joined.parent.shape[0]))
    proficient = joined.status >= Status.PROFICIENT
    every = np.bincount(tree.parent - tree.parent.min())[parent - tree.parent.min()]
    complete = count == every
    params = rule.parameters

    def total(values: npt.NDArray[np.generic]) -> FloatArray:
        return np.add.reduceat(values.astype(np.float64), starts)

    if rule.name == "all_proficient":
        level = np.where(complete, np.minimum.reduceat(joined.level, starts), np.nan)
        status = np.where(complete, np.minimum.reduceat(joined.status, starts), Status.NOT_STARTED)
        return Estimates(joined.learner[starts], parent, level, status.astype(np.int8), count)
    if rule.name in ("mean", "weighted_mean"):
        weight = joined.weight if rule.name == "weighted_mean" else np.ones_like(joined.weight)
        level = total(joined.level * weight) / total(weight)
        return Estimates(joined.learner[starts], parent, level, statuses(level, bands), count)
    if rule.name == "points":
        level = total(joined.weight * proficient)
        needed = np.bincount(tree.parent - tree.parent.min(), weights=tree.required)
        required_met = total(joined.required & proficient) == needed[parent - tree.parent.min()]
        met = (level >= params["points"]) & required_met
    else:
        level = total(proficient) / every
        lowest = np.minimum.reduceat(joined.level, starts)
        met = (level >= params["share"]) & complete & (lowest >= params["floor"])
    status = np.where(met, Status.PROFICIENT, Status.NOT_YET).astype(np.int8)
    return Estimates(joined.learner[starts], parent, level, status, count)


@dataclass(frozen=True, eq=False)
class _Joined:
    learner: IntArray
    parent: IntArray
    level: FloatArray
    status: npt.NDArray[np.int8]
    weight: FloatArray
    required: BoolArray


def _join(children: Estimates, tree: Edges) -> _Joined:
    """Every child estimate once per edge above it, sorted by (learner, parent)."""
    has_level = ~np.isnan(children.level)
    by_child = np.argsort(tree.child, kind="stable")
    sorted_child = tree.child[by_child]
    first = np.searchsorted(sorted_child, children.item, side="left")
    degree = np.where(has_level, np.searchsorted(sorted_child, children.item, "right") - first, 0)
    row = np.repeat(np.arange(len(children)), degree)
    offset = np.arange(row.shape[0]) - np.repeat(np.cumsum(degree) - degree, degree)
    edge = by_child[first[row] + offset]
    order = np.lexsort((tree.parent[edge], children.learner[row]))
    row, edge = row[order], edge[order]
    return _Joined(
        learner=children.learner[row],
        parent=tree.parent[edge],
        level=children.level[row],
        status=children.status[row],
        weight=tree.weight[edge],
        required=tree.required[edge],
    )


def _segment_starts(learner: IntArray, parent: IntArray) -> IntArray:
    new = np.ones(learner.shape[0], dtype=bool)
    new[1:] = (learner[1:] != learner[:-1]) | (parent[1:] != parent[:-1])
    return np.flatnonzero(new)
