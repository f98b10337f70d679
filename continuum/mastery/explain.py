"""Why an estimate is what it is, and what the next score would do to it.

Weighted-sum methods report the exact share each score got (shares sum to 1 and
share × score sums to the estimate). Other methods say which scores counted and how,
without pretending to a weight they do not have.

Each contribution names the input it came from (`index`), so a caller pairs it with its
own record (a row, a piece of evidence) without repeating the policy's order or weights.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from continuum.mastery.methods import Params, estimate_one, method_named, method_parameters


@dataclass(frozen=True)
class Contribution:
    """One score's part in an estimate.

    `attempt` is 1-based in policy order; `index` is the 0-based position, in the sequence
    the caller passed in, of the score (or item) it came from; `weight` is the weight the
    method was given for it (after the policy's formative weight).
    """

    attempt: int
    index: int
    score: float
    weight: float
    counted: bool
    share: float | None
    note: str

    @property
    def amount(self) -> float | None:
        """share × score: the part of the estimate this score supplies."""
        return None if self.share is None else self.share * self.score


@dataclass(frozen=True)
class Explanation:
    """An estimate and the part each counted score played in it.

    Under a grading policy (`policy_explanation`), `left_out` lists the positions of counted
    evidence older than the policy's recency window (oldest first; they have no
    contribution), and `more_needed` is how many more counted pieces the policy's minimum
    evidence asks for before the status may be proficient or advanced (0: enough).
    """

    method: str
    summary: str
    parameters: Mapping[str, float]
    estimate: float
    contributions: tuple[Contribution, ...]
    left_out: tuple[int, ...] = ()
    more_needed: int = 0


def explanation(
    method: str,
    scores: Sequence[float],
    weights: Sequence[float] | None = None,
    params: Params | None = None,
) -> Explanation:
    """The estimate of one learner-target with every score's contribution, in the order
    given (each contribution's `index` is its score's position in `scores`)."""
    spec = method_named(method)
    full = method_parameters(method, params)
    weights = [1.0] * len(scores) if weights is None else weights
    estimate = estimate_one(method, scores, weights, full)
    parts: list[tuple[bool, float | None, str]]
    if spec.shares is not None:
        parts = [
            (share > 0, share, f"{share:.3f} × {x:g} = {share * x:.3f}")
            for x, share in zip(scores, spec.shares(scores, weights, full), strict=True)
        ]
    else:
        assert spec.notes is not None  # every method has shares or notes
        parts = [(counted, None, note) for counted, note in spec.notes(scores, full)]
    contributions = tuple(
        Contribution(t + 1, t, float(x), float(w), counted, share, note)
        for t, (x, w, (counted, share, note)) in enumerate(zip(scores, weights, parts, strict=True))
    )
    return Explanation(method, spec.summary, full, estimate, contributions)


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
