"""The insight pages' charts: each draws the numbers its table lists, inside its viewBox."""

import pytest
from django.urls import reverse
from django.utils import translation

from continuum.evidence.models import Estimate
from continuum.evidence.models import EstimateStatus as S
from continuum.insights.selectors.charts import section_bars, struggle_bars
from continuum.insights.selectors.heatmap import school_heatmap, section_heatmap
from continuum.insights.tests.factories import school_create
from continuum.lib.tests.charts import (
    chart_svg,
    chart_table,
    description,
    drawn_texts,
    inside_view_box,
)

STATUSES = (S.NOT_YET, S.APPROACHING, S.PROFICIENT, S.ADVANCED)


@pytest.fixture
def struggling(db):
    """Two sections whose learners are mostly not yet on every target."""
    school = school_create(learners=12, targets=4, section_size=6, seed=7)
    Estimate.objects.filter(target=school.targets[0]).update(status=S.NOT_YET, level=1.0)
    return school


def _stored(target, **scope) -> list[int]:
    estimates = Estimate.objects.filter(target=target, **scope)
    return [estimates.filter(status=status).count() for status in STATUSES]


def test_a_struggling_targets_bar_counts_the_schools_learners_by_status(struggling):
    heatmap = school_heatmap(school=struggling.school, framework=struggling.framework)
    bars = struggle_bars(heatmap)
    first = bars.bars[0]
    assert first.name == struggling.targets[0].human_coding_scheme
    assert list(first.counts) == _stored(struggling.targets[0])
    assert first.counts[0] == heatmap.struggles[0][0].not_yet == first.total


def test_the_section_comparison_has_a_bar_per_section_with_its_estimates(struggling):
    heatmap = school_heatmap(school=struggling.school, framework=struggling.framework)
    bars = section_bars(heatmap)
    assert [bar.name for bar in bars.bars] == ["Math 01", "Math 02"]
    for bar, section in zip(bars.bars, struggling.sections, strict=True):
        stored = Estimate.objects.filter(
            target__in=struggling.targets, learner__enrollments__section=section
        )
        assert list(bar.counts) == [stored.filter(status=s).count() for s in STATUSES]


def _drawn_numbers(svg) -> list[int]:
    return [int(text.split()[0]) for text in drawn_texts(svg, "part-count")]


def test_the_school_page_draws_both_charts_with_their_tables(client, struggling):
    client.force_login(struggling.leader)
    page = client.get(reverse("insights_school_heatmap", args=[struggling.school.pk]))
    html = page.content.decode()
    heatmap = school_heatmap(school=struggling.school, framework=struggling.framework)
    for chart_id, bars in (
        ("struggle-chart", struggle_bars(heatmap)),
        ("section-chart", section_bars(heatmap)),
    ):
        svg = chart_svg(html, chart_id)
        assert svg.get("role") == "img"
        assert svg.get("width") == "100%"
        assert inside_view_box(svg)
        rows = chart_table(html, chart_id)
        assert [[int(n) for n in row[1:]] for row in rows] == [
            [*bar.counts, bar.total] for bar in bars.bars
        ]
        assert all(row[0] in description(svg) for row in rows)
        drawn = _drawn_numbers(svg)  # each count drawn where it fits is one of the table's
        assert set(drawn) <= {int(n) for row in rows for n in row[1:-1]}


def test_the_section_page_draws_its_struggling_targets(client, struggling):
    client.force_login(struggling.educator)
    section = struggling.sections[0]
    html = client.get(reverse("insights_section_heatmap", args=[section.pk])).content.decode()
    rows = chart_table(html, "struggle-chart")
    target = struggling.targets[0]
    heatmap = section_heatmap(section=section, framework=struggling.framework)
    assert rows[0][0] == target.human_coding_scheme
    assert [int(n) for n in rows[0][1:]] == [
        *_stored(target, learner__enrollments__section=section),
        heatmap.struggles[0][0].learners,
    ]
    assert inside_view_box(chart_svg(html, "struggle-chart"))


def test_the_charts_numbers_are_not_localized_into_the_svg(client, struggling):
    client.force_login(struggling.leader)
    url = reverse("insights_school_heatmap", args=[struggling.school.pk])
    with translation.override("en"):  # put back whatever language the request leaves on
        html = client.get(url, HTTP_ACCEPT_LANGUAGE="es").content.decode()
    assert 'lang="es"' in html
    assert inside_view_box(chart_svg(html, "section-chart"))
