"""Requirements in the browser, the way issue 11 asks: Leo, who leads Maple Grove, makes a
CTE certificate in the editor (first mixing in a lifelong-learning competency, which is
refused), Lena chooses it from her profile and says why, and Cora, her counselor, confirms
it from the caseload. Lena's page is also read on a phone.

The sample framework has academic competencies (N.1 ratios, N.2 proportional reasoning)
and a lifelong-learning one (SEL.1 manage time); Lena is on Cora's caseload.
"""

import pytest

from continuum.frameworks.tests.factories import sample_framework
from continuum.supports.models import Requirement, RequirementElection

CERTIFICATE = "Health-science certificate"
PHONE = {"width": 390, "height": 844}


@pytest.fixture
def school(world, settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
    return {**world, "sample": sample_framework()}


def _choose(page, label: str, codes: list[str]) -> None:
    """Select the competencies whose option label starts with each code."""
    options = page.get_by_label(label).locator("option").all_inner_texts()
    page.get_by_label(label).select_option(
        label=[text for text in options if text.split(" — ")[0] in codes]
    )


def _leader_creates_the_certificate(visit) -> None:
    page = visit.page
    visit.login("leo")
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Requirements").click()
    page.get_by_role("link", name="New requirement").click()
    page.get_by_label("Title").fill(CERTIFICATE)
    page.get_by_label("Kind").select_option("cte_certification")
    page.get_by_label("Work starts on").fill("2026-09-01")
    page.get_by_label("Due on").fill("2027-06-30")
    _choose(page, "Competencies or named targets", ["N.1", "N.2", "SEL.1"])
    page.get_by_label("All targets proficient").check()
    page.get_by_role("button", name="Create requirement").click()
    refusal = page.get_by_role("alert").filter(has_text="must all be academic or all lifelong")
    refusal.wait_for()
    assert "SEL.1" in refusal.inner_text()
    assert page.get_by_text("must all be academic or all lifelong learning").count() == 1
    assert not Requirement.objects.filter(title=CERTIFICATE).exists()
    visit.check("requirements-mixed-refused")

    _choose(page, "Competencies or named targets", ["N.1", "N.2"])
    page.get_by_role("button", name="Create requirement").click()
    page.get_by_text("Requirement created").wait_for()
    assert CERTIFICATE in page.get_by_role("table").inner_text()
    visit.check("requirements-list")
    page.get_by_role("link", name=CERTIFICATE).click()
    page.get_by_role("heading", name="Change history").wait_for()
    visit.check("requirements-edit")


def _learner_chooses_it(visit) -> None:
    page = visit.page
    page.context.clear_cookies()
    visit.login("lena")
    page.get_by_role("navigation", name="Main").get_by_role("link", name="My plan").click()
    page.get_by_role("navigation", name="My pathway").get_by_role("link", name="My profile").click()
    page.get_by_role("link", name="Certificates and pathways").click()
    offer = page.get_by_role("article", name=CERTIFICATE)
    assert "Understand ratios" in offer.inner_text()  # the competencies by name, not code only
    offer.get_by_label("Why you choose it (optional)").fill("I want to work at the River Clinic.")
    offer.get_by_role("button", name="Choose this").click()
    page.get_by_text("Chosen: your counselor will confirm it with you.").wait_for()
    assert "Waiting for a counselor" in page.get_by_role("article", name=CERTIFICATE).inner_text()
    visit.check("requirements-learner")
    page.set_viewport_size(PHONE)
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    visit.check("requirements-learner-phone")
    page.set_viewport_size({"width": 1280, "height": 900})


def test_a_leader_makes_a_certificate_a_learner_chooses_it_and_her_counselor_confirms(
    visit, school
):
    _leader_creates_the_certificate(visit)
    _learner_chooses_it(visit)

    page = visit.page
    page.context.clear_cookies()
    visit.login("cora")
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Supports").click()
    waiting = page.get_by_role("table", name="Elections waiting for a decision")
    assert "I want to work at the River Clinic." in waiting.inner_text()
    visit.check("requirements-caseload")
    waiting.get_by_role("button", name=f"Confirm — {CERTIFICATE}").click()
    page.get_by_text("Confirmed.").first.wait_for()
    election = RequirementElection.objects.get(learner=school["lena"])
    assert election.state == RequirementElection.State.CONFIRMED
    assert election.decided_by == school["cora"]

    page.context.clear_cookies()
    visit.login("lena")
    page.goto("/supports/me/requirements/")
    assert CERTIFICATE in page.get_by_role("region", name="Counting for me now").inner_text()
    visit.check("requirements-learner-confirmed")
