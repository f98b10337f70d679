"""A learner opens her dashboard: what is ready next, the map of her continuum and its
table; her guardian opens the same dashboard; the demo learner's dashboard is full."""

import re
from datetime import UTC, datetime

import pytest
from django.utils import timezone

from continuum.demo.school import demo_school_build
from continuum.evidence.models import GradingPolicyRecord
from continuum.evidence.services.recording import evidence_record
from continuum.frameworks.tests.factories import sample_framework
from continuum.people.models import User
from continuum.people.passwords import DEMO_PASSWORD
from tests.browser.conftest import SCREENSHOTS

MONDAY = datetime(2026, 9, 7, 9, tzinfo=UTC)


def lenas_record(world) -> None:
    """Lena's record under the decaying average (w = 0.65), Riverside's policy here, where
    her 2 then 3 on N.1.b is approaching."""
    GradingPolicyRecord.objects.create(
        organization=world["district"],
        version=1,
        body={"version": 1, "method": "decaying_average", "parameters": {"w": 0.65}},
    )
    sample = sample_framework()
    for code, level, feedback in (
        ("N.1.a", 4, "Every ratio table is complete."),
        ("N.1.b", 2, "Check which quantity comes first."),
        ("N.1.b", 3, ""),
        ("SEL.1.a", 1, "Plan the week before Monday."),
    ):
        evidence_record(
            learner=world["lena"],
            target=sample[code],
            scorer=world["erin"],
            level=level,
            assessed_at=MONDAY,
            feedback=feedback,
        )


@pytest.mark.django_db(transaction=True)
def test_a_learner_sees_what_is_next_and_reads_her_map_as_a_table(visit, world):
    lenas_record(world)
    lena, page = world["lena"], visit.page
    visit.login("lena")
    visit.open(f"/dashboard/learners/{lena.pk}/", "dashboard-learner")

    # N.1.b builds on the mastered N.1.a but is already approaching: "almost there" only,
    # said as its statement (whole targets, no codes, on the learner's own page).
    ready = page.get_by_role("region", name="Ready to learn next").inner_text()
    almost = page.get_by_role("region", name="Almost there").inner_text()
    assert "I can find equal ratios" in almost
    assert "I can find equal ratios" not in ready
    assert "I can plan my work" in ready
    maths = page.get_by_role("group", name="Map of Maple Grove Mathematics (Academic)")
    tile = maths.get_by_role("link", name=re.compile(r"^N\.1\.b .*: Approaching 2\.65; ready"))
    assert tile.count() == 1

    maths.locator("xpath=ancestor::section[1]").get_by_text("Show this map as a table").click()
    table = page.get_by_role("table", name=re.compile("Maple Grove Mathematics \\(Academic\\)"))
    row = table.get_by_role("row", name=re.compile("N.1.a"))
    assert "Advanced" in row.inner_text()
    visit.check("dashboard-learner-table")

    tile.focus()
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r".*/learning/learners/\d+/targets/\d+/"))
    assert "N.1.b" in page.get_by_role("heading", level=1).inner_text()


@pytest.mark.django_db(transaction=True)
def test_a_guardian_opens_the_childs_dashboard(visit, world):
    lenas_record(world)
    visit.login("gabe")
    visit.open(f"/dashboard/learners/{world['lena'].pk}/", "dashboard-guardian")
    page = visit.page
    assert page.get_by_role("heading", level=1).inner_text() == "Dashboard: Lena Ortiz"
    assert (
        "Check which quantity comes first."
        in page.get_by_role("region", name="Recent feedback").inner_text()
    )


@pytest.mark.django_db(transaction=True)
def test_the_demo_learner_has_a_map_of_two_frameworks(visit):
    demo_school_build(seed=2026, today=timezone.localdate())
    learner = User.objects.get(username="learner")
    visit.login("learner", DEMO_PASSWORD)
    visit.open(f"/dashboard/learners/{learner.pk}/", "dashboard-demo-learner")
    assert visit.page.locator("svg.map").count() >= 2
    visit.page.locator(".map-section").screenshot(path=str(SCREENSHOTS / "dashboard-demo-map.png"))
    visit.page.context.clear_cookies()
    visit.login("guardian", DEMO_PASSWORD)
    visit.open(f"/dashboard/learners/{learner.pk}/", "dashboard-demo-guardian")
