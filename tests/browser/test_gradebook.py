"""Erin keeps her gradebook with the keyboard, explains an estimate and overrides it."""

from datetime import timedelta

import pytest
from django.utils import timezone

from continuum.evidence.models import Estimate, Evidence
from continuum.evidence.services.recording import evidence_record
from continuum.frameworks.tests.factories import sample_framework
from continuum.people.models import Enrollment, Role, User


def _class(world):
    sample = sample_framework()
    for username, first, last in (("nia", "Nia", "Adams"), ("sam", "Sam", "Brooks")):
        learner = User.objects.create_user(
            username,
            role=Role.LEARNER,
            organization=world["school"],
            first_name=first,
            last_name=last,
        )
        Enrollment.objects.create(section=world["math_a"], learner=learner)
    week_ago = timezone.now() - timedelta(days=7)
    for code, level in (("N.1.a", 2), ("N.1.b", 3), ("SEL.1.a", 1)):
        evidence_record(
            learner=world["lena"],
            target=sample[code],
            scorer=world["erin"],
            level=level,
            assessed_at=week_ago,
        )
    return sample


@pytest.mark.django_db(transaction=True)
def test_erin_scores_with_the_keyboard_explains_and_overrides(visit, world):
    sample = _class(world)
    visit.login("erin")
    visit.open("/gradebook/", "gradebook-home")
    visit.page.get_by_role("link", name="Math 6A").click()
    visit.check("gradebook-grid")
    page = visit.page
    grid = page.get_by_role("grid")
    # Erin records an end-of-unit check: summative, so it counts under the default policy.
    page.locator("#gb-kind").select_option("summative")
    # Tab into the grid: the first learner's first cell (Adams, Nia on N.1.a).
    page.locator("#gb-table [data-nav][tabindex='0']").focus()
    page.keyboard.type("3")
    page.keyboard.press("Enter")
    status = page.locator("#gb-status")
    # The confirmation comes back inside the cell, beside what was scored.
    grid.locator(".gb-confirm", has_text="Recorded: 3 Proficient").wait_for()
    page.keyboard.press("ArrowDown")  # Brooks, Sam
    page.keyboard.type("1")
    page.keyboard.press("Escape")
    status.get_by_text("Cancelled: nothing recorded.").wait_for()
    page.keyboard.type("2")
    page.keyboard.press("Enter")
    grid.locator(".gb-confirm", has_text="Recorded: 2 Developing").wait_for()
    page.keyboard.press("ArrowRight")
    page.keyboard.type("m")
    page.keyboard.press("Enter")
    grid.locator(".gb-confirm", has_text="Recorded: Missing").wait_for()
    page.keyboard.press("ArrowUp")  # Adams, Nia on N.1.b: a level off the scale
    page.keyboard.type("7")
    page.keyboard.press("Enter")
    status.get_by_text("Level 7 is not on the scale of N.1.b").wait_for()
    assert Evidence.objects.filter(learner__username="nia", target=sample["N.1.b"]).count() == 0
    nia_cell = grid.locator(f"#cell-{User.objects.get(username='nia').pk}-{sample['N.1.a'].pk}")
    assert nia_cell.inner_text().strip().startswith("3 P")
    visit.check("gradebook-scored")

    # The evidence view shows the latest evidence with its attempt count.
    page.get_by_role("link", name="Latest evidence").click()
    page.locator("#gb-table[data-view='evidence']").wait_for()
    visit.check("gradebook-evidence-view")
    page.get_by_role("link", name="Estimates").click()
    page.locator("#gb-table[data-view='estimate']").wait_for()

    # Lena's N.1.a: Enter opens the cell's scorer; its own link opens the explanation,
    # where Erin overrides the estimate with a reason.
    lena_cell = grid.locator(f"#cell-{world['lena'].pk}-{sample['N.1.a'].pk} a.gb-value")
    lena_cell.focus()
    page.keyboard.press("Enter")
    grid.get_by_role("link", name="Explain this estimate").click()
    dialog = page.get_by_role("dialog")
    dialog.get_by_text("Each piece of evidence and its part in the estimate").wait_for()
    assert "If the next score were 4" in dialog.inner_text()
    visit.check("gradebook-explain")
    dialog.get_by_label("Level to show instead").select_option("3")
    dialog.get_by_label("Reason for the override").fill("Explained ratios well in conference")
    dialog.get_by_role("button", name="Save the override").click()
    dialog.get_by_text("Shown instead (override)").wait_for()
    assert "Explained ratios well in conference" in dialog.locator(".gb-history").inner_text()
    visit.check("gradebook-override")
    page.keyboard.press("Escape")
    assert "3 P ✎" in grid.locator(f"#cell-{world['lena'].pk}-{sample['N.1.a'].pk}").inner_text()
    estimate = Estimate.objects.get(learner=world["lena"], target=sample["N.1.a"])
    assert estimate.history.first().history_change_reason == "Explained ratios well in conference"

    # Score the whole class on N.2.a from the column action.
    page.get_by_role("link", name="Score class on N.2.a").click()
    visit.check("gradebook-class-score")
    page.get_by_label("Lena Ortiz", exact=True).select_option("3")
    page.get_by_label("Nia Adams", exact=True).select_option("4")
    page.get_by_role("button", name="Record these scores").click()
    page.get_by_text("Recorded 2 scores on N.2.a.").wait_for()
    assert Evidence.objects.filter(target=sample["N.2.a"]).count() == 2
