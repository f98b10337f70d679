"""The agreement statistics agree with two independent implementations on random data:
``krippendorff`` (Castro's package, alpha at every level) and statsmodels'
``inter_rater`` (Fleiss' kappa, Cohen's kappa from a contingency table). Peers are test
dependencies only; the product never imports them."""

import krippendorff
import numpy as np
import pytest
from statsmodels.stats.inter_rater import cohens_kappa
from statsmodels.stats.inter_rater import fleiss_kappa as statsmodels_fleiss

from continuum.mastery.agreement import (
    Level,
    cohen_kappas,
    fleiss_kappa,
    krippendorff_alpha,
    ratings_from_matrix,
)

SEEDS = range(8)


def _scores(seed: int, *, missing: float, raters: int = 7, units: int = 40) -> np.ndarray:
    """Raters who mostly agree with a true level 1–5, one level off now and then."""
    rng = np.random.default_rng(seed)
    truth = rng.integers(1, 6, size=units)
    noise = rng.choice([-1, 0, 0, 0, 1], size=(raters, units))
    matrix = np.clip(truth + noise, 1, 5).astype(float)
    matrix[rng.random(matrix.shape) < missing] = np.nan
    return matrix


@pytest.mark.parametrize("seed", SEEDS)
@pytest.mark.parametrize("level", list(Level))
def test_alpha_agrees_with_the_krippendorff_package(level, seed):
    matrix = _scores(seed, missing=0.3)
    ours = krippendorff_alpha(ratings_from_matrix(matrix), level)
    theirs = krippendorff.alpha(reliability_data=matrix, level_of_measurement=level.value)
    assert ours == pytest.approx(theirs, rel=1e-9)


@pytest.mark.parametrize("seed", SEEDS)
def test_fleiss_kappa_agrees_with_statsmodels(seed):
    matrix = _scores(seed, missing=0)
    table = np.stack([(matrix == level).sum(axis=0) for level in range(1, 6)], axis=1)
    assert fleiss_kappa(ratings_from_matrix(matrix)) == pytest.approx(
        statsmodels_fleiss(table), rel=1e-9
    )


@pytest.mark.parametrize("seed", SEEDS)
@pytest.mark.parametrize("weights", ["unweighted", "linear", "quadratic"])
def test_cohens_kappa_for_every_pair_agrees_with_statsmodels(weights, seed):
    matrix = _scores(seed, missing=0.2, raters=5)
    ratings = ratings_from_matrix(matrix, values=[1, 2, 3, 4, 5])
    ours = cohen_kappas(ratings, weights)
    for a in range(5):
        for b in range(5):
            if a == b:
                continue
            both = ~np.isnan(matrix[a]) & ~np.isnan(matrix[b])
            table = np.zeros((5, 5))
            np.add.at(table, (matrix[a, both].astype(int) - 1, matrix[b, both].astype(int) - 1), 1)
            wt = None if weights == "unweighted" else weights
            theirs = cohens_kappa(table, wt=wt, return_results=False)
            assert ours[a, b] == pytest.approx(theirs, rel=1e-9)


@pytest.mark.parametrize("level", list(Level))
def test_alpha_agrees_on_many_samples_with_few_scores_on_a_fine_scale(level):
    # 300 samples, 2–3 of 10 raters each, scores 1–100: the sparse path that sorts the
    # (sample, score) cells instead of counting into a mostly empty table.
    rng = np.random.default_rng(11)
    truth = rng.integers(1, 101, size=300)
    matrix = np.full((10, 300), np.nan)
    for unit, level_true in enumerate(truth):
        raters = rng.choice(10, size=rng.integers(2, 4), replace=False)
        matrix[raters, unit] = np.clip(level_true + rng.integers(-8, 9, size=raters.size), 1, 100)
    ratings = ratings_from_matrix(matrix)
    keys = ratings.unit * ratings.values.shape[0] + ratings.value
    assert ratings.units * ratings.values.shape[0] > 8 * keys.size + 1024  # the sparse path
    theirs = krippendorff.alpha(reliability_data=matrix, level_of_measurement=level.value)
    assert krippendorff_alpha(ratings, level) == pytest.approx(theirs, rel=1e-9)
