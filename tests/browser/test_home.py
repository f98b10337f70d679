"""The educator and the guardian open their home pages at desktop and phone width: today's
to-dos with their counts, the Requests badge in the navigation (inside the phone's menu),
no sideways scrolling and no serious axe violation (``Visit.check``)."""

import pytest

from continuum.home.tests.factories import todays_work_create
from tests.browser.conftest import PHONE


@pytest.mark.django_db(transaction=True)
def test_an_educator_sees_todays_work_and_the_requests_badge_on_a_phone(visit, world):
    todays_work_create(world)
    page = visit.page
    visit.login("erin")
    visit.check("home-educator")
    requests = page.get_by_role("link", name="Requests 4 waiting")
    assert requests.is_visible()
    assert page.get_by_role(
        "link", name="1 reassessment request to approve or decline"
    ).is_visible()

    page.set_viewport_size(PHONE)
    page.reload()
    assert not requests.is_visible()  # folded into the menu
    page.get_by_role("button", name="Menu").click()
    assert requests.is_visible()
    requests.click()
    page.wait_for_url("**/learning/requests/")


@pytest.mark.django_db(transaction=True)
def test_a_guardian_sees_one_summary_per_child_and_one_thing_to_do(visit, world):
    todays_work_create(world)
    page = visit.page
    visit.login("gabe")
    visit.check("home-guardian")
    child = page.get_by_role("region", name="Lena Ortiz")
    assert "Lena is behind pace" in child.inner_text()
    assert child.get_by_role("heading", name="One thing to do this week").is_visible()
    page.set_viewport_size(PHONE)
    visit.check("home-guardian-phone")
