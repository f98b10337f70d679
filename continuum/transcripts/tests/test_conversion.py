"""The conversion table as pure data: no database."""

import pytest

from continuum.mastery import Status
from continuum.transcripts.conversion import (
    ConversionError,
    Converted,
    converted,
    rows_parse,
    rows_text,
)

TABLE = "advanced = A 4.0\nproficient = B 3\n\n2.5-2.99 = C 2.0\n"


def test_status_and_level_range_rows_are_read_in_order():
    assert rows_parse(TABLE) == [
        {"status": 4, "letter": "A", "points": 4.0},
        {"status": 3, "letter": "B", "points": 3.0},
        {"min_level": 2.5, "max_level": 2.99, "letter": "C", "points": 2.0},
    ]


def test_the_first_matching_row_converts_a_status_or_a_level():
    rows = rows_parse(TABLE)
    assert converted(rows, status=Status.PROFICIENT, level=3.2) == Converted("B", 3.0)
    assert converted(rows, status=Status.APPROACHING, level=2.5) == Converted("C", 2.0)
    assert converted(rows, status=Status.NOT_YET, level=1.0) is None
    assert converted(rows, status=Status.NOT_YET, level=None) is None


def test_a_letter_needs_no_points():
    assert rows_parse("proficient = P") == [{"status": 3, "letter": "P", "points": None}]


def test_the_rows_read_back_as_the_lines_that_made_them():
    rows = rows_parse(TABLE)
    assert rows_parse(rows_text(rows)) == rows


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "no rows"),
        ("proficient B", "Line 1: write it as"),
        ("proficient = B\nexcellent = A", "Line 2: “excellent” is neither a status"),
        ("4-3 = A", "runs backwards"),
        ("proficient = B three", "“three” is not a number"),
        ("proficient = B 9", "between 0 and 5"),
        ("proficient = 3.0", "give a letter"),
    ],
)
def test_a_bad_line_is_refused_by_its_number(text, message):
    with pytest.raises(ConversionError, match=message):
        rows_parse(text)
