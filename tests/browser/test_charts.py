"""The charts as each role sees them, on the demo school: the leader's struggling targets and
sections compared, the counselor's pace, the learner's trend on a target. Each page passes
axe at desktop and at a phone's 390 px, each chart fits the phone's width whole, and each is
photographed in forced colours (high contrast) too."""

import pytest
from django.utils import timezone

from continuum.demo.school import demo_school_build
from continuum.evidence.models import Estimate
from continuum.people.models import User
from continuum.people.passwords import DEMO_PASSWORD
from continuum.supports.models import LearnerPace
from tests.browser.conftest import DESKTOP, PHONE, SCREENSHOTS


def _serious(page) -> list[str]:
    from axe_playwright_python.sync_playwright import Axe

    return [
        f"{v['id']}: {[n['target'] for n in v['nodes'][:3]]}"
        for v in Axe().run(page).response["violations"]
        if v["impact"] in {"serious", "critical"}
    ]


def _charts_on_a_phone(visit, name: str, selector: str, count: int) -> None:
    """At 390 px: axe again, every chart drawn whole within the viewport, then a picture in
    forced colours."""
    page = visit.page
    page.set_viewport_size(PHONE)
    charts = page.locator(selector)
    assert charts.count() == count
    for index in range(count):
        box = charts.nth(index).bounding_box()
        assert box is not None
        assert box["x"] >= 0
        assert box["x"] + box["width"] <= PHONE["width"]
        assert box["height"] > 40  # drawn, not collapsed
    assert not _serious(page), f"accessibility violations at 390 px on {page.url}"
    page.emulate_media(forced_colors="active")
    page.screenshot(path=str(SCREENSHOTS / f"{name}-forced-colours.png"), full_page=True)
    assert not _serious(page), f"accessibility violations in forced colours on {page.url}"
    page.emulate_media(forced_colors="none")
    page.set_viewport_size(DESKTOP)


@pytest.mark.django_db(transaction=True)
def test_each_role_reads_its_chart_at_desktop_and_on_a_phone(visit):
    demo_school_build(seed=2026, today=timezone.localdate())
    leader = User.objects.get(username="leader")
    visit.login("leader", DEMO_PASSWORD)
    visit.open(f"/insights/schools/{leader.organization_id}/heatmap/", "charts-leader")
    _charts_on_a_phone(visit, "charts-leader", "svg.status-chart", 2)

    visit.page.context.clear_cookies()
    pace = LearnerPace.objects.filter(learner__counselors__counselor__username="counselor").first()
    assert pace is not None
    visit.login("counselor", DEMO_PASSWORD)
    visit.open(f"/supports/learners/{pace.learner_id}/pace/", "charts-counselor-pace")
    paces = LearnerPace.objects.filter(learner=pace.learner_id, requirement__active=True).count()
    _charts_on_a_phone(visit, "charts-counselor-pace", "svg.pace-chart", paces)

    visit.page.context.clear_cookies()
    estimate = (
        Estimate.objects.filter(learner__username="learner", evidence_count__gte=2)
        .order_by("-evidence_count", "target_id")
        .first()
    )
    assert estimate is not None
    visit.login("learner", DEMO_PASSWORD)
    url = f"/learning/learners/{estimate.learner_id}/targets/{estimate.target_id}/"
    visit.open(url, "charts-learner-trend")
    _charts_on_a_phone(visit, "charts-learner-trend", "svg.trend-chart", 1)
