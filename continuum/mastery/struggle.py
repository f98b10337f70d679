"""Targets where many learners struggle, ranked, each with the reason in plain words.

Pure: the caller counts stored estimates (one ``Tally`` per target) and passes them in.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Tally:
    """How the learners assessed on one target stand.

    ``learners`` counts learners with a started estimate; ``attempts`` is a histogram of
    pieces of evidence (attempts) → how many of the struggling learners (not yet or
    approaching) have that many.
    """

    target: int
    learners: int
    not_yet: int
    approaching: int
    attempts: Mapping[int, int] = field(default_factory=dict)


@dataclass(frozen=True)
class Struggle:
    target: int
    learners: int
    not_yet: int
    approaching: int
    median_attempts: float | None

    @property
    def not_yet_share(self) -> float:
        return self.not_yet / self.learners if self.learners else 0.0

    @property
    def reason(self) -> str:
        """E.g. "14 of 24 learners not yet; 5 more approaching; median 3 attempts"."""
        parts = [f"{self.not_yet} of {self.learners} learners not yet"]
        if self.approaching:
            parts.append(f"{self.approaching} more approaching")
        if self.median_attempts is not None:
            parts.append(f"median {self.median_attempts:g} attempts")
        return "; ".join(parts)


def median_of_histogram(histogram: Mapping[int, int]) -> float | None:
    """The median of values given as value → how many times it occurs."""
    total = sum(count for count in histogram.values() if count > 0)
    if total == 0:
        return None
    ordered = sorted((value, count) for value, count in histogram.items() if count > 0)

    def nth(position: int) -> int:
        seen = 0
        for value, count in ordered:
            seen += count
            if position < seen:
                return value
        raise AssertionError("position beyond the histogram")

    middle = total // 2
    if total % 2:
        return float(nth(middle))
    return (nth(middle - 1) + nth(middle)) / 2


def struggling_targets(
    tallies: Iterable[Tally],
    *,
    minimum_share: float = 0.3,
    minimum_learners: int = 3,
    limit: int | None = 10,
) -> list[Struggle]:
    """Targets where at least ``minimum_learners`` learners, and at least
    ``minimum_share`` of those assessed, are not yet proficient (not yet or approaching),
    with at least one not yet.

    Ranked by the share not yet, then the share approaching, then the median attempts
    (more attempts without success is a stronger signal), then the target id, so the order
    never depends on the order of ``tallies``.
    """
    if not 0 <= minimum_share <= 1:
        raise ValueError("minimum_share must be in [0, 1]")
    found = []
    for tally in tallies:
        if tally.learners <= 0 or tally.not_yet <= 0:
            continue
        struggling = tally.not_yet + tally.approaching
        if struggling < minimum_learners or struggling / tally.learners < minimum_share:
            continue
        found.append(
            Struggle(
                target=tally.target,
                learners=tally.learners,
                not_yet=tally.not_yet,
                approaching=tally.approaching,
                median_attempts=median_of_histogram(tally.attempts),
            )
        )
    found.sort(
        key=lambda s: (
            -s.not_yet_share,
            -(s.approaching / s.learners),
            -(s.median_attempts or 0.0),
            s.target,
        )
    )
    return found if limit is None else found[:limit]
