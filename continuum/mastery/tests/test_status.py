"""Statuses come from levels through bands, and estimates and evidence have their own bands."""

from __future__ import annotations

import math

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from continuum.mastery import (
    ESTIMATE_BANDS,
    EVIDENCE_BANDS,
    Bands,
    Status,
    scale_bands,
    status_of,
    statuses,
    statuses_by_target,
)


@pytest.mark.parametrize(
    ("level", "status"),
    [
        (2.49, Status.NOT_YET),
        (2.5, Status.APPROACHING),
        (2.99, Status.APPROACHING),
        (3.0, Status.PROFICIENT),
        (3.5, Status.ADVANCED),
        (math.nan, Status.NOT_STARTED),
        (None, Status.NOT_STARTED),
    ],
)
def test_an_estimate_of_2_5_to_2_99_is_approaching(level: float | None, status: Status) -> None:
    assert status_of(level, ESTIMATE_BANDS) is status


def test_a_single_score_of_2_is_approaching_on_the_evidence_scale() -> None:
    assert status_of(2.0, EVIDENCE_BANDS) is Status.APPROACHING
    assert status_of(2.0, ESTIMATE_BANDS) is Status.NOT_YET


def test_statuses_of_many_levels_match_one_at_a_time() -> None:
    levels = np.array([0.0, 2.5, 2.999, 3.0, 3.49, 3.5, 4.0, np.nan])
    expected = [status_of(level, ESTIMATE_BANDS) for level in levels.tolist()]
    assert statuses(levels, ESTIMATE_BANDS).tolist() == expected


def test_bands_must_rise() -> None:
    with pytest.raises(ValueError, match="bands must rise"):
        Bands(approaching=3.0, proficient=2.5, advanced=3.5)


def test_status_labels_read_as_words() -> None:
    assert Status.NOT_YET.label == "not yet"


@pytest.mark.parametrize(
    ("levels", "cut", "evidence", "estimate"),
    [
        # The usual four levels: the bands Continuum has always used.
        ((1, 2, 3, 4), 3, (2, 3, 4), (2.5, 3, 3.5)),
        # A percentage scale marked in tens with 80 proficient.
        (tuple(range(0, 101, 10)), 80, (70, 80, 90), (75, 80, 85)),
        # Five levels with 4 proficient.
        ((1, 2, 3, 4, 5), 4, (3, 4, 5), (3.5, 4, 4.5)),
        # Uneven steps: halfway is measured to each neighbouring level.
        ((0, 50, 65, 80, 100), 80, (65, 80, 100), (72.5, 80, 90)),
    ],
)
def test_a_scales_bands_follow_its_levels_and_cut(levels, cut, evidence, estimate) -> None:
    bands = scale_bands(levels, cut)
    assert bands.evidence.cuts == evidence
    assert bands.estimate.cuts == estimate


def test_scoring_at_the_cut_every_time_reads_proficient_on_any_scale() -> None:
    for levels, cut in (((1, 2, 3, 4), 3), (tuple(range(0, 101, 10)), 80), ((1, 2, 3, 4, 5), 4)):
        bands = scale_bands(levels, cut)
        assert status_of(cut, bands.evidence) is Status.PROFICIENT
        assert status_of(cut, bands.estimate) is Status.PROFICIENT


def test_a_scale_whose_cut_is_its_top_level_has_no_advanced() -> None:
    bands = scale_bands((1, 2, 3), 3)
    assert status_of(3, bands.estimate) is Status.PROFICIENT
    assert bands.estimate.advanced == math.inf


def test_a_scale_whose_cut_is_its_lowest_level_has_no_approaching() -> None:
    bands = scale_bands((0, 1), 0)
    assert bands.evidence.cuts == (0, 0, 1)
    assert status_of(0, bands.evidence) is Status.PROFICIENT


def test_a_cut_between_two_levels_is_measured_to_its_neighbours() -> None:
    bands = scale_bands((1, 2, 3, 4), 2.5)
    assert (bands.evidence.cuts, bands.estimate.cuts) == ((2, 2.5, 3), (2.25, 2.5, 2.75))


def test_the_default_bands_are_those_of_the_four_level_scale() -> None:
    assert (ESTIMATE_BANDS.cuts, EVIDENCE_BANDS.cuts) == ((2.5, 3.0, 3.5), (2.0, 3.0, 4.0))


@given(
    st.lists(
        st.tuples(
            st.integers(0, 3),
            st.one_of(st.floats(-10, 110, allow_nan=False), st.just(math.nan)),
        ),
        max_size=40,
    )
)
def test_statuses_by_target_match_one_at_a_time_with_each_targets_bands(rows) -> None:
    by_target = {
        0: scale_bands((1, 2, 3, 4), 3).estimate,
        1: scale_bands(tuple(range(0, 101, 10)), 80).estimate,
        2: scale_bands((1, 2, 3), 3).estimate,
    }  # target 3 has no scale: the default bands
    targets = np.array([target for target, _ in rows], dtype=np.int64)
    levels = np.array([level for _, level in rows], dtype=np.float64)
    found = statuses_by_target(levels, targets, by_target, ESTIMATE_BANDS).tolist()
    expected = [status_of(level, by_target.get(target, ESTIMATE_BANDS)) for target, level in rows]
    assert found == expected
