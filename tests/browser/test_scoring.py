"""Erin scores one cell with the keyboard only: the scorer opens in the cell, she types
feedback and picks a level, sees the confirmation beside the cell, and undoes it."""

from datetime import timedelta

import pytest
from django.utils import timezone

from continuum.evidence.models import Estimate, Evidence, Mark
from continuum.evidence.services.recording import evidence_record
from continuum.frameworks.tests.factories import sample_framework


def _focused_class(page) -> str:
    return page.evaluate("document.activeElement.className")


@pytest.mark.django_db(transaction=True)
def test_erin_scores_a_cell_by_keyboard_sees_it_beside_the_cell_and_undoes_it(visit, world):
    sample = sample_framework()
    lena, target = world["lena"], sample["N.1.b"]
    evidence_record(
        learner=lena,
        target=sample["N.1.a"],
        scorer=world["erin"],
        level=2,
        assessed_at=timezone.now() - timedelta(days=7),
    )
    visit.login("erin")
    visit.open(f"/gradebook/sections/{world['math_a'].pk}/", "scoring-grid")
    page = visit.page
    page.locator("#gb-kind").select_option("summative")
    # Tab into the grid (Lena on N.1.a), move right to N.1.b, open its scorer with Enter.
    page.locator("#gb-table [data-nav][tabindex='0']").focus()
    page.keyboard.press("ArrowRight")
    page.keyboard.press("Enter")
    scorer = page.locator("#gb-scorer")
    scorer.get_by_role("button", name="3 Proficient").wait_for()
    page.locator("#gb-scorer .gb-level:focus").wait_for()
    # Escape closes it and gives the focus back to the cell; Enter opens it again.
    page.keyboard.press("Escape")
    assert scorer.count() == 0
    assert "gb-value" in _focused_class(page)
    page.keyboard.press("Enter")
    page.locator("#gb-scorer .gb-level:focus").wait_for()
    visit.check("scoring-scorer")
    # Feedback sits just before the level buttons; then Tab to the third, "3 Proficient".
    page.keyboard.press("Shift+Tab")
    page.keyboard.type("Your ratio table is clear; label the units next time.")
    for _ in range(3):
        page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent").startswith("3 Proficient")
    page.keyboard.press("Enter")

    cell = page.locator(f"#cell-{lena.pk}-{target.pk}")
    confirm = cell.locator(".gb-confirm")
    confirm.get_by_text("Recorded: 3 Proficient").wait_for()
    assert confirm.get_attribute("role") == "status"
    # Beside the cell: the confirmation is drawn inside the cell's own box.
    box, said = cell.bounding_box(), confirm.bounding_box()
    assert box["y"] <= said["y"]
    assert said["y"] + said["height"] <= box["y"] + box["height"] + 1
    evidence = Evidence.objects.get(learner=lena, target=target)
    assert (evidence.level, evidence.kind) == (3, "summative")
    assert evidence.feedback == "Your ratio table is clear; label the units next time."
    assert Estimate.objects.get(learner=lena, target=target).level == 3
    visit.check("scoring-recorded")

    # The focus is back on the cell; Tab reaches its Undo.
    assert "gb-value" in _focused_class(page)
    page.keyboard.press("Tab")
    assert "gb-undo" in _focused_class(page)
    page.keyboard.press("Enter")
    cell.locator(".gb-confirm").get_by_text("Undone: 3 Proficient withdrawn").wait_for()
    evidence.refresh_from_db()
    assert evidence.mark == Mark.WITHDRAWN
    assert evidence.history.first().history_change_reason == "Undone by the educator"
    assert Estimate.objects.get(learner=lena, target=target).level is None
    visit.check("scoring-undone")
