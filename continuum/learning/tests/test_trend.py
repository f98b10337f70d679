"""The trend on a target: each score over time, practice apart from summative, and the
estimate after each; the page draws it and tables the same numbers."""

from datetime import UTC, datetime, timedelta

import pytest
from django.urls import reverse

from continuum.evidence.models import Estimate, EvidenceKind
from continuum.evidence.services.estimates import estimate_explain
from continuum.evidence.services.recording import evidence_record
from continuum.learning.selectors.trend import estimate_trend
from continuum.lib.tests.charts import chart_svg, chart_table, inside_view_box

MONDAY = datetime(2026, 9, 7, 9, tzinfo=UTC)


@pytest.fixture
def practice_then_tests(world, sample):
    """Lena on N.1.a: practice at 1, then summative 2 and 4 a week apart each."""
    for days, level, kind in (
        (0, 1, EvidenceKind.FORMATIVE),
        (7, 2, "summative"),
        (14, 4, "summative"),
    ):
        evidence_record(
            learner=world["lena"],
            target=sample["N.1.a"],
            scorer=world["erin"],
            level=level,
            kind=kind,
            assessed_at=MONDAY + timedelta(days=days),
        )
    return sample["N.1.a"]


def _trend(world, target):
    explained = estimate_explain(learner=world["lena"], target=target, levels=[1, 2, 3, 4])
    return estimate_trend(
        learner=world["lena"], target=target, evidence=explained.evidence, levels=[1, 2, 3, 4]
    )


def test_the_trend_ends_at_the_stored_estimate_and_tells_practice_from_summative(
    world, practice_then_tests
):
    trend = _trend(world, practice_then_tests)
    assert [p.formative for p in trend.points] == [True, False, False]
    stored = Estimate.objects.get(learner=world["lena"], target=practice_then_tests)
    assert stored.level is not None
    assert trend.latest == round(stored.level, 2)
    assert trend.points[1].estimate is not None
    # Later points stand further right; a higher score stands higher (y grows downwards).
    xs = [p.at.x for p in trend.points]
    assert xs == sorted(xs)
    assert trend.points[2].at.y < trend.points[1].at.y < trend.points[0].at.y


def test_no_evidence_draws_no_trend(world, sample):
    assert _trend(world, sample["N.1.c"]) is None


def test_the_page_draws_the_trend_and_its_table_with_the_same_numbers(
    client, world, practice_then_tests
):
    client.force_login(world["lena"])
    url = reverse("learner_estimate", args=[world["lena"].pk, practice_then_tests.pk])
    page = client.get(url).content.decode()
    trend = _trend(world, practice_then_tests)
    svg = chart_svg(page, trend.chart_id)
    assert svg.get("role") == "img"
    assert inside_view_box(svg)
    kinds = [shape.get("class") for shape in svg if shape.tag in ("circle", "rect")]
    assert kinds == ["point-formative", "point-summative", "point-summative"]
    rows = chart_table(page, trend.chart_id)
    assert [row[2:] for row in rows] == [
        ["1", "–" if trend.points[0].estimate is None else f"{trend.points[0].estimate:g}"],
        ["2", f"{trend.points[1].estimate:g}"],
        ["4", f"{trend.points[2].estimate:g}"],
    ]
    assert "Your scores over time" in page
