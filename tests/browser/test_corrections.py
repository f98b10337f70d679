"""Erin corrects a score she mistyped for Lena and sees the estimate change; Lena sees the
corrected score, that it was corrected, by whom and why."""

import re
from datetime import UTC, datetime

import pytest

from continuum.evidence.services.recording import evidence_record
from continuum.frameworks.tests.factories import sample_framework


@pytest.mark.django_db(transaction=True)
def test_an_educator_corrects_a_score_and_sees_the_estimate_change(visit, world):
    sample = sample_framework()
    lena, target = world["lena"], sample["N.1.a"]
    evidence_record(
        learner=lena,
        target=target,
        scorer=world["erin"],
        level=1,
        assessed_at=datetime(2026, 9, 7, 9, tzinfo=UTC),
    )
    page = visit.page
    visit.login("erin")
    visit.open(f"/learning/learners/{lena.pk}/targets/{target.pk}/", "corrections-before")
    estimate = page.locator("#estimate-heading + p")
    assert "Not yet" in estimate.inner_text()

    page.get_by_role("link", name=re.compile("Correct the score of 7 Sep 2026")).click()
    visit.check("corrections-form")
    page.get_by_label("Level:").select_option("3")
    page.get_by_label("Reason for the correction").fill("Typed 1 for a 3 on the rubric")
    page.get_by_role("button", name="Save the correction").click()
    page.wait_for_url(f"**/learning/learners/{lena.pk}/targets/{target.pk}/")
    visit.check("corrections-after")
    assert "Proficient" in page.locator("#estimate-heading + p").inner_text()
    corrections = page.get_by_role("region", name="Corrected scores")
    assert "1 Beginning → 3 Proficient" in corrections.inner_text()
    assert "Typed 1 for a 3 on the rubric" in corrections.inner_text()

    page.get_by_role("button", name="Sign out").click()
    page.wait_for_url(re.compile(r".*/login/.*|.*/$"))
    visit.login("lena")
    visit.open(f"/learning/learners/{lena.pk}/targets/{target.pk}/", "corrections-learner")
    assert "Proficient" in page.locator("#estimate-heading + p").inner_text()
    seen = page.get_by_role("region", name="Corrected scores").inner_text()
    assert "Erin Walsh corrected the evidence of 7 Sep 2026" in seen
    assert "Typed 1 for a 3 on the rubric" in seen
    assert page.get_by_role("link", name=re.compile("^Correct")).count() == 0
