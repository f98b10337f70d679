"""The services announce their transitions (decision 0012): a reassessment decision once,
with the status before and after; nothing for a save that moves nothing; and a bulk write
notifies exactly as the same rows recorded one by one. Erin teaches Lena (guarded by Gabe)
and Nia in Math 6A."""

from datetime import UTC, datetime, timedelta

import pytest
from django.db import transaction

from continuum.evidence.models import EvidenceSource
from continuum.evidence.services.recording import evidence_record
from continuum.evidence.services.recording_bulk import EvidenceRow, evidence_record_many
from continuum.frameworks.tests.factories import sample_framework
from continuum.learning.services.reassessment import (
    reassessment_complete,
    reassessment_request,
    reassessment_schedule,
    reassessment_withdraw,
)
from continuum.learning.signals import reassessment_decided
from continuum.notifications.models import Kind, Notification
from continuum.people.models import Enrollment, GuardianLink, Role, User

WHEN = datetime(2026, 9, 7, 9, tzinfo=UTC)
PREPARATION = "I practised ratio tables with my tutor every day."


@pytest.fixture
def sample(db):
    return sample_framework()


@pytest.fixture
def decisions():
    """Every ``reassessment_decided`` sent while the test runs: (before, after)."""
    heard: list[tuple[str, str]] = []

    def listener(sender, reassessment, before, after, **kwargs):
        heard.append((before, after))

    reassessment_decided.connect(listener, dispatch_uid="test_decisions")
    yield heard
    reassessment_decided.disconnect(dispatch_uid="test_decisions")


def _request(world, sample):
    return reassessment_request(
        learner=world["lena"], target=sample["N.1.a"], by=world["lena"], preparation=PREPARATION
    )


def _notices() -> list[tuple[str, str, str]]:
    return list(
        Notification.objects.order_by("id").values_list("recipient__username", "kind", "title")
    )


def test_a_reassessment_saved_without_a_change_of_status_sends_no_notice(world, sample, decisions):
    request = _request(world, sample)
    reassessment_schedule(reassessment=request, by=world["erin"], scheduled_for=WHEN)
    told = _notices()
    reassessment_schedule(  # moved to another day: still scheduled, not a new decision
        reassessment=request, by=world["erin"], scheduled_for=WHEN + timedelta(days=1)
    )
    request.refresh_from_db()
    request.decision_note = "Bring your ratio tables."
    request.save()
    assert _notices() == told
    assert decisions == [("requested", "scheduled")]


def test_opening_or_withdrawing_a_request_is_no_decision(world, sample, decisions):
    reassessment_withdraw(reassessment=_request(world, sample), by=world["lena"])
    assert decisions == []
    assert not Notification.objects.exists()


def test_a_decision_is_announced_once_and_told_once_to_each_person(world, sample, decisions):
    request = _request(world, sample)
    reassessment_schedule(reassessment=request, by=world["erin"], scheduled_for=WHEN)
    reassessment_complete(
        reassessment=request, by=world["erin"], level=4, feedback="Every ratio explained."
    )
    assert decisions == [("requested", "scheduled"), ("scheduled", "completed")]
    assert _notices() == [
        ("lena", Kind.REASSESSMENT_DECISION, "Reassessment approved: N.1.a"),
        ("gabe", Kind.REASSESSMENT_DECISION, "Lena's reassessment approved: N.1.a"),
        ("lena", Kind.REASSESSMENT_DECISION, "Reassessed: N.1.a"),
        ("gabe", Kind.REASSESSMENT_DECISION, "Lena was reassessed: N.1.a"),
    ]


def _told_then_undone(record) -> list[tuple]:
    with transaction.atomic():
        record()
        told = list(
            Notification.objects.order_by("id").values_list(
                "recipient__username", "kind", "title", "body", "url"
            )
        )
        transaction.set_rollback(True)
    return told


@pytest.mark.parametrize("source", [EvidenceSource.ASSESSMENT, EvidenceSource.REASSESSMENT])
def test_recording_in_bulk_notifies_exactly_as_row_by_row(world, sample, source):
    nia = User.objects.create(
        username="nia", role=Role.LEARNER, organization=world["school"], first_name="Nia"
    )
    Enrollment.objects.create(section=world["math_a"], learner=nia)
    GuardianLink.objects.create(guardian=world["gabe"], learner=nia)
    lena = world["lena"]
    rows = [
        EvidenceRow(learner=lena, target=sample["N.1.a"], assessed_at=WHEN, level=2, feedback="A"),
        EvidenceRow(learner=nia, target=sample["N.1.b"], assessed_at=WHEN, level=3, feedback="B"),
        EvidenceRow(learner=lena, target=sample["N.1.c"], assessed_at=WHEN, level=3),
        EvidenceRow(learner=lena, target=sample["N.1.a"], assessed_at=WHEN, level=4, feedback=" "),
        EvidenceRow(learner=nia, target=sample["N.1.a"], assessed_at=WHEN, level=1, feedback="C"),
    ]

    def one_by_one():
        for row in rows:
            evidence_record(
                learner=row.learner,
                target=row.target,
                scorer=world["erin"],
                assessed_at=row.assessed_at,
                level=row.level,
                feedback=row.feedback,
                source=source,
            )

    bulk = _told_then_undone(
        lambda: evidence_record_many(rows=rows, scorer=world["erin"], source=source)
    )
    assert bulk == _told_then_undone(one_by_one)
    expected = 0 if source == EvidenceSource.REASSESSMENT else 6  # A, B, C: learner + Gabe
    assert len(bulk) == expected
