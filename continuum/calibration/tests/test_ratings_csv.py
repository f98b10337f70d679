"""Reading rater,unit,score files: missing pairs allowed, every problem listed at once."""

import pytest

from continuum.calibration.ratings_csv import RatingsCsvError, ratings_csv_read
from continuum.mastery.agreement import MAX_VALUES, Level


def test_a_missing_pair_is_no_row_and_an_empty_score_is_the_same():
    found = ratings_csv_read(b"rater,unit,score\na,1,2\nb,1,\nb,2,3\n", level=Level.INTERVAL)
    assert found.ratings.scores.tolist() == [2.0, 3.0]
    assert (found.ratings.raters, found.ratings.units) == (2, 2)


def test_a_byte_order_mark_and_header_case_and_spaces_are_accepted():
    found = ratings_csv_read(
        "\ufeff Rater , UNIT ,Score\nMs. Ruiz,essay 4, 3 \n".encode(), level=Level.ORDINAL
    )
    assert found.ratings.rater_ids.tolist() == ["Ms. Ruiz"]
    assert found.ratings.unit_ids.tolist() == ["essay 4"]


def test_every_problem_is_listed_with_its_line_and_field():
    data = b"rater,unit,score\na,1,x\n,2,3\na,1,2\nb,3,-1\n"
    with pytest.raises(RatingsCsvError) as refused:
        ratings_csv_read(data, level=Level.RATIO)
    assert [str(p) for p in refused.value.problems] == [
        "line 2, field score: “x” is not a number (ratio scores must be numbers)",
        "line 3, field rater: is empty",
        "line 4, field unit: rater “a” already scored unit “1” on line 2",
        "line 5, field score: -1 is negative; ratio scores cannot be",
    ]


@pytest.mark.parametrize("score", ["nan", "inf", "1e400"])
def test_scores_that_are_not_finite_numbers_are_refused(score):
    with pytest.raises(RatingsCsvError, match="is not a number"):
        ratings_csv_read(f"rater,unit,score\na,1,{score}\n".encode(), level=Level.INTERVAL)


def test_a_file_that_is_not_utf8_is_refused_with_its_line():
    with pytest.raises(RatingsCsvError, match="line 2: is not UTF-8"):
        ratings_csv_read(b"rater,unit,score\na,1,\xff\n", level=Level.INTERVAL)


def test_more_distinct_scores_than_the_limit_are_refused_at_the_line_that_passes_it():
    rows = "".join(f"a,{i},{i}\n" for i in range(MAX_VALUES + 1))
    with pytest.raises(RatingsCsvError, match=f"line {MAX_VALUES + 2}, field score: more than"):
        ratings_csv_read(f"rater,unit,score\n{rows}".encode(), level=Level.INTERVAL)


def test_nominal_labels_are_coded_in_sorted_order():
    found = ratings_csv_read(b"rater,unit,score\na,1,met\nb,1,not met\n", level=Level.NOMINAL)
    assert found.labels == ("met", "not met")
    assert found.ratings.scores.tolist() == [0.0, 1.0]
