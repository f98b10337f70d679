"""Hypothesis strategies shared by the property tests: scores, parameters, policies,
districts."""

from __future__ import annotations

from datetime import datetime, timedelta

import numpy as np
from hypothesis import strategies as st

from continuum.mastery import (
    METHODS,
    EvidenceColumns,
    EvidenceItem,
    GradingPolicy,
    Kind,
    evidence_columns,
)

TOP = 4.0
"""Top of the 0–4 proficiency scale the generated scores use."""

any_score = st.floats(0.0, TOP, allow_nan=False, allow_infinity=False)
scale_score = st.integers(0, 8).map(lambda half_points: half_points / 2)
score = st.one_of(scale_score, any_score)
scores = st.lists(score, min_size=1, max_size=12)
weight = st.floats(0.01, 5.0, allow_nan=False)


def parameters(method: str) -> st.SearchStrategy[dict[str, float]]:
    """Valid parameters for each method (the empty dict where there are none)."""
    if method in ("weighted_average", "decaying_average"):
        return st.builds(lambda w: {"w": w}, st.floats(0.0, 1.0))
    if method in ("power_law", "best_fit"):
        return st.builds(lambda f: {"floor": f}, st.floats(0.01, 1.0))
    if method in ("median_of_last", "mode_of_last"):
        return st.builds(lambda last: {"last": float(last)}, st.integers(1, 8))
    if method == "n_of_m":
        return st.integers(1, 6).flatmap(
            lambda m: st.builds(
                lambda n, cut: {"n": float(n), "m": float(m), "cut": cut},
                st.integers(1, m),
                scale_score,
            )
        )
    return st.just({})


recent_counts = st.integers(0, 5)
"""A policy's recency window: 0 (all evidence) or the last 1–5 pieces."""


@st.composite
def policies(draw: st.DrawFn) -> GradingPolicy:
    """Any valid grading policy: every method, order, formative weight, minimum evidence
    (never above the recency window) and recency window."""
    method = draw(st.sampled_from(sorted(METHODS)))
    recent = draw(recent_counts)
    return GradingPolicy(
        version=1,
        method=method,
        parameters=draw(parameters(method)),
        order_by=draw(st.sampled_from(["assessed_at", "due_at"])),
        formative_weight=draw(st.sampled_from([0.0, 0.25, 1.0])),
        minimum_evidence=draw(st.integers(1, recent or 5)),
        recent_count=recent,
    )


@st.composite
def districts(draw: st.DrawFn) -> tuple[EvidenceColumns, list[list[float]], list[list[float]]]:
    """Evidence of a few learners on a few targets in shuffled rows, and each group's
    scores and weights in date order (groups listed by learner, then target)."""
    groups = draw(st.lists(st.lists(st.tuples(score, weight), min_size=1, max_size=9), max_size=8))
    learner, target, day, values, weights = [], [], [], [], []
    for g, rows in enumerate(groups):
        for d, (value, w) in enumerate(rows):
            learner.append(g // 3)
            target.append(g % 3)
            day.append(d)
            values.append(value)
            weights.append(w)
    shuffle = draw(st.permutations(range(len(values))))
    columns = evidence_columns(
        learner=np.array(learner, dtype=np.int64)[shuffle],
        target=np.array(target, dtype=np.int64)[shuffle],
        score=np.array(values)[shuffle],
        assessed_at=np.array(day, dtype="datetime64[D]")[shuffle],
        weight=np.array(weights)[shuffle],
    )
    return (
        columns,
        [[value for value, _ in rows] for rows in groups],
        [[w for _, w in rows] for rows in groups],
    )


DAY = datetime(2025, 1, 1)
# Few distinct days, so that ties in the ordering date are common.
dates = st.integers(0, 4).map(lambda days: DAY + timedelta(days=days))
evidence_item = st.builds(
    EvidenceItem,
    score=score,
    assessed_at=dates,
    kind=st.sampled_from(Kind),
    weight=st.sampled_from([0.0, 0.5, 1.0, 2.0]),
    due_at=st.none() | dates,
)


@st.composite
def district_items(
    draw: st.DrawFn,
) -> tuple[EvidenceColumns, dict[tuple[int, int], list[EvidenceItem]]]:
    """Evidence of a few learners on a few targets, of both kinds, some weighing nothing,
    in no particular order: as columns, and as each (learner, target)'s items in the
    columns' row order (which is how ties in the ordering date are broken)."""
    rows = draw(
        st.lists(st.tuples(st.integers(1, 3), st.integers(1, 2), evidence_item), max_size=30)
    )
    by_pair: dict[tuple[int, int], list[EvidenceItem]] = {}
    for learner, target, item in rows:
        by_pair.setdefault((learner, target), []).append(item)
    due = [
        np.datetime64(item.due_at) if item.due_at else np.datetime64("NaT", "s")
        for *_, item in rows
    ]
    columns = evidence_columns(
        learner=np.array([learner for learner, _, _ in rows], dtype=np.int64),
        target=np.array([target for _, target, _ in rows], dtype=np.int64),
        score=np.array([item.score for *_, item in rows], dtype=np.float64),
        assessed_at=np.array([np.datetime64(item.assessed_at) for *_, item in rows], "M8[s]"),
        kind=np.array([item.kind for *_, item in rows], dtype=np.int8),
        weight=np.array([item.weight for *_, item in rows], dtype=np.float64),
        due_at=np.array(due, "M8[s]"),
    )
    return columns, by_pair
