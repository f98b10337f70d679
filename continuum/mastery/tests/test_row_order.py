"""The packed-key sort gives exactly the order of a stable sort, on each of its paths."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from continuum.mastery.row_order import row_order

# (largest learner id, largest target id, date span in seconds) chosen so that 1,000 rows
# take each path: everything packs with the row number; two sorts, by (learner, target, row)
# then by (group, date, rank); neither fits, but (learner, target, date) does (an argsort
# whose ties are re-ordered); nothing fits (lexsort).
PATHS = {
    "unique key": (500, 200, 300 * 86_400),
    "two sorts": (2**25, 2**10, 2**22),
    "argsort with ties": (2**45, 2**10, 40),
    "lexsort": (2**50, 2**10, 2**22),
}
ROW_BITS = (1000 - 1).bit_length()


def bits(path: str) -> tuple[int, int, int]:
    learners, targets, span = PATHS[path]
    return learners.bit_length(), targets.bit_length(), span.bit_length()


def test_the_cases_below_take_the_path_they_are_named_for() -> None:
    learner, target, date = bits("unique key")
    assert learner + target + date + ROW_BITS <= 63
    learner, target, date = bits("two sorts")
    assert learner + target + ROW_BITS <= 63 < learner + target + date + ROW_BITS
    learner, target, date = bits("argsort with ties")
    assert learner + target + date <= 63 < learner + target + ROW_BITS
    learner, target, date = bits("lexsort")
    assert min(learner + target + date, learner + target + ROW_BITS) > 63


def stable_order(learner: np.ndarray, target: np.ndarray, date: np.ndarray) -> np.ndarray:
    return np.lexsort((np.arange(learner.shape[0]), date, target, learner))


@pytest.mark.parametrize("path", sorted(PATHS))
@settings(deadline=None)  # a loaded CI machine once took 2 s for one example; speed is bench/'s job
@given(seed=st.integers(0, 2**32 - 1))
def test_it_sorts_like_a_stable_sort_with_ties_in_row_order(path: str, seed: int) -> None:
    learners, targets, span = PATHS[path]
    rng = np.random.default_rng(seed)
    rows = 1000
    # Few distinct values of each column, so that many rows tie on all three.
    learner = rng.choice([0, 1, learners], size=rows)
    target = rng.choice([0, 1, targets], size=rows)
    date = 1_700_000_000 + rng.choice([0, 1, span], size=rows)
    grouped = row_order(learner, target, date)
    expected = stable_order(learner, target, date)
    assert grouped.order.tolist() == expected.tolist()
    pairs = list(zip(learner[expected].tolist(), target[expected].tolist(), strict=True))
    starts = [i for i, pair in enumerate(pairs) if i == 0 or pair != pairs[i - 1]]
    assert grouped.starts.tolist() == starts
    assert grouped.learner.tolist() == [pairs[i][0] for i in starts]
    assert grouped.target.tolist() == [pairs[i][1] for i in starts]
    assert grouped.group.tolist() == np.cumsum(np.isin(np.arange(rows), starts[1:])).tolist()


def test_dates_on_a_common_step_pack_into_few_bits() -> None:
    # Midnights 300 days apart with 10 M rows would not fit as seconds; as days they do.
    learner = np.array([2, 1, 2, 1])
    target = np.array([0, 0, 0, 0])
    date = np.array([3, 1, 1, 2]) * 86_400 + 1_700_000_000
    grouped = row_order(learner, target, date)
    assert grouped.order.tolist() == [1, 3, 2, 0]
    assert grouped.starts.tolist() == [0, 2]
    assert grouped.learner.tolist() == [1, 2]


def test_it_takes_no_rows() -> None:
    empty = np.zeros(0, np.int64)
    assert all(column.shape == (0,) for column in row_order(empty, empty, empty))


def test_rows_tied_on_everything_keep_their_order() -> None:
    grouped = row_order(np.array([7, 7]), np.array([3, 3]), np.array([5, 5]))
    assert grouped.order.tolist() == [0, 1]
    assert (grouped.starts.tolist(), grouped.learner.tolist(), grouped.target.tolist()) == (
        [0],
        [7],
        [3],
    )
