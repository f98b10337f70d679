"""A school leader changes the grading policy the way the issue asks: she drafts it,
reads what it would change on the school's real evidence (Lena's early "not yet" becoming
proficient, and the course credit that follows), compares Lena's two explanations, adopts
it with a reason, and watches the recompute finish. Lena then finds the credit awarded.

Riverside starts on the decaying average (w = 0.65), where Lena's 1 then 3 on N.1.a is
2.3, not yet; the draft is Continuum's default (Marzano's power law, summative only),
where it is 3, proficient.
"""

from datetime import date

import pytest

from continuum.evidence.models import Estimate, EstimateStatus
from continuum.evidence.tests.known_answers import one_then_three
from continuum.frameworks.tests.factories import sample_framework
from continuum.supports.services.requirements import requirement_create


@pytest.fixture
def school(decaying_average_district, settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
    world = decaying_average_district
    sample = sample_framework()
    one_then_three(world, sample["N.1.a"])
    requirement_create(
        by=world["leo"],
        school=world["school"],
        title="Grade 6 ratios (course credit)",
        kind="course_credit",
        starts_on=date(2026, 9, 1),
        due_on=date(2027, 6, 30),
        competencies=[sample["N.1.a"]],
        sections=[world["math_a"]],
    )
    world["sample"] = sample
    return world


def test_a_leader_drafts_replays_and_adopts_a_policy_and_the_learner_sees_her_credit(visit, school):
    page = visit.page
    visit.login("leo")
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Grading policy").click()
    visit.check("grading-home")
    page.get_by_role("link", name="Maple Grove").first.click()
    page.get_by_label("Draft a change for").select_option(label="Every framework")
    visit.check("grading-scope")
    page.get_by_role("button", name="Draft a change").click()
    page.get_by_label("Calculation method").select_option("power_law")
    page.locator("#id_p_floor").wait_for()
    page.get_by_label("Summative evidence only").check()
    page.get_by_label("What this draft is for").fill("Stop averaging early not yet into mastery")
    visit.check("grading-draft-form")
    page.get_by_role("button", name="Save the draft and replay it").click()
    page.get_by_role("heading", name="What adopting it would change").wait_for()
    moves = page.get_by_role("table", name="Estimates by status move")
    assert "not yet" in moves.inner_text()
    assert "proficient" in moves.inner_text()
    credits = page.get_by_role(
        "table", name="Credits and certificates whose rule would be met differently"
    )
    assert "would be met" in credits.inner_text()
    visit.check("grading-replay")
    page.set_viewport_size({"width": 390, "height": 844})
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    visit.check("grading-replay-phone")
    page.set_viewport_size({"width": 1280, "height": 900})

    page.get_by_role("link", name="Both explanations: Lena Ortiz, N.1.a").click()
    page.get_by_role("heading", name="Under the draft (power law)").wait_for()
    visit.check("grading-compare")
    page.go_back()

    page.get_by_label("Why").first.fill("Board decision: summative evidence shows mastery")
    page.get_by_role("button", name="Adopt this policy").click()
    page.get_by_text("follow this version").wait_for()
    visit.check("grading-adopted")
    estimate = Estimate.objects.get(learner=school["lena"], target=school["sample"]["N.1.a"])
    assert estimate.status == EstimateStatus.PROFICIENT

    visit.page.context.clear_cookies()
    visit.login("lena")
    page.get_by_role("navigation", name="Main").get_by_role(
        "link", name="My credits and certificates"
    ).click()
    assert "Grade 6 ratios (course credit)" in page.content()
    visit.check("grading-learner-credit")
