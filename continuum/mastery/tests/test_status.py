"""Statuses come from levels through bands, and estimates and evidence have their own bands."""

from __future__ import annotations

import math

import numpy as np
import pytest

from continuum.mastery import ESTIMATE_BANDS, EVIDENCE_BANDS, Bands, Status, status_of, statuses


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
