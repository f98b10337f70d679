"""Hypothesis strategies shared by the property tests: scores, parameters, districts."""

from __future__ import annotations

import numpy as np
from hypothesis import strategies as st

from continuum.mastery import EvidenceColumns, evidence_columns

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
