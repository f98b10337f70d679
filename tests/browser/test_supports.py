"""Supports in the browser: an educator opens a support plan from a flag; a counselor
reads the caseload by pace."""

from datetime import UTC, datetime, timedelta

from django.utils import timezone

from continuum.evidence.services.recording import evidence_record
from continuum.people.models import CaseloadAssignment, Enrollment, Role, User
from continuum.supports.models import Flag, SupportPlan
from continuum.supports.services.compute import supports_compute
from continuum.supports.tests.conftest import supports_world


def _more_learners(world: dict) -> None:
    """Three more learners on Cora's caseload in Erin's class, at different paces."""
    maths, erin = world["maths"], world["erin"]
    start = datetime(2026, 9, 7, 9, tzinfo=UTC)
    for index, (first, mastered) in enumerate((("Ana", 4), ("Ben", 2), ("Chloe", 0))):
        learner = User.objects.create_user(
            f"learner{index}",
            password="a-long-test-password",
            role=Role.LEARNER,
            organization=world["school"],
            first_name=first,
            last_name="Reyes",
        )
        Enrollment.objects.create(section=world["math_a"], learner=learner)
        CaseloadAssignment.objects.create(counselor=world["cora"], learner=learner)
        for number, code in enumerate(("N.1.a", "N.1.b", "N.1.c", "N.2.a")):
            evidence_record(
                learner=learner,
                target=maths[code],
                scorer=erin,
                level=3 if number < mastered else 2,
                assessed_at=start + timedelta(weeks=number * 2),
            )


def _setup(world):
    data = supports_world(world)
    _more_learners(data)
    supports_compute(school=data["school"], today=timezone.localdate())
    return data


def test_an_educator_opens_a_support_plan_from_a_flag(visit, world):
    data = _setup(world)
    lena = data["lena"]
    visit.login("erin")
    visit.open(f"/supports/learners/{lena.pk}/", "supports-learner")
    row = visit.page.get_by_role("row").filter(has_text="Repeated not yet")
    row.get_by_role("link", name="Open a support plan").click()
    visit.page.wait_for_url("**/plans/new/**")
    assert "last 4 pieces of evidence" in visit.page.get_by_label("Concern").input_value()
    visit.page.get_by_label("Goal").fill("Reach proficient on N.1.a within three weeks.")
    review = (timezone.localdate() + timedelta(days=14)).isoformat()
    visit.page.get_by_label("Review date").fill(review)
    visit.check("supports-plan-form")
    visit.page.get_by_role("button", name="Open plan").click()
    visit.page.wait_for_url("**/supports/plans/**")
    visit.page.get_by_label("What will be done").fill("Small-group reteach on ratio tables")
    visit.page.locator("#id_due_on").fill(review)
    visit.page.get_by_role("button", name="Add action").click()
    visit.page.locator("#id_text").fill("Lena explained her first table correctly.")
    visit.page.get_by_role("button", name="Add note").click()
    visit.check("supports-plan")
    plan = SupportPlan.objects.get()
    assert plan.actions.count() == 1
    assert plan.notes.count() == 1
    assert Flag.objects.get(learner=lena, kind="repeated_not_yet").state == "acknowledged"


def test_a_counselor_reads_the_caseload_by_pace(visit, world):
    data = _setup(world)
    visit.login("cora")
    visit.open("/supports/", "supports-caseload")
    names = visit.page.locator("tbody tr td:first-child").all_inner_texts()
    assert names[-1] == "Ana Reyes"  # ahead, so least in need
    assert "Behind" in visit.page.locator("tbody tr").first.inner_text()
    visit.page.get_by_role("link", name="Lena Ortiz").click()
    visit.page.get_by_role("link", name="Pace", exact=True).click()
    visit.page.wait_for_url(f"**/supports/learners/{data['lena'].pk}/pace/")
    visit.check("supports-pace")
