"""Which requirements' rules a set of estimates meets, through the mastery engine's rollup.

A requirement is the parent of its targets and its rule is a ``RollupRule``: the engine
rolls the learners' target estimates up to one estimate per (learner, requirement), and
the rule is met where that estimate is at least proficient, exactly as the engine rolls
targets up to a competency. Who a requirement applies to and which targets its rule
reads are asked of supports (``requirement_learners``, ``requirement_targets``), never
re-derived here.

Reads requirements and who they apply to; writes nothing and reads no estimate: the
estimates are given, so the policy replay can ask "what would be met" under a draft policy.
"""

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

import numpy as np
import numpy.typing as npt

from continuum.frameworks.models import FrameworkItem
from continuum.frameworks.public import bands_of, scales_for
from continuum.mastery import ESTIMATE_BANDS, Bands, Estimates, RollupRule, Status, edges, rollup
from continuum.people.models import Organization, User
from continuum.supports.models import Requirement
from continuum.supports.public import requirement_learners, requirement_rule, requirement_targets

#: (learner id, target id) → (the shown level or None, the shown status).
Levels = Mapping[tuple[int, int], tuple[float | None, Status]]

# Rules whose rolled-up status is banded from a mean level (on the targets' scale).
_BANDED = frozenset({"mean", "weighted_mean"})


@dataclass(frozen=True)
class Applicable:
    """One requirement, the targets its rule reads, and the asked-about learners (ids) it
    applies to."""

    requirement: Requirement
    targets: list[FrameworkItem]
    rule: RollupRule
    learners: frozenset[int]
    bands: Bands = field(default=ESTIMATE_BANDS)

    @property
    def target_ids(self) -> list[int]:
        return [t.pk for t in self.targets]


def _organizations(learners: list[User]) -> set[int]:
    """The learners' schools and those schools' districts: where requirements live."""
    schools = {learner.organization_id for learner in learners if learner.organization_id}
    parents = Organization.objects.filter(pk__in=schools, parent__isnull=False).values_list(
        "parent_id", flat=True
    )
    return schools | set(parents)


def _bands(rule: RollupRule, targets: list[FrameworkItem]) -> Bands:
    if rule.name not in _BANDED:
        return ESTIMATE_BANDS
    return bands_of(scales_for(targets[:1]).get(targets[0].pk)).estimate


def applicable_list(learners: Iterable[User]) -> list[Applicable]:
    """The active requirements of the learners' schools and districts that apply to at
    least one of them and have targets: a few queries per requirement, none per learner."""
    learners = list(learners)
    ids = [learner.pk for learner in learners]
    found = []
    for requirement in Requirement.objects.filter(
        organization_id__in=_organizations(learners), active=True
    ).order_by("due_on", "title", "pk"):
        applies = frozenset(
            requirement_learners(requirement).filter(pk__in=ids).values_list("pk", flat=True)
        )
        if not applies:
            continue
        targets = requirement_targets(requirement)
        if not targets:
            continue
        rule = requirement_rule(requirement)
        found.append(Applicable(requirement, targets, rule, applies, _bands(rule, targets)))
    return found


@dataclass(frozen=True, eq=False)
class LevelColumns:
    """``Levels`` as columns, built once per call and shared by every requirement."""

    learner: npt.NDArray[np.int64]
    target: npt.NDArray[np.int64]
    level: npt.NDArray[np.float64]
    status: npt.NDArray[np.int8]


def level_columns(levels: Levels) -> LevelColumns:
    count = len(levels)
    return LevelColumns(
        learner=np.fromiter((pair[0] for pair in levels), np.int64, count),
        target=np.fromiter((pair[1] for pair in levels), np.int64, count),
        level=np.fromiter(
            (np.nan if level is None else level for level, _ in levels.values()), np.float64, count
        ),
        status=np.fromiter((status for _, status in levels.values()), np.int8, count),
    )


def met_learners(applicable: Applicable, columns: LevelColumns) -> set[int]:
    """The learners (ids) whose estimates meet the requirement's rule: the engine's rollup
    of their target estimates is at least proficient. A target with no level counts as
    not started (the engine's rule: missing work is never a pass)."""
    rows = (
        np.isin(columns.learner, np.fromiter(applicable.learners, np.int64))
        & np.isin(columns.target, np.array(applicable.target_ids, dtype=np.int64))
        & ~np.isnan(columns.level)
    )
    if not rows.any():
        return set()
    children = Estimates(
        learner=columns.learner[rows],
        item=columns.target[rows],
        level=columns.level[rows],
        status=columns.status[rows],
        count=np.ones(int(rows.sum()), dtype=np.int64),
    )
    requirement = applicable.requirement.pk
    tree = edges([requirement] * len(applicable.target_ids), applicable.target_ids)
    rolled = rollup(children, tree, applicable.rule, applicable.bands)
    return {int(pk) for pk in rolled.learner[rolled.met]}


def requirements_met(*, learners: Iterable[User], levels: Levels) -> set[tuple[int, int]]:
    """The (learner id, requirement id) pairs whose rule is met under ``levels``, for the
    requirements that apply to each learner. Nothing is read from stored estimates, so the
    same question can be asked of a draft grading policy's estimates."""
    columns = level_columns(levels)
    return {
        (learner, applicable.requirement.pk)
        for applicable in applicable_list(learners)
        for learner in met_learners(applicable, columns)
    }
