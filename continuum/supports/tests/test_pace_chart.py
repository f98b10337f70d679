"""The pace chart: the expected line and the targets mastered, drawn and tabled alike."""

from datetime import date

from django.urls import reverse
from django.utils import timezone

from continuum.lib.tests.charts import chart_svg, chart_table, description, inside_view_box
from continuum.supports.services.compute import learner_pace_refresh
from continuum.supports.services.pace_chart import pace_chart_list
from continuum.supports.tests.conftest import TODAY


def test_the_chart_counts_each_mastery_against_the_expected_line(supports):
    lena, requirement = supports["lena"], supports["requirement"]
    learner_pace_refresh(learner=lena, today=TODAY)
    (chart,) = pace_chart_list(learner=lena, today=TODAY)
    mastered, today, due = chart.rows
    assert (mastered.day, mastered.mastered, mastered.what) == (date(2026, 10, 1), 1, "mastered")
    assert (today.day, today.mastered, today.what) == (TODAY, 1, "today")
    assert (due.day, due.mastered, due.expected) == (requirement.due_on, None, chart.pace.needed)
    span = (requirement.due_on - requirement.starts_on).days
    gone = (TODAY - requirement.starts_on).days
    assert today.expected == round(chart.pace.needed * gone / span, 1)
    # The solid line climbs by one on the day of the mastery and stays flat to today.
    heights = [float(p.split(",")[1]) for p in chart.actual_line.split()]
    assert heights[0] == heights[1] > heights[2] == heights[3]


def test_no_pace_means_no_chart(supports):
    assert pace_chart_list(learner=supports["lena"], today=TODAY) == []


def test_the_pace_page_draws_the_chart_and_its_table_with_the_same_numbers(client, supports):
    lena = supports["lena"]
    learner_pace_refresh(learner=lena, today=timezone.localdate())
    (chart,) = pace_chart_list(learner=lena, today=timezone.localdate())
    client.force_login(supports["cora"])
    page = client.get(reverse("learner_pace", args=[lena.pk])).content.decode()
    svg = chart_svg(page, chart.chart_id)
    assert svg.get("role") == "img"
    assert inside_view_box(svg)
    lines = {line.get("class"): line.get("points") for line in svg.iter("polyline")}
    assert lines == {"line-expected": chart.expected_line, "line-actual": chart.actual_line}
    rows = chart_table(page, chart.chart_id)
    assert [row[1:] for row in rows] == [
        ["–" if r.mastered is None else str(r.mastered), f"{r.expected:g}"] for r in chart.rows
    ]
    today = next(r for r in chart.rows if r.what == "today")
    assert "Mastered by today" in description(svg)
    assert f": {today.mastered};" in description(svg)
