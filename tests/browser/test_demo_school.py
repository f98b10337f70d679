"""Every demo login signs in to the demo school and sees what its role should."""

import pytest
from django.utils import timezone

from continuum.demo.school import demo_school_build
from continuum.people.models import GuardianLink
from continuum.people.passwords import DEMO_PASSWORD

# What each role's home page must offer (headings), and must not: today's work by role.
EXPECTED = {
    "learner": (
        {"My next step", "My requests", "New feedback"},
        {"My sections", "Waiting for you"},
    ),
    "guardian": (set(), {"My sections", "My next step"}),  # a card per child, by name
    "educator": ({"Waiting for you", "My sections"}, {"My next step"}),
    "counselor": ({"My caseload today"}, {"My sections"}),
    "leader": ({"Supports"}, {"My sections", "My next step"}),
    "admin": ({"Schools in the district", "Imports and integrations"}, {"My sections"}),
    "partner": ({"My placements"}, {"My sections"}),
}


@pytest.mark.django_db(transaction=True)
def test_each_demo_login_sees_its_own_home(visit):
    demo_school_build(seed=2026, today=timezone.localdate())
    for username, (present, absent) in EXPECTED.items():
        visit.page.context.clear_cookies()
        visit.login(username, DEMO_PASSWORD)
        visit.check(f"demo-home-{username}")
        headings = set(visit.page.get_by_role("heading", level=2).all_inner_texts())
        if username == "guardian":
            children = GuardianLink.objects.filter(guardian__username="guardian")
            present = {link.learner.display_name for link in children}
            assert present
        assert present <= headings, f"{username} should see {present - headings}"
        assert not (absent & headings), f"{username} must not see {absent & headings}"


@pytest.mark.django_db(transaction=True)
def test_the_demo_educator_sees_a_full_section_but_not_the_school(visit):
    demo_school_build(seed=2026, today=timezone.localdate())
    visit.login("educator", DEMO_PASSWORD)
    visit.page.get_by_role("link", name="Sections", exact=True).click()
    visit.check("demo-sections-educator")
    rows = visit.page.locator("tbody tr")
    assert rows.count() == 1
    rows.first.get_by_role("link").click()
    visit.check("demo-section-roster")
    assert visit.page.locator("tbody tr").count() == 24
