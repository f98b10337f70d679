"""Each role signs in and finds its way around."""

import pytest


@pytest.mark.django_db(transaction=True)
def test_an_educator_signs_in_and_sees_their_sections(visit, world):
    visit.open("/login/", "login")
    visit.login("erin")
    visit.check("home-educator")
    visit.page.get_by_role("link", name="Math 6A").first.click()
    visit.check("section-detail")
    assert visit.page.get_by_role("link", name="Lena Ortiz").is_visible()
    assert visit.page.get_by_text("Omar Haddad").count() == 0


@pytest.mark.django_db(transaction=True)
def test_a_guardian_sees_only_their_child(visit, world):
    visit.login("gabe")
    visit.check("home-guardian")
    # One card per child, by name: Lena only.
    assert visit.page.get_by_role("heading", name="Lena Ortiz").is_visible()
    assert visit.page.get_by_text("Omar Haddad").count() == 0
    visit.page.goto(f"/learners/{world['lena'].pk}/")
    visit.check("learner-detail-guardian")
    visit.page.goto(f"/learners/{world['omar'].pk}/")
    assert "Not found" in visit.page.content()  # as for an id that does not exist
