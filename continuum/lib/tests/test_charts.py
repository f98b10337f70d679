"""The charts' geometry (pure: no database): bars fill their width exactly, and nothing is
drawn outside the viewBox whatever the numbers."""

import itertools
from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from continuum.lib.charts import (
    Axes,
    Column,
    Frame,
    Table,
    TableRow,
    bar_chart,
    nice_ticks,
    polyline,
    position,
    stacked_bar,
    steps,
)

counts = st.lists(st.integers(min_value=0, max_value=10_000), min_size=1, max_size=6)
days = st.dates(min_value=date(2000, 1, 1), max_value=date(2100, 1, 1))
values = st.floats(min_value=-1e6, max_value=1e6, allow_nan=False)


@given(counts, st.floats(min_value=1, max_value=2000))
def test_a_bars_parts_sum_to_the_whole_width_without_gaps_or_overlaps(parts, width):
    spans = stacked_bar(parts, width=width)
    if not sum(parts):
        assert spans == ()
        return
    assert sum(s.width for s in spans) == pytest.approx(width, abs=1e-5)
    assert spans[0].x == 0
    for left, right in itertools.pairwise(spans):
        assert left.x + left.width == pytest.approx(right.x, abs=1e-6)
    assert [s.count for s in spans] == [c for c in parts if c]
    assert all(s.width >= 0 for s in spans)


def test_a_bar_keeps_its_parts_in_order_and_leaves_out_the_empty_ones():
    spans = stacked_bar([1, 0, 3], width=100)
    assert [(s.index, s.x, s.width) for s in spans] == [(0, 0, 25), (2, 25, 75)]


def test_a_negative_count_is_refused():
    with pytest.raises(ValueError, match="negative"):
        stacked_bar([2, -1], width=100)


@given(st.lists(counts, max_size=12))
def test_every_bar_of_a_chart_lies_inside_its_view_box(rows):
    chart = bar_chart(rows)
    for row in chart.rows:
        assert row.label_y - 13 >= 0
        assert row.y + chart.bar_height <= chart.height
        assert row.y < row.text_y < row.y + chart.bar_height
        for span in row.spans:
            assert span.x >= 0
            assert span.x + span.width <= chart.width + 1e-6
    assert len(chart.rows) == len(rows)


@given(values, values, values)
def test_a_position_stays_between_its_ends(value, low, high):
    at = position(value, low=min(low, high), high=max(low, high), start=200, end=10)
    assert 10 <= at <= 200


@given(days, days, days, values, st.floats(min_value=0, max_value=1000))
def test_no_point_of_a_line_chart_falls_outside_the_view_box(first, last, day, value, high):
    frame = Frame()
    axes = Axes(frame, min(first, last), max(first, last), 0, high)
    point = axes.point(day, value)
    assert frame.plot_left <= point.x <= frame.plot_right
    assert frame.plot_top <= point.y <= frame.plot_bottom
    for tick in axes.value_ticks():
        assert frame.plot_top <= tick.at <= frame.plot_bottom
    for tick in axes.day_ticks(str):
        assert frame.plot_left <= tick.at <= frame.plot_right


@given(st.floats(min_value=-1e4, max_value=1e4), st.floats(min_value=1e-3, max_value=1e4))
def test_axis_ticks_are_round_few_and_within_the_range(low, length):
    ticks = nice_ticks(low, low + length)
    assert 1 <= len(ticks) <= 5
    assert all(low - 1e-6 <= t <= low + length + 1e-6 for t in ticks)


def test_ticks_on_a_count_axis_are_whole_numbers():
    assert nice_ticks(0, 20) == (0, 5, 10, 15, 20)
    assert nice_ticks(0, 4) == (0, 1, 2, 3, 4)


def test_a_running_count_is_drawn_as_a_staircase_to_the_end():
    start = date(2026, 9, 1)
    drawn = steps([(start + timedelta(days=7), 1), (start, 0)], until=start + timedelta(days=30))
    assert drawn == (
        (start, 0),
        (start + timedelta(days=7), 0),
        (start + timedelta(days=7), 1),
        (start + timedelta(days=30), 1),
    )


def test_a_polyline_lists_its_points():
    axes = Axes(
        Frame(width=100, height=100, left=0, right=0, top=0, bottom=0),
        date(2026, 1, 1),
        date(2026, 1, 11),
        0,
        10,
    )
    assert polyline(axes.points([(date(2026, 1, 1), 0), (date(2026, 1, 11), 10)])) == "0,100 100,0"


def test_changes_on_one_day_keep_their_order():
    day = date(2026, 9, 1)
    assert steps([(day, 3), (day, 1)], until=day)[-1] == (day, 1)


def test_a_tables_cells_line_up_with_their_columns():
    table = Table(
        "Scores",
        (Column("Date", numeric=False), Column("Kind", numeric=False), Column("Score")),
        (TableRow("3 Dec 2026", ("summative", "3")),),
    )
    [(row, cells)] = table.lines
    assert row.heading == "3 Dec 2026"
    assert cells == [("summative", False), ("3", True)]
