"""Rollups from targets to competencies to requirements, for every learner at once.

Ada (learner 1) is proficient on every algebra target; Ben (learner 2) is advanced on two
and not yet on the third; Cy (learner 3) has evidence on one algebra target only.
"""

from __future__ import annotations

import math

import numpy as np
import pytest

from continuum.mastery import (
    Estimates,
    RollupRule,
    Status,
    edges,
    rollup,
    statuses,
)
from continuum.mastery.status import ESTIMATE_BANDS

ALGEBRA, GEOMETRY = 100, 200
ADA, BEN, CY = 1, 2, 3
TREE = edges(parent=[ALGEBRA, ALGEBRA, ALGEBRA, GEOMETRY], child=[11, 12, 13, 21])


def estimates(rows: list[tuple[int, int, float]]) -> Estimates:
    learner, item, level = (np.array(column) for column in zip(*rows, strict=True))
    return Estimates(
        learner.astype(np.int64),
        item.astype(np.int64),
        level.astype(np.float64),
        statuses(level.astype(np.float64), ESTIMATE_BANDS),
        np.ones(len(rows), np.int64),
    )


TARGETS = estimates(
    [
        (ADA, 11, 3.0), (ADA, 12, 3.2), (ADA, 13, 3.4), (ADA, 21, 2.0),
        (BEN, 11, 4.0), (BEN, 12, 3.8), (BEN, 13, 2.0),
        (CY, 12, 4.0),
    ]
)  # fmt: skip


def by_learner(result: Estimates, parent: int) -> dict[int, tuple[float, int]]:
    rows = np.flatnonzero(result.item == parent)
    return {int(result.learner[r]): (float(result.level[r]), int(result.status[r])) for r in rows}


def test_all_proficient_needs_every_target_and_reports_the_weakest() -> None:
    algebra = by_learner(rollup(TARGETS, TREE, RollupRule("all_proficient")), ALGEBRA)
    assert algebra[ADA] == (3.0, Status.PROFICIENT)
    assert algebra[BEN] == (2.0, Status.NOT_YET)
    assert math.isnan(algebra[CY][0])
    assert algebra[CY][1] == Status.NOT_STARTED


def test_mean_bands_the_average_of_the_targets_with_evidence() -> None:
    algebra = by_learner(rollup(TARGETS, TREE, RollupRule("mean")), ALGEBRA)
    assert algebra[ADA][0] == pytest.approx(3.2)
    assert algebra[BEN][0] == pytest.approx(9.8 / 3)
    assert algebra[BEN][1] == Status.PROFICIENT
    assert algebra[CY] == (4.0, Status.ADVANCED)


def test_weighted_mean_uses_the_edge_weights() -> None:
    tree = edges(parent=[ALGEBRA] * 3, child=[11, 12, 13], weight=[1, 1, 2])
    algebra = by_learner(rollup(TARGETS, tree, RollupRule("weighted_mean")), ALGEBRA)
    assert algebra[BEN][0] == pytest.approx((4.0 + 3.8 + 4.0) / 4)


def test_points_need_enough_points_and_every_required_target() -> None:
    tree = edges(parent=[ALGEBRA] * 3, child=[11, 12, 13], weight=[2, 1, 1], required=[0, 0, 1])
    rule = RollupRule("points", {"points": 3})
    algebra = by_learner(rollup(TARGETS, tree, rule), ALGEBRA)
    assert algebra[ADA] == (4.0, Status.PROFICIENT)
    assert algebra[BEN] == (3.0, Status.NOT_YET)  # enough points, but 13 is required


def test_the_80_100_rule_needs_80_percent_proficient_and_none_below_2() -> None:
    tree = edges(parent=[ALGEBRA] * 5, child=[11, 12, 13, 14, 15])
    rows = [(ADA, t, 3.0) for t in (11, 12, 13, 14)] + [(ADA, 15, 2.0)]
    rows += [(BEN, t, 3.0) for t in (11, 12, 13, 14)] + [(BEN, 15, 1.5)]
    rows += [(CY, t, 3.0) for t in (11, 12, 13, 14)]
    rule = RollupRule("share_proficient", {"share": 0.8, "floor": 2.0})
    algebra = by_learner(rollup(estimates(rows), tree, rule), ALGEBRA)
    assert algebra[ADA] == (0.8, Status.PROFICIENT)
    assert algebra[BEN] == (0.8, Status.NOT_YET)  # one target below level 2
    assert algebra[CY] == (0.8, Status.NOT_YET)  # a target without evidence is below 2


def test_rollups_chain_from_competencies_to_a_requirement() -> None:
    competencies = rollup(TARGETS, TREE, RollupRule("mean"))
    requirement = edges(parent=[1, 1], child=[ALGEBRA, GEOMETRY])
    diploma = by_learner(rollup(competencies, requirement, RollupRule("all_proficient")), 1)
    assert diploma[ADA] == (2.0, Status.NOT_YET)  # geometry 2.0 holds Ada back
    assert diploma[BEN][1] == Status.NOT_STARTED  # no geometry evidence yet


def test_an_unknown_rule_or_parameter_is_refused() -> None:
    with pytest.raises(ValueError, match="unknown rollup rule"):
        RollupRule("majority")
    with pytest.raises(ValueError, match="takes \\['floor', 'share'\\]"):
        RollupRule("share_proficient", {"percent": 80})
