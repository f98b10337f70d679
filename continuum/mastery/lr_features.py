"""What the logistic learner model knows about each response before it is given.

A response log lists one row per (response, skill): an item tagged with two skills appears
twice in a row, with the same answer. Counting those rows as two responses would let the
second copy "see" the first one's answer, so rows are first grouped into responses.

Every feature is computed from the learner's earlier responses only (their order in the
log is the promise of time order), so the same features serve fitting and predicting:

* the item (its difficulty), where items are known, and each skill the response practises;
* per skill practised: right and wrong answers so far on it (log 1 + n), the last answer on
  it, whether it is the first time, and the run of right answers since the last wrong one;
* overall: right and wrong answers so far, the last answer, and right and wrong among the
  last `RECENT` responses; on the item: earlier right and wrong attempts at it.

These are the PFA / Best-LR families' features (Pavlik et al. 2009; Gervet et al. 2020) with
recency in place of clock time, which the shared logs do not carry.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import scipy.sparse as sp

from continuum.mastery.bkt_layout import FloatArray, IntArray

RECENT = 10  # responses in the "recent" window
NO_ITEM = -1

# Per-skill columns, in this order within each skill's block.
SKILL_COLUMNS = ("practised", "right so far", "wrong so far", "last right", "first time", "run")
# Columns shared by all responses.
OVERALL_COLUMNS = (
    "intercept",
    "right so far, all skills",
    "wrong so far, all skills",
    "last answer right, any skill",
    "first response",
    "right among recent",
    "wrong among recent",
    "right attempts at this item",
    "wrong attempts at this item",
)


@dataclass(frozen=True, eq=False)
class Features:
    """One row of `matrix` per response; `response_of_row[i]` is the response of log row i."""

    matrix: sp.csr_matrix
    correct: FloatArray  # per response
    response_of_row: IntArray
    n_skills: int
    n_items: int

    def column_name(self, column: int) -> tuple[str, int | None]:
        """(what the column measures, the skill or item it is about, if any)."""
        if column < len(OVERALL_COLUMNS):
            return OVERALL_COLUMNS[column], None
        column -= len(OVERALL_COLUMNS)
        if column < self.n_skills * len(SKILL_COLUMNS):
            skill, kind = divmod(column, len(SKILL_COLUMNS))
            return SKILL_COLUMNS[kind], skill
        return "item", column - self.n_skills * len(SKILL_COLUMNS)


def response_features(
    learner: IntArray,
    skill: IntArray,
    correct: IntArray,
    *,
    item: IntArray | None = None,
    n_skills: int,
    n_items: int = 0,
) -> Features:
    """The features of every response of a log (codes are non-negative integers; `item`
    is None or NO_ITEM where items are unknown)."""
    y_rows = np.asarray(correct, dtype=np.float64)
    size = y_rows.shape[0]
    items = np.full(size, NO_ITEM, dtype=np.int64) if item is None else np.asarray(item)
    first_row = _first_rows(learner, skill, items, y_rows)
    response_of_row = np.cumsum(first_row) - 1
    n = int(response_of_row[-1]) + 1 if size else 0
    who, what, y = learner[first_row], items[first_row], y_rows[first_row]

    on_skill = _per_key(y_rows, learner, skill)
    overall = _per_key(y, who)
    recent_right, recent_wrong = _recent(y, who)
    known_item = what != NO_ITEM
    at_item = _per_key(y, who, np.where(known_item, what, 0))
    shared = np.column_stack(
        [
            np.ones(n),
            np.log1p(overall.right),
            np.log1p(overall.wrong),
            overall.last,
            overall.first,
            np.log1p(recent_right),
            np.log1p(recent_wrong),
            np.where(known_item, np.log1p(at_item.right), 0.0),
            np.where(known_item, np.log1p(at_item.wrong), 0.0),
        ]
    )
    per_skill = np.column_stack(
        [
            np.ones(size),
            np.log1p(on_skill.right),
            np.log1p(on_skill.wrong),
            on_skill.last,
            on_skill.first,
            np.log1p(on_skill.run),
        ]
    )
    width = len(SKILL_COLUMNS)
    skill_block = sp.csr_matrix(  # a response's rows for several skills add up in its row
        (
            per_skill.ravel(),
            (
                np.repeat(response_of_row, width),
                (skill[:, None] * width + np.arange(width)).ravel(),
            ),
        ),
        shape=(n, n_skills * width),
    )
    rows = np.flatnonzero(known_item)
    item_block = sp.csr_matrix((np.ones(rows.size), (rows, what[rows])), shape=(n, n_items))
    matrix = sp.hstack([sp.csr_matrix(shared), skill_block, item_block], format="csr")
    return Features(
        matrix=matrix,
        correct=y,
        response_of_row=response_of_row,
        n_skills=n_skills,
        n_items=n_items,
    )


def _first_rows(learner: IntArray, skill: IntArray, item: IntArray, y: FloatArray) -> np.ndarray:
    """False for a row repeating the previous row's response under another skill."""
    first = np.ones(y.shape[0], dtype=np.bool_)
    first[1:] = ~(
        (learner[1:] == learner[:-1])
        & (item[1:] == item[:-1])
        & (item[1:] != NO_ITEM)
        & (y[1:] == y[:-1])
        & (skill[1:] != skill[:-1])
    )
    return first


@dataclass(frozen=True)
class _Counts:
    right: FloatArray  # earlier right answers with the same key
    wrong: FloatArray
    last: FloatArray  # the previous answer with the key: 1, 0, or 0.5 if none
    first: FloatArray  # 1 if there is none
    run: FloatArray  # right answers since the last wrong one


def _per_key(y: FloatArray, *keys: IntArray) -> _Counts:
    """Counts over earlier rows that share every key, rows in their given order."""
    order = np.lexsort(keys[::-1]) if len(keys) > 1 else np.argsort(keys[0], kind="stable")
    v = y[order]
    index = np.arange(v.size)
    same = np.ones(max(v.size - 1, 0), dtype=np.bool_)
    for key in keys:
        k = key[order]
        same &= k[1:] == k[:-1]
    new_group = np.concatenate([np.ones(min(v.size, 1), dtype=np.bool_), ~same])
    group_start = np.flatnonzero(new_group)[np.cumsum(new_group) - 1]
    cumulative = np.concatenate([[0.0], np.cumsum(v)])
    right = cumulative[index] - cumulative[group_start]
    wrong = (index - group_start) - right
    previous = np.concatenate([[0.5], v[:-1]]) if v.size else v
    last = np.where(new_group, 0.5, previous)
    # Right answers since the last wrong one (within the group): sum from the row after it.
    wrong_at = np.where(v == 0, index, -1)
    last_wrong = np.maximum.accumulate(np.concatenate([[-1], wrong_at[:-1]])) if v.size else index
    run = cumulative[index] - cumulative[np.maximum(last_wrong + 1, group_start)]
    out = np.empty((5, v.size))
    out[:, order] = np.stack([right, wrong, last, new_group.astype(np.float64), run])
    return _Counts(*out)


def _recent(y: FloatArray, learner: IntArray) -> tuple[FloatArray, FloatArray]:
    """Right and wrong answers among each learner's previous `RECENT` responses."""
    order = np.argsort(learner, kind="stable")
    v = y[order]
    group = np.cumsum(np.diff(learner[order], prepend=-1) != 0) - 1
    start = np.flatnonzero(np.diff(group, prepend=-1))[group]
    cumulative = np.concatenate([[0.0], np.cumsum(v)])
    index = np.arange(v.size)
    begin = np.maximum(index - RECENT, start)
    right = cumulative[index] - cumulative[begin]
    wrong = (index - begin) - right
    out = np.empty((2, v.size))
    out[:, order] = np.stack([right, wrong])
    return out[0], out[1]
