"""Agreement statistics against the published worked examples, and their edge cases."""

import math

import numpy as np
import pytest

from continuum.mastery.agreement import (
    MAX_VALUES,
    Level,
    alpha_interval,
    cohen_kappas,
    coincidences,
    fleiss_kappa,
    krippendorff_alpha,
    pair_agreement,
    ratings_from_columns,
    ratings_from_matrix,
)

N = math.nan
# Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability", section C: four
# observers (rows) score twelve units (columns), with missing values; unit 12 has one score.
KRIPPENDORFF_2011 = [
    [1, 2, 3, 3, 2, 1, 4, 1, 2, N, N, N],
    [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, N, 3],
    [N, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, N],
    [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, N],
]
# Fleiss' kappa on Wikipedia ("Fleiss' kappa", worked example): fourteen raters put each of
# ten subjects into one of five categories; each row counts the raters per category.
FLEISS_EXAMPLE = [
    [0, 0, 0, 0, 14],
    [0, 2, 6, 4, 2],
    [0, 0, 3, 5, 6],
    [0, 3, 9, 2, 0],
    [2, 2, 8, 1, 1],
    [7, 7, 0, 0, 0],
    [3, 2, 6, 3, 0],
    [2, 5, 3, 2, 2],
    [6, 5, 2, 1, 0],
    [0, 2, 2, 3, 7],
]


def _from_counts(table: list[list[int]]):
    """Ratings from a subjects × categories count table (raters numbered per subject)."""
    raters: list[int] = []
    units: list[int] = []
    scores: list[int] = []
    for unit, row in enumerate(table):
        given = [category + 1 for category, count in enumerate(row) for _ in range(count)]
        raters += range(len(given))
        units += [unit] * len(given)
        scores += given
    return ratings_from_columns(raters, units, scores)


@pytest.mark.parametrize(
    ("level", "published"),
    [
        (Level.NOMINAL, 0.743),
        (Level.ORDINAL, 0.815),
        (Level.INTERVAL, 0.849),
        (Level.RATIO, 0.797),
    ],
)
def test_alpha_matches_krippendorffs_worked_example_at_every_level(level, published):
    ratings = ratings_from_matrix(KRIPPENDORFF_2011)
    assert krippendorff_alpha(ratings, level) == pytest.approx(published, abs=5e-4)


def test_the_coincidence_matrix_matches_krippendorffs_table():
    third, four_thirds = 1 / 3, 4 / 3
    expected: list[list[float]] = [
        [7, four_thirds, third, third, 0],
        [four_thirds, 10, four_thirds, third, 0],
        [third, four_thirds, 8, third, 0],
        [third, third, third, 4, 0],
        [0, 0, 0, 0, 3],
    ]
    found = coincidences(ratings_from_matrix(KRIPPENDORFF_2011))
    np.testing.assert_allclose(found, expected)
    assert found.sum() == pytest.approx(40)  # n: the pairable values (unit 12's one is not)


def test_fleiss_kappa_matches_the_ten_subjects_by_fourteen_raters_example():
    assert fleiss_kappa(_from_counts(FLEISS_EXAMPLE)) == pytest.approx(0.210, abs=5e-4)


def test_fleiss_kappa_is_none_when_units_have_different_numbers_of_scores():
    assert fleiss_kappa(ratings_from_matrix(KRIPPENDORFF_2011)) is None


def test_fleiss_kappa_needs_no_same_raters_only_the_same_number_per_unit():
    ratings = ratings_from_columns(["a", "b", "c", "d"], [1, 1, 2, 2], [1, 2, 2, 2])
    # P̄ = (0 + 1) / 2; p = (1/4, 3/4), P̄e = 10/16; kappa = (0.5 - 0.625) / 0.375
    assert fleiss_kappa(ratings) == pytest.approx(-1 / 3)


def test_alpha_is_nan_when_every_pairable_score_is_the_same():
    ratings = ratings_from_matrix([[2.0, 2.0, 3.0], [2.0, 2.0, N]])
    assert math.isnan(krippendorff_alpha(ratings, Level.INTERVAL))
    kappa = fleiss_kappa(ratings_from_matrix([[2, 2], [2, 2]]))
    assert kappa is not None
    assert math.isnan(kappa)


def test_alpha_is_nan_when_no_unit_has_two_scores():
    ratings = ratings_from_matrix([[1, N], [N, 2]])
    assert math.isnan(krippendorff_alpha(ratings, Level.NOMINAL))
    assert all(math.isnan(bound) for bound in alpha_interval(ratings, Level.NOMINAL))


def test_ratio_alpha_refuses_negative_scores():
    with pytest.raises(ValueError, match="negative"):
        krippendorff_alpha(ratings_from_matrix([[-1, 2], [1, 2]]), Level.RATIO)


def test_the_bootstrap_interval_is_seeded_and_surrounds_the_estimate():
    ratings = ratings_from_matrix(KRIPPENDORFF_2011)
    first = alpha_interval(ratings, Level.ORDINAL, seed=7)
    assert first == alpha_interval(ratings, Level.ORDINAL, seed=7)
    assert first != alpha_interval(ratings, Level.ORDINAL, seed=8)
    low, high = first
    assert low < krippendorff_alpha(ratings, Level.ORDINAL) < high <= 1


def test_a_bootstrap_resample_is_alpha_of_the_units_drawn_with_replacement():
    ratings = ratings_from_matrix(KRIPPENDORFF_2011)
    pairable = [
        unit for unit in range(12) if sum(not math.isnan(r[unit]) for r in KRIPPENDORFF_2011) > 1
    ]
    drawn = np.random.default_rng(3).integers(0, len(pairable), size=(1, len(pairable)))[0]
    matrix = [[row[pairable[index]] for index in drawn] for row in KRIPPENDORFF_2011]
    by_hand = krippendorff_alpha(ratings_from_matrix(matrix), Level.INTERVAL)
    low, high = alpha_interval(ratings, Level.INTERVAL, resamples=1, seed=3)
    assert low == pytest.approx(by_hand)
    assert high == pytest.approx(by_hand)


def test_exact_and_adjacent_agreement_count_pairs_of_scores_on_the_same_unit():
    # Unit 1: 1, 1, 2 (pairs: same, one apart, one apart); unit 2: 1, 3 (two apart).
    ratings = ratings_from_columns(["a", "b", "c", "a", "b"], [1, 1, 1, 2, 2], [1, 1, 2, 1, 3])
    found = pair_agreement(ratings)
    assert found.pairs == 4
    assert found.exact == pytest.approx(1 / 4)
    assert found.adjacent == pytest.approx(3 / 4)
    assert pair_agreement(ratings, step=2).adjacent == 1


def test_pair_agreement_matches_counting_every_pair_by_hand():
    ratings = ratings_from_matrix(KRIPPENDORFF_2011)
    exact = adjacent = pairs = 0
    for unit in range(12):
        given = [row[unit] for row in KRIPPENDORFF_2011 if not math.isnan(row[unit])]
        for i, first in enumerate(given):
            for second in given[i + 1 :]:
                pairs += 1
                exact += first == second
                adjacent += abs(first - second) <= 1
    found = pair_agreement(ratings)
    assert (found.pairs, found.exact, found.adjacent) == (pairs, exact / pairs, adjacent / pairs)


def test_cohens_kappa_weights_distance_by_rank_on_the_given_scale():
    # Two raters, four units; scale 1–4. Rater b is one level higher on two units.
    ratings = ratings_from_columns(
        ["a"] * 4 + ["b"] * 4, [1, 2, 3, 4] * 2, [1, 2, 3, 4, 1, 3, 4, 4], values=[1, 2, 3, 4]
    )
    linear = cohen_kappas(ratings, "linear")
    # observed Σ|i-j| = 2 over n = 4; chance: a uniform on 1–4, b on (1, 3, 4, 4),
    # Σ r_i c_j |i-j| = 22, so kappa = 1 - 4 · 2 / 22.
    assert linear[0, 1] == pytest.approx(1 - 8 / 22)
    assert linear[1, 0] == linear[0, 1]
    assert math.isnan(linear[0, 0])


def test_cohens_kappa_is_nan_for_raters_with_no_unit_in_common():
    ratings = ratings_from_columns(
        ["a", "a", "b", "b", "c", "c"], [1, 2, 3, 4, 1, 3], [1, 2, 1, 2, 2, 1]
    )
    assert math.isnan(cohen_kappas(ratings, "quadratic")[0, 1])


@pytest.mark.parametrize(
    ("columns", "message"),
    [
        ((["a", "a"], [1, 1], [1, 2]), "more than once"),
        ((["a", "b"], [1, 1], [1, math.inf]), "finite"),
        ((["a", "b"], [1], [1, 2]), "same length"),
    ],
)
def test_bad_ratings_are_refused_with_the_reason(columns, message):
    with pytest.raises(ValueError, match=message):
        ratings_from_columns(*columns)


def test_a_score_outside_the_given_scale_is_refused():
    with pytest.raises(ValueError, match="not among the given values"):
        ratings_from_columns(["a", "b"], [1, 1], [1, 5], values=[1, 2, 3, 4])


def test_too_many_distinct_scores_are_refused():
    scores = np.arange(MAX_VALUES + 1, dtype=float)
    with pytest.raises(ValueError, match="distinct scores"):
        ratings_from_columns(np.zeros_like(scores), scores, scores)
