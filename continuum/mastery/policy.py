"""Grading policy as data: which method, parameters, order, formative weight, how much
evidence confirms proficiency, how much recent evidence counts, and the rollup.

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
from continuum.mastery.status import (
    ESTIMATE_BANDS,
    Bands,
    Status,
    capped_statuses,
    status_of,
    statuses_by_target,
)

ORDER_BY = ("assessed_at", "due_at")


@dataclass(frozen=True)
class GradingPolicy:
    """Everything that turns evidence into estimates and statuses, for one scope.

    `minimum_evidence`: a status above approaching needs at least this many counted pieces
    of evidence behind the estimate (1: no minimum); with fewer, the level is still
    reported but the status stops at approaching. `recent_count`: only the last N counted
    pieces, in policy order, enter the method (0: all of them). A minimum above the
    recency window could never be met, so it is refused; within it, "pieces behind the
    estimate" and "pieces counted in all" fall short of the minimum together.
    """

    version: int
    method: str = "decaying_average"
    parameters: Mapping[str, float] = field(default_factory=dict)
    order_by: str = "assessed_at"
    formative_weight: float = 1.0
    rollup: RollupRule = field(default_factory=RollupRule)
    minimum_evidence: int = 1
    recent_count: int = 0

    def __post_init__(self) -> None:
        full = method_parameters(self.method, self.parameters)
        object.__setattr__(self, "parameters", MappingProxyType(full))
        if self.order_by not in ORDER_BY:
            raise ValueError(f"order_by must be one of {ORDER_BY}, got {self.order_by!r}")
        if not 0.0 <= self.formative_weight <= 1.0:
            raise ValueError(f"formative_weight must be within [0, 1], got {self.formative_weight}")
        minimum = _whole_number("minimum_evidence", self.minimum_evidence, least=1)
        recent = _whole_number("recent_count", self.recent_count, least=0)
        if recent and minimum > recent:
            raise ValueError(
                f"minimum_evidence ({minimum}) cannot exceed recent_count ({recent}): an "
                f"estimate from the last {recent} pieces could never reach the minimum"
            )
        object.__setattr__(self, "minimum_evidence", minimum)
        object.__setattr__(self, "recent_count", recent)

    def to_dict(self) -> dict[str, Any]:
        """A JSON-compatible dict that `policy_from_dict` turns back into this policy."""
        return {
            "version": self.version,
            "method": self.method,
            "parameters": dict(self.parameters),
            "order_by": self.order_by,
            "formative_weight": self.formative_weight,
            "rollup": {"name": self.rollup.name, "parameters": dict(self.rollup.parameters)},
            "minimum_evidence": self.minimum_evidence,
            "recent_count": self.recent_count,
        }


def _whole_number(name: str, value: object, *, least: int) -> int:
    """`value` as an int if it is a whole number (2, or 2.0 as JSON may give it) of at
    least `least`; a ValueError naming the field otherwise."""
    number: int | None = None
    if isinstance(value, int) and not isinstance(value, bool):
        number = value
    elif isinstance(value, float) and value.is_integer():
        number = int(value)
    if number is None or number < least:
        raise ValueError(f"{name} must be a whole number of at least {least}, got {value!r}")
    return number


def policy_from_dict(data: Mapping[str, Any]) -> GradingPolicy:
    """The policy a `to_dict` output describes; missing optional keys take their defaults."""
    known = {
        "version",
        "method",
        "parameters",
        "order_by",
        "formative_weight",
        "rollup",
        "minimum_evidence",
        "recent_count",
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
        minimum_evidence=data.get("minimum_evidence", 1),
        recent_count=data.get("recent_count", 0),
    )


def policy_estimates(
    policy: GradingPolicy, evidence: EvidenceColumns, bands: Mapping[int, Bands] | None = None
) -> Estimates:
    """Every (learner, target)'s estimate and status under the policy (the batch path).

    ``bands`` holds each target's estimate bands (from its scale); targets not in it use
    the four-level scale's. Pairs whose evidence all has weight 0 under the policy are
    absent: not started. `count` is the number of pieces behind each estimate (after
    recency), and statuses are capped for want of evidence as `policy_status` caps one.
    """
    segments = group(
        evidence,
        order_by=policy.order_by,
        formative_weight=policy.formative_weight,
        recent_count=policy.recent_count,
    )
    level = estimate_batch(policy.method, segments, policy.parameters)
    status = statuses_by_target(level, segments.target, bands or {}, ESTIMATE_BANDS)
    status = capped_statuses(status, segments.lengths, policy.minimum_evidence)
    return Estimates(segments.learner, segments.target, level, status, segments.lengths)


def policy_status(policy: GradingPolicy, level: float | None, count: int, bands: Bands) -> Status:
    """The status of one estimate resting on `count` counted pieces of evidence (the
    incremental twin of the statuses `policy_estimates` gives).

    For an explanation, `count` is ``len(explained.contributions)``; for a what-if,
    `policy_what_if_status` works it out.
    """
    status = status_of(level, bands)
    if count < policy.minimum_evidence and status > Status.APPROACHING:
        return Status.APPROACHING
    return status


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
    left out). `left_out` holds the positions of counted items older than the policy's
    recency window, oldest first; they are not in the other fields."""

    indices: tuple[int, ...]
    scores: tuple[float, ...]
    weights: tuple[float, ...]
    left_out: tuple[int, ...] = ()


def counted_evidence(policy: GradingPolicy, items: Sequence[EvidenceItem]) -> CountedEvidence:
    """The items the policy counts, in policy order, without the items that weigh 0 and
    without those older than the last `recent_count`.

    Ties in the ordering date keep the given order, as the batch path keeps row order.
    """
    every = _every_counted(policy, items)
    older = len(every.indices) - policy.recent_count if policy.recent_count else 0
    if older <= 0:
        return every
    return CountedEvidence(
        every.indices[older:], every.scores[older:], every.weights[older:], every.indices[:older]
    )


def _every_counted(policy: GradingPolicy, items: Sequence[EvidenceItem]) -> CountedEvidence:
    """`counted_evidence` before the recency window is applied."""

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
    not started. Each contribution's `index` (and each of `left_out`) is its item's
    position in `items`; `more_needed` says how far the evidence is from the minimum."""
    counted = counted_evidence(policy, items)
    if not counted.scores:
        return None
    explained = explanation(policy.method, counted.scores, counted.weights, policy.parameters)
    contributions = tuple(
        replace(part, index=counted.indices[part.index]) for part in explained.contributions
    )
    return replace(
        explained,
        contributions=contributions,
        left_out=counted.left_out,
        more_needed=max(0, policy.minimum_evidence - len(counted.scores)),
    )


def policy_what_if(
    policy: GradingPolicy, items: Sequence[EvidenceItem], next_item: EvidenceItem
) -> float:
    """The estimate if `next_item` were added as the latest evidence (the recency window
    then moves on by one).

    NaN when nothing would count (no evidence yet and the policy gives `next_item` weight 0).
    """
    return _what_if(policy, items, next_item)[0]


def policy_what_if_status(
    policy: GradingPolicy, items: Sequence[EvidenceItem], next_item: EvidenceItem, bands: Bands
) -> tuple[float, Status]:
    """`policy_what_if` and the status it would have, minimum evidence included (the
    next item adds to the count only if the policy counts it)."""
    level, count = _what_if(policy, items, next_item)
    return level, policy_status(policy, level, count, bands)


def _what_if(
    policy: GradingPolicy, items: Sequence[EvidenceItem], next_item: EvidenceItem
) -> tuple[float, int]:
    """The what-if estimate and how many pieces it would rest on."""
    following = counted_evidence(policy, [next_item])
    if not following.scores:
        counted = counted_evidence(policy, items)
        if not counted.scores:
            return math.nan, 0
        level = estimate_one(policy.method, counted.scores, counted.weights, policy.parameters)
        return level, len(counted.scores)
    every = _every_counted(policy, items)
    keep = len(every.scores) if policy.recent_count == 0 else policy.recent_count - 1
    earlier = max(0, len(every.scores) - keep)
    level = what_if(
        policy.method,
        every.scores[earlier:],
        following.scores[0],
        every.weights[earlier:],
        policy.parameters,
        following.weights[0],
    )
    return level, len(every.scores) - earlier + 1
