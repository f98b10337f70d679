"""Flexible groups: who could learn together on one target, and whether groups track.

Pure: the caller passes the learners' needs (from stored estimates) and the groups that
were formed; nothing here reads the clock or the database.

``suggested_groups`` puts learners who are *not yet* or *approaching* on the same target
into small groups of similar level. ``tracking_warnings`` is the anti-tracking monitor:
it finds sets of learners who keep landing in the same groups across targets (see
docs/decisions/0007-anti-tracking-overlap.md for the measure and its threshold).
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from itertools import combinations

from continuum.mastery.status import Status

NEEDS = (Status.NOT_YET, Status.APPROACHING)  # the statuses that mean "shares a need here"
_RANK = {status: rank for rank, status in enumerate(NEEDS)}


@dataclass(frozen=True)
class Need:
    """One learner's standing on the target: a status (not yet or approaching) and level."""

    learner: int
    status: Status
    level: float | None = None


@dataclass(frozen=True)
class SuggestedGroup:
    target: int
    learners: tuple[int, ...]
    statuses: tuple[Status, ...]  # the distinct needs in the group, "not yet" first
    lowest: float | None
    highest: float | None


@dataclass(frozen=True)
class Suggestions:
    groups: tuple[SuggestedGroup, ...]
    unplaced: tuple[int, ...]  # learners with the need whom no group of a good size could take


def suggested_groups(
    target: int, needs: Iterable[Need], *, minimum: int = 3, maximum: int = 6
) -> Suggestions:
    """Small groups of learners who share a need on ``target``, each of ``minimum`` to
    ``maximum`` learners, every learner in at most one group.

    Learners are ordered by need (not yet before approaching), then level, then id, and cut
    into contiguous runs of near-equal size, so each group is as alike as possible. When no
    split fits the sizes (say 7 learners, groups of 4–6), the learners nearest proficiency
    are left unplaced rather than making a group too small or too big.
    """
    if not 1 <= minimum <= maximum:
        raise ValueError(
            f"group sizes must satisfy 1 <= minimum <= maximum, not {minimum}–{maximum}"
        )
    seen: dict[int, Need] = {}
    for need in needs:
        if need.status in _RANK:
            seen.setdefault(need.learner, need)
    ordered = sorted(
        seen.values(),
        key=lambda n: (_RANK[n.status], -math.inf if n.level is None else n.level, n.learner),
    )
    sizes = _sizes(len(ordered), minimum, maximum)
    groups, start = [], 0
    for size in sizes:
        members = ordered[start : start + size]
        start += size
        levels = [m.level for m in members if m.level is not None]
        groups.append(
            SuggestedGroup(
                target=target,
                learners=tuple(m.learner for m in members),
                statuses=tuple(s for s in NEEDS if any(m.status == s for m in members)),
                lowest=min(levels) if levels else None,
                highest=max(levels) if levels else None,
            )
        )
    return Suggestions(tuple(groups), tuple(n.learner for n in ordered[start:]))


def _sizes(count: int, minimum: int, maximum: int) -> list[int]:
    """Near-equal group sizes within the bounds that place as many learners as possible."""
    if count < minimum:
        return []
    fewest = math.ceil(count / maximum)
    if count // fewest >= minimum:  # every learner placed, sizes differ by at most one
        return [count // fewest + (1 if i < count % fewest else 0) for i in range(fewest)]
    return [maximum] * (count // minimum)  # no exact fit: full groups, the rest unplaced


@dataclass(frozen=True)
class Grouping:
    """A group as it was formed: which target, when, and who was in it."""

    group: int
    target: int
    learners: frozenset[int]
    formed_on: date


@dataclass(frozen=True)
class TrackingWarning:
    learners: tuple[int, ...]
    targets: tuple[int, ...]  # targets of the groups they all shared
    groups: tuple[int, ...]
    overlap: float  # the smallest pairwise overlap among them


def pair_overlap(first: int, second: int, groupings: Iterable[Grouping]) -> float:
    """Jaccard overlap of the groups two learners were in: groups with both ÷ groups with
    either; 0 when neither was in any group. Symmetric, and always in [0, 1]."""
    both = either = 0
    for grouping in groupings:
        a, b = first in grouping.learners, second in grouping.learners
        both += a and b
        either += a or b
    return both / either if either else 0.0


def tracking_warnings(
    groupings: Iterable[Grouping],
    *,
    since: date | None = None,
    threshold: float = 0.6,
    min_learners: int = 3,
    min_targets: int = 3,
) -> list[TrackingWarning]:
    """Sets of at least ``min_learners`` learners whose every pair overlaps at least
    ``threshold`` (see ``pair_overlap``, over groups formed on or after ``since``) and who
    were all together in groups on at least ``min_targets`` different targets.

    Each set is maximal (no learner can be added), so one warning covers one cluster.
    The result does not depend on the order of ``groupings``; a learner alone, or a pair,
    is never flagged (``min_learners`` is at least 2 and defaults to 3).
    """
    if not 0 < threshold <= 1:
        raise ValueError("threshold must be in (0, 1]")
    if min_learners < 2:
        raise ValueError("a warning needs at least 2 learners")
    window = sorted(
        (g for g in groupings if since is None or g.formed_on >= since), key=lambda g: g.group
    )
    membership: dict[int, set[int]] = {}
    for grouping in window:
        for learner in grouping.learners:
            membership.setdefault(learner, set()).add(grouping.group)
    neighbours: dict[int, set[int]] = {learner: set() for learner in membership}
    for a, b in combinations(sorted(membership), 2):
        if _jaccard(membership[a], membership[b]) >= threshold:
            neighbours[a].add(b)
            neighbours[b].add(a)
    warnings = []
    for clique in _maximal_cliques(neighbours):
        if len(clique) < min_learners:
            continue
        shared = [g for g in window if clique <= g.learners]
        targets = sorted({g.target for g in shared})
        if len(targets) < min_targets:
            continue
        overlap = min(_jaccard(membership[a], membership[b]) for a, b in combinations(clique, 2))
        warnings.append(
            TrackingWarning(
                learners=tuple(sorted(clique)),
                targets=tuple(targets),
                groups=tuple(g.group for g in shared),
                overlap=overlap,
            )
        )
    return sorted(warnings, key=lambda w: (-len(w.learners), w.learners))


def _jaccard(first: set[int], second: set[int]) -> float:
    union = len(first | second)
    return len(first & second) / union if union else 0.0


def _maximal_cliques(neighbours: Mapping[int, set[int]]) -> list[frozenset[int]]:
    """Bron–Kerbosch with pivoting; the overlap graph of one section is small and sparse."""
    found: list[frozenset[int]] = []

    def expand(chosen: set[int], candidates: set[int], excluded: set[int]) -> None:
        if not candidates and not excluded:
            found.append(frozenset(chosen))
            return
        pivot = max(candidates | excluded, key=lambda v: (len(neighbours[v] & candidates), -v))
        for vertex in sorted(candidates - neighbours[pivot]):
            expand(
                chosen | {vertex}, candidates & neighbours[vertex], excluded & neighbours[vertex]
            )
            candidates = candidates - {vertex}
            excluded = excluded | {vertex}

    expand(set(), set(neighbours), set())
    return found
