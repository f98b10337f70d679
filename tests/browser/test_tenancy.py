"""Districts are tenants, in a real browser: Riverside's admin shares a framework read-only,
and Lakeside's admin then reads it without any way to change it."""

import pytest

from continuum.frameworks.tests.factories import sample_framework


@pytest.mark.django_db(transaction=True)
def test_a_shared_framework_is_read_by_another_district_and_changed_only_by_its_own(visit, world):
    sample = sample_framework(owner=world["district"])
    framework = sample.version.framework

    visit.login("ada")
    visit.page.goto(f"/continuum/{framework.pk}/")
    assert visit.page.get_by_text("Owned by Riverside District").is_visible()
    visit.page.get_by_role("link", name="Sharing with other districts").click()
    visit.page.get_by_label("Share read-only with other districts").check()
    visit.page.get_by_label("Reason for the change").fill("Lakeside aligns its courses to ours")
    visit.page.get_by_role("button", name="Save").click()
    visit.check("framework-shared")
    assert visit.page.get_by_text("shared read-only with other districts").is_visible()
    visit.page.context.clear_cookies()

    visit.login("otto")
    visit.page.goto("/continuum/")
    visit.page.get_by_role("link", name=framework.title).first.click()
    assert visit.page.get_by_text("Owned by Riverside District").is_visible()
    assert visit.page.get_by_role("link", name="Sharing with other districts").count() == 0
    visit.page.goto(f"/continuum/items/{sample['N.1.b'].pk}/")
    assert visit.page.get_by_role("link", name="Edit").count() == 0
    visit.check("framework-shared-read-by-another-district")
    response = visit.page.goto(f"/continuum/items/{sample['N.1.b'].pk}/edit/")
    assert response.status == 404
