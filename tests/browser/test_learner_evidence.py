"""A learner sees not yet, asks for reassessment, is reassessed and sees her estimate
rise; she adds a PNG to her portfolio and her educator accepts it as evidence."""

import re
from datetime import UTC, datetime

import pytest

from continuum.evidence.services.recording import evidence_record
from continuum.frameworks.tests.factories import sample_framework
from continuum.learning.tests.portfolio_files import PNG, private_storage_in

PREPARED = "I redid the ratio tables with my tutor and explained each one out loud."


def switch_to(visit, username: str) -> None:
    visit.page.get_by_role("button", name="Sign out").click()
    visit.page.wait_for_url(re.compile(r".*/login/.*|.*/$"))
    visit.login(username)


@pytest.mark.django_db(transaction=True)
def test_a_not_yet_is_reassessed_and_the_estimate_rises(visit, world):
    sample = sample_framework()
    lena, target = world["lena"], sample["N.1.a"]
    evidence_record(
        learner=lena,
        target=target,
        scorer=world["erin"],
        level=1,
        assessed_at=datetime(2026, 9, 7, 9, tzinfo=UTC),
        feedback="Check which quantity comes first in the ratio.",
    )
    page = visit.page
    visit.login("lena")
    visit.open(f"/learning/learners/{lena.pk}/", "learners-evidence-not-yet")
    card = page.get_by_role("article", name=re.compile("N.1.a"))
    assert "Not yet · 1" in card.inner_text()

    card.get_by_role("link", name="Why this estimate?").click()
    visit.check("learners-estimate-explained")
    assert "What if my next score were" in page.content()

    page.get_by_role("link", name="Ask for reassessment").click()
    visit.check("learners-reassessment-request")
    page.get_by_label("How did you prepare?").fill(PREPARED)
    page.get_by_role("button", name="Send request").click()
    # back at the target she asked about, not at the top of her evidence page
    page.wait_for_url(f"**/learning/learners/{lena.pk}/#target-{sample['N.1.a'].pk}")
    assert "Reassessment: requested" in page.content()

    switch_to(visit, "erin")
    visit.open("/learning/requests/", "learners-requests-queue")
    page.get_by_role("link", name=re.compile("Lena Ortiz — N.1.a")).click()
    visit.check("learners-reassessment-decide")
    page.get_by_label("Date and time of the reassessment").fill("2026-09-14T10:30")
    page.get_by_role("button", name="Schedule").click()
    page.get_by_role("heading", name="Record the result").wait_for()
    page.get_by_label("4 Advanced").check()
    page.get_by_label("Feedback").fill("Clear reasoning with every ratio.")
    page.get_by_role("button", name="Record result").click()
    page.get_by_text("Result: level 4").wait_for()
    visit.check("learners-reassessment-done")

    switch_to(visit, "lena")
    visit.open(f"/learning/learners/{lena.pk}/", "learners-evidence-after")
    card = page.get_by_role("article", name=re.compile("N.1.a"))
    assert "Advanced · 4" in card.inner_text()  # the power trend through 1 then 4 reads 4
    assert "Reassessment" in card.inner_text()


@pytest.mark.django_db(transaction=True)
def test_a_portfolio_png_is_accepted_as_evidence(visit, world, tmp_path):
    private_storage_in(tmp_path)
    sample = sample_framework()
    lena = world["lena"]
    page = visit.page
    visit.login("lena")
    visit.open(
        f"/learning/learners/{lena.pk}/portfolio/upload/?target={sample['N.1.b'].pk}",
        "learners-portfolio-upload",
    )
    page.get_by_label("Title").fill("Equal ratios poster")
    page.get_by_label("File").set_input_files(
        files=[{"name": "poster.png", "mimeType": "image/png", "buffer": PNG}]
    )
    assert page.get_by_label("N.1.b — I can find equal ratios").is_checked()
    page.get_by_label("Reflection (optional)").fill("I used a table to find equal ratios.")
    page.get_by_role("button", name="Upload").click()
    page.wait_for_url(re.compile(rf".*/learning/learners/{lena.pk}/portfolio/#artifact-\d+$"))
    visit.check("learners-portfolio")
    assert "Submitted" in page.content()

    switch_to(visit, "erin")
    visit.open("/learning/requests/", "learners-requests-with-work")
    page.get_by_role("link", name="Equal ratios poster").click()
    visit.check("learners-portfolio-review")
    page.get_by_label("Level on N.1.b").select_option(label="3 Proficient")
    page.get_by_label("Feedback").fill("Clear tables.")
    page.get_by_role("button", name="Accept as evidence").click()
    page.get_by_text("Accepted as evidence; the estimates are updated.").wait_for()
    visit.check("learners-portfolio-accepted")
    assert "level 3, scored by Erin Walsh" in page.content()

    switch_to(visit, "lena")
    visit.open(f"/learning/learners/{lena.pk}/", "learners-evidence-portfolio")
    card = page.get_by_role("article", name=re.compile("N.1.b"))
    assert "Proficient · 3" in card.inner_text()
    assert "Portfolio" in card.inner_text()
