"""A district admin authors the continuum with the keyboard, on a desktop and a phone."""

import re

import pytest
from playwright.sync_api import expect

from continuum.frameworks.models import FrameworkItem
from continuum.frameworks.tests.factories import sample_framework


def _order(sample) -> list[str]:
    children = FrameworkItem.objects.filter(parent=sample["N.1"]).order_by("position", "pk")
    return [item.human_coding_scheme for item in children]


@pytest.mark.django_db(transaction=True)
def test_a_district_admin_moves_a_target_down_twice_with_the_keyboard(visit, world):
    sample = sample_framework(owner=world["district"])
    visit.login("ada")
    visit.open(f"/continuum/{sample.framework.pk}/author/", "continuum-author")
    visit.page.get_by_role("button", name=re.compile(r"Down\W+N\.1\.a ")).focus()
    visit.page.keyboard.press("Enter")
    visit.page.wait_for_url(re.compile(r"focus=\d+-down"))
    assert _order(sample) == ["N.1.b", "N.1.a", "N.1.c"]
    # Focus comes back to the same button, so a second Enter moves it again.
    focused = visit.page.evaluate(
        "[document.activeElement.tagName, document.activeElement.textContent]"
    )
    assert focused[0] == "BUTTON"
    assert "Down: N.1.a" in focused[1]
    visit.page.keyboard.press("Enter")
    last = visit.page.get_by_role("button", name=re.compile(r"Down\W+N\.1\.a "))
    expect(last).to_have_count(
        0, timeout=30_000
    )  # N.1.a is last now: nothing below it to swap with
    assert _order(sample) == ["N.1.b", "N.1.c", "N.1.a"]
    visit.check("continuum-author-reordered")
    history = visit.page.get_by_role("table", name="Imports and edits of this framework")
    assert history.inner_text().count("Order changed on the authoring page") == 2


@pytest.mark.django_db(transaction=True)
def test_a_district_admin_adds_and_retires_a_target_on_a_phone(visit, world):
    sample = sample_framework(owner=world["district"])
    visit.login("ada")
    visit.page.set_viewport_size({"width": 390, "height": 844})
    visit.page.goto(f"/continuum/{sample.framework.pk}/author/")
    visit.page.get_by_role("link", name=re.compile(r"Add a learning target\W+N\.2 ")).click()
    visit.check("continuum-author-add-phone")
    visit.page.get_by_label("Full statement").fill("Compare unit prices")
    visit.page.get_by_label("Code").fill("N.2.b")
    visit.page.get_by_label("Reason for the change").fill("New target for the unit")
    visit.page.get_by_role("button", name="Add", exact=True).click()
    visit.page.get_by_role("button", name=re.compile(r"Up\W+N\.2\.b ")).wait_for()
    visit.page.get_by_role("link", name=re.compile(r"Retire\W+N\.2\.b ")).click()
    visit.page.get_by_label("Reason for the change").fill("Added by mistake")
    visit.page.get_by_role("button", name="Retire", exact=True).click()
    retired = visit.page.locator("li.retired", has_text="N.2.b")
    retired.wait_for()
    visit.check("continuum-author-phone")
    assert FrameworkItem.objects.get(human_coding_scheme="N.2.b").retired_at is not None
