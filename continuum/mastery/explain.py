"""Why an estimate is what it is, and what the next score would do to it.

Weighted-sum methods report the exact share each score got (shares sum to 1 and
share × score sums to the estimate). Other methods say which scores counted and how,
without pretending to a weight they do not have.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from continuum.mastery.methods import Params, estimate_one, method_named, method_parameters


@dataclass(frozen=True)
class Contribution:
    """One score's part in an estimate; `attempt` is 1-based in policy order."""

    attempt: int
    score: float
    counted: bool
    share: float | None
    note: str

    @property
    def amount(self) -> float | None:
        """share × score: the part of the estimate this score supplies."""
        return None if self.share is None else self.share * self.score


@dataclass(frozen=True)
class Explanation:
    method: str
    summary: str
    parameters: Mapping[str, float]
    estimate: float
    contributions: tuple[Contribution, ...]


def explanation(
    method: str,
    scores: Sequence[float],
    weights: Sequence[float] | None = None,
    params: Params | None = None,
) -> Explanation:
    """The estimate of one learner-target with every score's contribution."""
    spec = method_named(method)
    full = method_parameters(method, params)
    weights = [1.0] * len(scores) if weights is None else weights
    estimate = estimate_one(method, scores, weights, full)
    if spec.shares is not None:
        shares = spec.shares(scores, weights, full)
        contributions = [
            Contribution(t, float(x), share > 0, share, f"{share:.3f} × {x:g} = {share * x:.3f}")
            for t, (x, share) in enumerate(zip(scores, shares, strict=True), start=1)
        ]
    else:
        assert spec.notes is not None  # every method has shares or notes
        notes = spec.notes(scores, full)
        contributions = [
            Contribution(t, float(x), counted, None, note)
            for t, (x, (counted, note)) in enumerate(zip(scores, notes, strict=True), start=1)
        ]
    return Explanation(method, spec.summary, full, estimate, tuple(contributions))


def what_if(
    method: str,
    scores: Sequence[float],
    next_score: float,
    weights: Sequence[float] | None = None,
    params: Params | None = None,
    next_weight: float = 1.0,
) -> float:
    """The estimate if the next piece of evidence scored `next_score`."""
    weights = [1.0] * len(scores) if weights is None else weights
    return estimate_one(method, [*scores, next_score], [*weights, next_weight], params)
