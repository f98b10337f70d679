"""New feedback, reassessment decisions and goal check-ins reach the learner and their
guardians (Gabe guards Lena) without the other apps knowing about notifications."""

from datetime import UTC, date, datetime

import pytest
from django.urls import reverse

from continuum.evidence.services.recording import evidence_record
from continuum.frameworks.tests.factories import sample_framework
from continuum.learning.services.reassessment import (
    reassessment_complete,
    reassessment_decline,
    reassessment_request,
    reassessment_schedule,
)
from continuum.notifications.models import Kind, Notification

WHEN = datetime(2026, 9, 7, 9, tzinfo=UTC)


@pytest.fixture
def sample(db):
    return sample_framework()


def _record(world, sample, feedback: str):
    return evidence_record(
        learner=world["lena"],
        target=sample["N.1.a"],
        scorer=world["erin"],
        level=2,
        assessed_at=WHEN,
        feedback=feedback,
    )


def test_new_feedback_reaches_the_learner_and_her_guardian(world, sample):
    _record(world, sample, "Check which quantity comes first.")
    lena = Notification.objects.get(recipient=world["lena"])
    gabe = Notification.objects.get(recipient=world["gabe"])
    assert lena.kind == gabe.kind == Kind.FEEDBACK
    assert lena.title == "New feedback on N.1.a"
    assert gabe.title == "New feedback for Lena on N.1.a"
    assert gabe.body == "Check which quantity comes first."
    assert lena.url == reverse("learner_evidence", args=[world["lena"].pk])
    assert gabe.url == reverse("family_learner", args=[world["lena"].pk])
    assert not Notification.objects.filter(recipient=world["erin"]).exists()


def test_evidence_without_feedback_tells_nobody(world, sample):
    _record(world, sample, "  ")
    assert not Notification.objects.exists()


def test_a_reassessment_decision_is_told_once(world, sample):
    request = reassessment_request(
        learner=world["lena"],
        target=sample["N.1.a"],
        by=world["lena"],
        preparation="I practised ratio tables with my tutor every day.",
    )
    assert not Notification.objects.exists()
    reassessment_schedule(reassessment=request, by=world["erin"], scheduled_for=WHEN, note="Room 4")
    notices = Notification.objects.filter(kind=Kind.REASSESSMENT_DECISION)
    assert sorted(n.recipient.username for n in notices) == ["gabe", "lena"]
    assert notices.get(recipient=world["lena"]).title == "Reassessment approved: N.1.a"
    assert "Room 4" in notices.get(recipient=world["gabe"]).body
    request.refresh_from_db()
    request.save()  # saved again with no change of status: no second notice
    assert notices.count() == 2


def test_a_declined_reassessment_says_not_yet(world, sample):
    request = reassessment_request(
        learner=world["lena"],
        target=sample["N.1.a"],
        by=world["lena"],
        preparation="I practised ratio tables with my tutor every day.",
    )
    reassessment_decline(reassessment=request, by=world["erin"], note="Finish the practice set.")
    notice = Notification.objects.get(recipient=world["gabe"])
    assert notice.title == "Lena's reassessment not yet approved: N.1.a"


def test_a_goal_check_in_reaches_the_family(world, sample):
    from continuum.pathways.models import Goal
    from continuum.pathways.services import goal_check_in

    goal = Goal.objects.create(
        learner=world["lena"],
        title="Master ratios",
        by_when=date(2026, 12, 1),
        created_by=world["erin"],
    )
    goal_check_in(
        goal=goal, by=world["erin"], note="Half way there.", progress="on_track", on=WHEN.date()
    )
    notices = Notification.objects.filter(kind=Kind.GOAL_CHECKIN)
    assert sorted(n.recipient.username for n in notices) == ["gabe", "lena"]
    assert notices.get(recipient=world["gabe"]).title == "Lena had a goal check-in: Master ratios"
    assert notices.get(recipient=world["lena"]).body == "Half way there."


def test_a_completed_reassessment_is_one_notice_with_its_feedback(world, sample):
    request = reassessment_request(
        learner=world["lena"],
        target=sample["N.1.a"],
        by=world["lena"],
        preparation="I practised ratio tables with my tutor every day.",
    )
    reassessment_schedule(reassessment=request, by=world["erin"], scheduled_for=WHEN)
    Notification.objects.all().delete()
    reassessment_complete(
        reassessment=request, by=world["erin"], level=4, feedback="Every ratio explained."
    )
    notice = Notification.objects.get(recipient=world["lena"])
    assert notice.title == "Reassessed: N.1.a"
    assert notice.body == "Every ratio explained."
