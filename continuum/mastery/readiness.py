"""Where a learner stands on the prerequisite graph: what is mastered, what is ready to
learn next, and what is almost there.

A target is *ready to learn* when it is not yet mastered and every prerequisite is; a
target with no prerequisites is ready from the start. "Mastered" means proficient or
better (an educator's override counts, as the caller passes shown statuses).

When the learner model's chances are given, the ready targets come most likely first (the
next step is the one the learner is most likely ready for); they never change which
targets are mastered or ready: statuses decide that.
"""

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from continuum.mastery.status import Status


@dataclass(frozen=True)
class Readiness:
    """The learner's targets sorted into the groups the dashboard shows."""

    mastered: frozenset[int]
    ready: tuple[int, ...]
    almost_there: tuple[int, ...]
    blocked: Mapping[int, frozenset[int]]


def prerequisites_of(edges: Iterable[tuple[int, int]]) -> dict[int, frozenset[int]]:
    """``{target: its prerequisites}`` from ``(prerequisite, target)`` edges."""
    found: dict[int, set[int]] = {}
    for before, after in edges:
        found.setdefault(after, set()).add(before)
    return {target: frozenset(before) for target, before in found.items()}


def readiness(
    targets: Iterable[int],
    edges: Iterable[tuple[int, int]],
    statuses: Mapping[int, Status],
    likelihood: Mapping[int, float] | None = None,
) -> Readiness:
    """Sort ``targets`` (in the order given) by the learner's statuses on them; ready
    targets by ``likelihood`` (the learner model's chance of mastery, highest first,
    targets without one last), then in the order given.

    Prerequisites outside ``targets`` still count: they must be mastered too.
    """
    order = list(dict.fromkeys(targets))
    needs = prerequisites_of(edges)
    mastered = frozenset(t for t, s in statuses.items() if s >= Status.PROFICIENT)
    ready, almost, blocked = [], [], {}
    for target in order:
        if target in mastered:
            continue
        missing = needs.get(target, frozenset()) - mastered
        if missing:
            blocked[target] = frozenset(missing)
        else:
            ready.append(target)
        if statuses.get(target) == Status.APPROACHING:
            almost.append(target)
    if likelihood:
        ready.sort(key=lambda target: -likelihood.get(target, -1.0))
    return Readiness(mastered, tuple(ready), tuple(almost), blocked)
