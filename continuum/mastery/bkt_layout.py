"""Responses grouped into (learner, target) sequences: the ragged layout BKT runs on.

Rows keep their given order within a sequence (time order is the caller's promise).
Sequences are sorted by target, so each target's sequences are contiguous.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

IntArray = npt.NDArray[np.int64]
FloatArray = npt.NDArray[np.float64]
BoolArray = npt.NDArray[np.bool_]

_RADIX_LIMIT = 1 << 16


@dataclass(frozen=True, eq=False)
class Sequences:
    """Row `order[starts[s] + t]` is response t of sequence s, on target `target[s]`."""

    order: IntArray
    starts: IntArray
    lengths: IntArray
    target: IntArray


def sequences_of(learner: IntArray, target: IntArray, n_targets: int) -> Sequences:
    """Group rows by (target, learner) with a stable sort, so time order survives."""
    if learner.size == 0:
        empty = np.zeros(0, dtype=np.int64)
        return Sequences(order=empty, starts=empty, lengths=empty, target=empty)
    if learner.min() < 0 or target.min() < 0 or target.max() >= n_targets:
        raise ValueError("learner and target codes must be non-negative (target < n_targets)")
    n_learners = int(learner.max()) + 1
    if n_learners <= _RADIX_LIMIT and n_targets <= _RADIX_LIMIT:
        # Two stable passes on 16-bit keys: NumPy radix-sorts those in linear time.
        by_learner = np.argsort(learner.astype(np.uint16), kind="stable")
        order = by_learner[np.argsort(target[by_learner].astype(np.uint16), kind="stable")]
    else:
        order = np.argsort(target * n_learners + learner, kind="stable")
    sorted_key = target[order] * n_learners + learner[order]
    starts = np.flatnonzero(np.diff(sorted_key, prepend=sorted_key[0] - 1))
    lengths = np.diff(starts, append=order.shape[0])
    return Sequences(order=order, starts=starts, lengths=lengths, target=target[order[starts]])


@dataclass(frozen=True, eq=False)
class Distinct:
    """Distinct (target, response pattern) sequences, each with how many learners had it.

    Identical sequences have identical posteriors, so EM weighs one copy by its count.
    `correct` is the concatenation of the distinct sequences' responses.
    """

    correct: BoolArray
    starts: IntArray
    lengths: IntArray
    target: IntArray
    weight: FloatArray


def distinct_sequences(seqs: Sequences, correct: BoolArray, n_targets: int) -> Distinct:
    """Collapse repeated response patterns; patterns too long to pack in 63 bits stay apart."""
    lengths, starts = seqs.lengths, seqs.starts
    ordered = correct[seqs.order].astype(np.int64)
    position = np.arange(ordered.shape[0]) - np.repeat(starts, lengths)
    target_bits = max(int(n_targets - 1).bit_length(), 1)
    max_short = 62 - target_bits  # pattern bits + a length marker bit + target bits <= 63
    short = lengths <= max_short
    bits = np.add.reduceat(ordered << np.minimum(position, max_short), starts)
    marker = np.left_shift(np.int64(1), np.minimum(lengths, max_short))
    key = (seqs.target << (max_short + 1)) | bits | marker
    _, first, counts = np.unique(key[short], return_index=True, return_counts=True)
    picked = np.concatenate([np.flatnonzero(short)[first], np.flatnonzero(~short)])
    weight = np.concatenate([counts.astype(np.float64), np.ones(int((~short).sum()))])
    by_target = np.argsort(seqs.target[picked], kind="stable")
    picked, weight = picked[by_target], weight[by_target]
    kept_lengths = lengths[picked]
    kept_starts = np.cumsum(kept_lengths) - kept_lengths
    rows = np.repeat(starts[picked] - kept_starts, kept_lengths) + np.arange(kept_lengths.sum())
    return Distinct(
        correct=ordered[rows].astype(np.bool_),
        starts=kept_starts,
        lengths=kept_lengths,
        target=seqs.target[picked],
        weight=weight,
    )


def restricted(data: Distinct, keep: IntArray) -> Distinct:
    """Only the sequences of targets `keep` (sorted), renumbered 0 … len(keep) - 1."""
    chosen = np.isin(data.target, keep)
    lengths = data.lengths[chosen]
    starts = np.cumsum(lengths) - lengths
    rows = np.repeat(data.starts[chosen] - starts, lengths) + np.arange(lengths.sum())
    return Distinct(
        correct=data.correct[rows],
        starts=starts,
        lengths=lengths,
        target=np.searchsorted(keep, data.target[chosen]).astype(np.int64),
        weight=data.weight[chosen],
    )
