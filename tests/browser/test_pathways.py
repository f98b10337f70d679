"""A learner drafts her plan, reads why each step was suggested, accepts one, sets a
goal, sees the step's target ready on her dashboard and submits portfolio work for it; her educator comments on the goal, sees the profile with accommodations and agrees
the plan. The catalog and the community partners page are checked too."""

import re
from datetime import UTC, datetime, timedelta

import pytest
from django.utils import timezone

from continuum.evidence.models import Artifact
from continuum.evidence.services.recording import evidence_record
from continuum.frameworks.tests.factories import sample_framework
from continuum.learning.tests.portfolio_files import PNG, private_storage_in
from continuum.pathways import services


def switch_to(visit, username: str) -> None:
    visit.page.get_by_role("button", name="Sign out").click()
    visit.page.wait_for_url(re.compile(r".*/login/.*|.*/$"))
    visit.login(username)


def _catalog(world, sample) -> None:
    erin, pat = world["erin"], world["pat"]
    for title, kind, setting, interests, code, partner in (
        ("Ratio beats: mixing music by ratio", "project", "school", ["music"], "N.1.b", None),
        ("Recipe scaling workshop", "activity", "school", ["cooking"], "N.1.b", None),
        ("Khan Academy: rates and unit rates", "resource", "online", [], "N.1.c", None),
        ("Clinic dosage ratios", "opportunity", "workplace", ["health"], "N.2.a", pat),
        ("Weekly planner challenge", "activity", "school", ["sports"], "SEL.1.a", None),
    ):
        services.experience_save(
            by=pat if partner else erin,
            fields={
                "title": title,
                "kind": kind,
                "setting": setting,
                "interests": interests,
                "description": f"{title}. Learners show what they can do with ratios.",
                "modality": "in_person" if setting != "online" else "online",
            },
            targets=[sample[code]],
        )


@pytest.mark.django_db(transaction=True)
def test_a_learner_plans_and_her_educator_agrees(visit, world, tmp_path):
    private_storage_in(tmp_path)
    sample = sample_framework()
    lena = world["lena"]
    evidence_record(
        learner=lena,
        target=sample["N.1.a"],
        scorer=world["erin"],
        level=3,
        assessed_at=datetime(2026, 9, 7, 9, tzinfo=UTC),
    )
    _catalog(world, sample)
    services.profile_update(
        learner=lena,
        by=lena,
        changes={
            "interests": ["music", "health"],
            "aspirations": "A nurse, or a music producer.",
            "strengths": "I keep trying when it is hard.",
            "preferred_ways": ["project", "conversation"],
            "languages": ["English", "Spanish"],
        },
    )
    page = visit.page
    visit.login("lena")
    visit.open(f"/pathways/learners/{lena.pk}/plan/", "pathways-plan-empty")
    page.get_by_role("button", name="Draft my next steps").click()
    page.get_by_text("Why this step").first.wait_for()
    visit.check("pathways-plan-draft")
    first = page.locator("li.plan-step").first
    assert "N.1.b" in first.inner_text()
    assert "Ready: its prerequisite N.1.a is mastered" in first.inner_text()
    assert "Fits your interest in music" in first.inner_text()
    first.get_by_role("button", name=re.compile("Accept")).click()
    page.get_by_text("Plan updated.").wait_for()
    assert "Accepted" in page.locator("li.plan-step").first.inner_text()
    page.get_by_role("button", name="I agree this plan").click()
    page.get_by_text("Agreed by the learner").wait_for()

    visit.open(f"/pathways/learners/{lena.pk}/goals/", "pathways-goals-empty")
    page.get_by_label("My goal").fill("Master ratios before winter break")
    page.get_by_label("Learning targets").select_option(value=str(sample["N.1.b"].pk))
    by_when = timezone.localdate() + timedelta(days=40)
    page.get_by_label("By when").fill(by_when.isoformat())
    page.get_by_label("How I will get there").fill("Finish the ratio beats project.")
    page.get_by_role("button", name="Set goal").click()
    page.get_by_text("Goal set.").wait_for()
    visit.check("pathways-goals")
    visit.open(f"/pathways/learners/{lena.pk}/profile/", "pathways-profile-learner")
    assert "Accommodations" not in page.content()

    # Her dashboard lists the step's target as ready; she shows it from the plan step.
    visit.open(f"/dashboard/learners/{lena.pk}/", "pathways-dashboard-ready")
    ready = page.get_by_role("region", name="Ready to learn next").inner_text()
    assert "I can find equal ratios" in ready  # whole targets, no codes, on her own page
    visit.open(f"/pathways/learners/{lena.pk}/plan/", "pathways-plan-accepted")
    page.locator("li.plan-step").first.get_by_role(
        "link", name=re.compile("^Add work to my portfolio")
    ).click()
    page.get_by_label("Title").fill("Ratio beats track")
    page.get_by_label("File").set_input_files(
        files=[{"name": "track.png", "mimeType": "image/png", "buffer": PNG}]
    )
    assert page.get_by_label("N.1.b — I can find equal ratios").is_checked()
    page.get_by_role("button", name="Upload").click()
    page.wait_for_url(re.compile(rf".*/learning/learners/{lena.pk}/portfolio/#artifact-\d+$"))
    assert Artifact.objects.get(learner=lena).targets.get() == sample["N.1.b"]

    switch_to(visit, "erin")
    visit.open(f"/pathways/learners/{lena.pk}/goals/", "pathways-goals-educator")
    page.get_by_role("link", name="Master ratios before winter break").click()
    page.get_by_label("Comment (required)", exact=True).fill(
        "Great goal. Bring your draft track on Friday."
    )
    page.get_by_role("button", name="Add comment").click()
    page.get_by_text("Comment added.").wait_for()
    page.get_by_label("Progress (required)", exact=True).select_option("on_track")
    page.get_by_label("Note (required)", exact=True).fill("Two ratio tables done; one to go.")
    page.get_by_role("button", name="Record check-in").click()
    page.get_by_text("Check-in recorded.").wait_for()
    visit.check("pathways-goal-detail")

    visit.open(f"/pathways/learners/{lena.pk}/plan/", "pathways-plan-educator")
    page.get_by_role("button", name="Agree this plan").click()
    page.get_by_text("Agreed by Erin Walsh (educator)").wait_for()
    assert "Agreed by the learner" in page.content()
    visit.check("pathways-plan-agreed")

    visit.open(f"/pathways/learners/{lena.pk}/profile/", "pathways-profile-educator")
    page.get_by_label("Accommodations (educators and counselor only)").fill(
        "Extended time on timed checks."
    )
    page.get_by_role("button", name="Save profile").click()
    page.get_by_text("Profile saved.").wait_for()

    visit.open("/pathways/experiences/?interest=music", "pathways-experiences-filtered")
    assert "Ratio beats" in page.content()
    visit.open("/pathways/experiences/", "pathways-experiences")
    visit.open("/pathways/partners/", "pathways-partners")
    assert "Clinic dosage ratios" in page.content()
    visit.open("/pathways/experiences/new/", "pathways-experience-form")
