"""Grading policy as data: which method, parameters, order, formative weight, rollup.

The bands that turn levels into statuses belong to each proficiency scale, not to the
policy (``status.scale_bands``): one policy spans scales of different ranges.

A policy is frozen, versioned and round-trips through a JSON-compatible dict, so it can be
stored, diffed, audited and replayed on historical evidence before adoption.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime
from types import MappingProxyType
from typing import Any

from continuum.mastery.estimates import Estimates
from continuum.mastery.evidence import EvidenceColumns, Kind
from continuum.mastery.explain import Explanation, explanation, what_if
from continuum.mastery.methods import estimate_batch, estimate_one, method_parameters
from continuum.mastery.rollups import RollupRule
from continuum.mastery.segments import group
from continuum.mastery.status import ESTIMATE_BANDS, Bands, statuses_by_target

ORDER_BY = ("assessed_at", "due_at")


@dataclass(frozen=True)
class GradingPolicy:
    """Everything that turns evidence into estimates and statuses, for one scope."""

    version: int
    method: str = "decaying_average"
    parameters: Mapping[str, float] = field(default_factory=dict)
    order_by: str = "assessed_at"
    formative_weight: float = 1.0
    rollup: RollupRule = field(default_factory=RollupRule)

    def __post_init__(self) -> None:
        full = method_parameters(self.method, self.parameters)
        object.__setattr__(self, "parameters", MappingProxyType(full))
        if self.order_by not in ORDER_BY:
            raise ValueError(f"order_by must be one of {ORDER_BY}, got {self.order_by!r}")
        if not 0.0 <= self.formative_weight <= 1.0:
            raise ValueError(f"formative_weight must be within [0, 1], got {self.formative_weight}")

    def to_dict(self) -> dict[str, Any]:
        """A JSON-compatible dict that `policy_from_dict` turns back into this policy."""
        return {
            "version": self.version,
            "method": self.method,
            "parameters": dict(self.parameters),
            "order_by": self.order_by,
            "formative_weight": self.formative_weight,
            "rollup": {"name": self.rollup.name, "parameters": dict(self.rollup.parameters)},
        }


def policy_from_dict(data: Mapping[str, Any]) -> GradingPolicy:
    """The policy a `to_dict` output describes; missing optional keys take their defaults."""
    known = {
        "version",
        "method",
        "parameters",
        "order_by",
        "formative_weight",
        "rollup",
    }
    if {"bands", "evidence_bands"} & set(data):
        raise ValueError(
            "a policy has no bands: statuses follow each proficiency scale's levels and cut"
        )
    if set(data) - known:
        raise ValueError(f"unknown policy keys {sorted(set(data) - known)}")
    rollup = data.get("rollup", {})
    return GradingPolicy(
        version=int(data["version"]),
        method=str(data.get("method", "decaying_average")),
        parameters=dict(data.get("parameters", {})),
        order_by=str(data.get("order_by", "assessed_at")),
        formative_weight=float(data.get("formative_weight", 1.0)),
        rollup=RollupRule(str(rollup.get("name", "all_proficient")), rollup.get("parameters", {})),
    )


def policy_estimates(
    policy: GradingPolicy, evidence: EvidenceColumns, bands: Mapping[int, Bands] | None = None
) -> Estimates:
    """Every (learner, target)'s estimate and status under the policy (the batch path).

    ``bands`` holds each target's estimate bands (from its scale); targets not in it use
    the four-level scale's. Pairs whose evidence all has weight 0 under the policy are
    absent: not started.
    """
    segments = group(evidence, order_by=policy.order_by, formative_weight=policy.formative_weight)
    level = estimate_batch(policy.method, segments, policy.parameters)
    status = statuses_by_target(level, segments.target, bands or {}, ESTIMATE_BANDS)
    return Estimates(segments.learner, segments.target, level, status, segments.lengths)


@dataclass(frozen=True)
class EvidenceItem:
    """One piece of evidence of one learner on one target (the incremental path)."""

    score: float
    assessed_at: datetime
    kind: Kind = Kind.SUMMATIVE
    weight: float = 1.0
    due_at: datetime | None = None


@dataclass(frozen=True)
class CountedEvidence:
    """The items a policy counts, in its order: each one's position in the items given,
    its score and its effective weight (kind × formative weight; items that weigh 0 are
    left out)."""

    indices: tuple[int, ...]
    scores: tuple[float, ...]
    weights: tuple[float, ...]


def counted_evidence(policy: GradingPolicy, items: Sequence[EvidenceItem]) -> CountedEvidence:
    """The items the policy counts, in policy order, without the items that weigh 0.

    Ties in the ordering date keep the given order, as the batch path keeps row order.
    """

    def when(index: int) -> datetime:
        item = items[index]
        due = item.due_at if policy.order_by == "due_at" else None
        return item.assessed_at if due is None else due

    indices, scores, weights = [], [], []
    for index in sorted(range(len(items)), key=when):
        item = items[index]
        weight = item.weight * (policy.formative_weight if item.kind == Kind.FORMATIVE else 1.0)
        if weight > 0:
            indices.append(index)
            scores.append(float(item.score))
            weights.append(weight)
    return CountedEvidence(tuple(indices), tuple(scores), tuple(weights))


def policy_explanation(policy: GradingPolicy, items: Sequence[EvidenceItem]) -> Explanation | None:
    """One learner-target's estimate with its contributions in policy order, or None if
    not started. Each contribution's `index` is its item's position in `items`."""
    counted = counted_evidence(policy, items)
    if not counted.scores:
        return None
    explained = explanation(policy.method, counted.scores, counted.weights, policy.parameters)
    contributions = tuple(
        replace(part, index=counted.indices[part.index]) for part in explained.contributions
    )
    return replace(explained, contributions=contributions)


def policy_what_if(
    policy: GradingPolicy, items: Sequence[EvidenceItem], next_item: EvidenceItem
) -> float:
    """The estimate if `next_item` were added as the latest evidence.

    NaN when nothing would count (no evidence yet and the policy gives `next_item` weight 0).
    """
    counted = counted_evidence(policy, items)
    following = counted_evidence(policy, [next_item])
    if following.scores:
        return what_if(
            policy.method,
            counted.scores,
            following.scores[0],
            counted.weights,
            policy.parameters,
            following.weights[0],
        )
    if not counted.scores:
        return math.nan
    return estimate_one(policy.method, counted.scores, counted.weights, policy.parameters)
