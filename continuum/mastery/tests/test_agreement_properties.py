"""Invariants of the agreement statistics, checked on generated ratings with Hypothesis."""

import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from continuum.mastery.agreement import (
    Level,
    cohen_kappas,
    fleiss_kappa,
    krippendorff_alpha,
    pair_agreement,
    ratings_from_columns,
    ratings_from_matrix,
)

LEVELS = list(Level)
# Each example is cheap, but a shared CI machine can stall any one of them past the deadline.
SETTINGS = settings(max_examples=60, deadline=None)


@st.composite
def reliability_data(draw, *, complete: bool = False):
    """A raters × units matrix of scores 0–5 with NaN for missing (none if ``complete``)."""
    raters = draw(st.integers(2, 6))
    units = draw(st.integers(1, 12))
    cells = st.integers(0, 5).map(float)
    if not complete:
        cells = st.one_of(cells, st.just(math.nan))
    flat = draw(st.lists(cells, min_size=raters * units, max_size=raters * units))
    return np.array(flat).reshape(raters, units)


@SETTINGS
@given(truth=st.lists(st.integers(1, 5), min_size=2, max_size=12), data=st.data())
@pytest.mark.parametrize("level", LEVELS)
def test_raters_who_always_agree_have_alpha_one(level, truth, data):
    raters = data.draw(st.integers(2, 5))
    # Each unit keeps at least two of its scores; the rest may be missing.
    kept = [data.draw(st.sets(st.integers(0, raters - 1), min_size=2)) for _ in truth]
    matrix = [[t if r in kept[u] else math.nan for u, t in enumerate(truth)] for r in range(raters)]
    ratings = ratings_from_matrix(matrix)
    found = krippendorff_alpha(ratings, level)
    if len(set(truth)) == 1:
        assert math.isnan(found)  # nothing varies: alpha is undefined, not 1
    else:
        assert found == pytest.approx(1)
    assert pair_agreement(ratings).exact == 1


@SETTINGS
@given(matrix=reliability_data(), seed=st.integers(0, 2**32 - 1))
@pytest.mark.parametrize("level", LEVELS)
def test_alpha_does_not_depend_on_how_raters_and_units_are_numbered(level, matrix, seed):
    rng = np.random.default_rng(seed)
    shuffled = matrix[rng.permutation(matrix.shape[0])][:, rng.permutation(matrix.shape[1])]
    first = krippendorff_alpha(ratings_from_matrix(matrix), level)
    second = krippendorff_alpha(ratings_from_matrix(shuffled), level)
    assert first == pytest.approx(second, nan_ok=True)


@SETTINGS
@given(matrix=reliability_data())
@pytest.mark.parametrize("level", LEVELS)
def test_alpha_stays_between_minus_one_and_one(level, matrix):
    found = krippendorff_alpha(ratings_from_matrix(matrix), level)
    assert math.isnan(found) or -1 <= found <= 1 + 1e-12


@SETTINGS
@given(matrix=reliability_data(complete=True))
def test_fleiss_kappa_is_defined_on_complete_data_and_at_most_one(matrix):
    found = fleiss_kappa(ratings_from_matrix(matrix))
    assert found is not None
    assert math.isnan(found) or found <= 1 + 1e-12


@SETTINGS
@given(matrix=reliability_data(), weights=st.sampled_from(["unweighted", "linear", "quadratic"]))
def test_cohens_kappa_is_symmetric_and_at_most_one(matrix, weights):
    kappa = cohen_kappas(ratings_from_matrix(matrix), weights)
    np.testing.assert_allclose(kappa, kappa.T, equal_nan=True)
    assert (kappa[np.isfinite(kappa)] <= 1 + 1e-12).all()


@SETTINGS
@given(matrix=reliability_data())
def test_adjacent_agreement_includes_exact_agreement(matrix):
    found = pair_agreement(ratings_from_matrix(matrix))
    assert found.pairs == 0 or 0 <= found.exact <= found.adjacent <= 1


@SETTINGS
@given(matrix=reliability_data(), seed=st.integers(0, 2**32 - 1))
def test_columns_in_any_order_give_the_same_ratings(matrix, seed):
    rater, unit = np.nonzero(~np.isnan(matrix))
    order = np.random.default_rng(seed).permutation(rater.shape[0])
    ratings = ratings_from_columns(rater[order], unit[order], matrix[rater, unit][order])
    reference = ratings_from_matrix(matrix)
    for level in LEVELS:
        assert krippendorff_alpha(ratings, level) == pytest.approx(
            krippendorff_alpha(reference, level), nan_ok=True
        )
