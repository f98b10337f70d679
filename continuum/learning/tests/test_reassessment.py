"""Reassessment: asking when ready, approving and scheduling, not yet approved, the result
joining the body of evidence, and every move the state machine refuses."""

from datetime import UTC, datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from continuum.evidence.models import Estimate, Evidence
from continuum.evidence.models import EstimateStatus as S
from continuum.evidence.services.recording import evidence_record
from continuum.learning.models import Reassessment
from continuum.learning.services.reassessment import (
    reassessment_complete,
    reassessment_decline,
    reassessment_request,
    reassessment_schedule,
    reassessment_withdraw,
)

MONDAY = datetime(2026, 9, 7, 9, tzinfo=UTC)
PREPARED = "I redid the ratio tables with a tutor and checked each answer."


@pytest.fixture
def not_yet(world, sample):
    """Lena has a not yet (level 1) on N.1.a, scored by Erin."""
    evidence_record(
        learner=world["lena"],
        target=sample["N.1.a"],
        scorer=world["erin"],
        level=1,
        assessed_at=MONDAY,
    )
    return sample["N.1.a"]


def ask(world, target, by="lena"):
    return reassessment_request(
        learner=world["lena"], target=target, by=world[by], preparation=PREPARED
    )


def test_a_learner_asks_saying_how_they_prepared(world, not_yet):
    request = ask(world, not_yet)
    assert request.status == "requested"
    assert request.requested_by == world["lena"]
    assert request.history.first().history_user == world["lena"]


def test_their_educator_may_ask_for_them(world, not_yet):
    assert ask(world, not_yet, by="erin").requested_by == world["erin"]


def test_the_preparation_is_required_and_long_enough(world, not_yet):
    with pytest.raises(ValidationError, match="at least 20 characters"):
        reassessment_request(
            learner=world["lena"], target=not_yet, by=world["lena"], preparation="  ready  "
        )
    assert not Reassessment.objects.exists()


@pytest.mark.parametrize("who", ["omar", "gabe", "eli", "cora"])
def test_nobody_else_may_ask(world, not_yet, who):
    with pytest.raises(PermissionDenied):
        ask(world, not_yet, by=who)


def test_one_open_request_per_learner_and_target(world, not_yet):
    ask(world, not_yet)
    with pytest.raises(ValidationError, match=r"already an open reassessment request on N\.1\.a"):
        ask(world, not_yet)
    assert Reassessment.objects.count() == 1


def test_after_a_decline_the_learner_may_ask_again(world, not_yet):
    reassessment_decline(reassessment=ask(world, not_yet), by=world["erin"], note="Practise first")
    assert ask(world, not_yet).status == "requested"


def test_only_learning_targets_can_be_reassessed(world, sample):
    with pytest.raises(ValidationError, match="not a learning target"):
        ask(world, sample["N.1"])


def test_scheduling_then_recording_a_4_raises_the_not_yet(world, not_yet):
    request = ask(world, not_yet)
    scheduled = reassessment_schedule(
        reassessment=request, by=world["erin"], scheduled_for=datetime(2026, 9, 14, 10, 30)
    )
    assert scheduled.status == "scheduled"
    assert scheduled.scheduled_for is not None
    assert scheduled.scheduled_for.tzinfo is not None
    done = reassessment_complete(
        reassessment=scheduled, by=world["erin"], level=4, feedback="Clear reasoning."
    )
    assert done.status == "completed"
    evidence = done.evidence
    assert evidence is not None
    assert (evidence.source, evidence.level, evidence.scorer) == ("reassessment", 4, world["erin"])
    estimate = Estimate.objects.get(learner=world["lena"], target=not_yet)
    # The default power law: the trend 1·t² through the 1 and the 4 reads 4. The early not
    # yet is not averaged in (the old decaying average gave 0.65·4 + 0.35·1 = 2.95).
    assert estimate.level == pytest.approx(4)
    assert estimate.status == S.ADVANCED


def test_a_reassessment_can_be_moved_to_another_time(world, not_yet):
    request = reassessment_schedule(
        reassessment=ask(world, not_yet), by=world["erin"], scheduled_for=MONDAY
    )
    moved = reassessment_schedule(
        reassessment=request, by=world["erin"], scheduled_for=datetime(2026, 9, 21, 9, tzinfo=UTC)
    )
    assert moved.scheduled_for is not None
    assert moved.scheduled_for.day == 21


def test_not_yet_approved_needs_a_note(world, not_yet):
    request = ask(world, not_yet)
    with pytest.raises(ValidationError, match="Say what the learner should do"):
        reassessment_decline(reassessment=request, by=world["erin"], note=" ")
    declined = reassessment_decline(reassessment=request, by=world["erin"], note="Do set B first")
    assert declined.get_status_display() == "Not yet approved"


def test_completing_a_declined_request_is_refused_and_records_nothing(world, not_yet):
    request = reassessment_decline(reassessment=ask(world, not_yet), by=world["erin"], note="Later")
    with pytest.raises(ValidationError, match="not yet approved; it cannot be completed"):
        reassessment_complete(reassessment=request, by=world["erin"], level=4)
    assert Evidence.objects.count() == 1


def test_completing_before_scheduling_is_refused(world, not_yet):
    with pytest.raises(ValidationError, match="must be approved and scheduled first"):
        reassessment_complete(reassessment=ask(world, not_yet), by=world["erin"], level=4)


def test_a_level_off_the_scale_changes_nothing(world, not_yet):
    request = reassessment_schedule(
        reassessment=ask(world, not_yet), by=world["erin"], scheduled_for=MONDAY
    )
    with pytest.raises(ValidationError, match="Level 7 is not on the scale"):
        reassessment_complete(reassessment=request, by=world["erin"], level=7)
    request.refresh_from_db()
    assert request.status == "scheduled"
    assert Evidence.objects.count() == 1


def test_a_withdrawn_request_cannot_be_scheduled(world, not_yet):
    request = reassessment_withdraw(reassessment=ask(world, not_yet), by=world["lena"])
    with pytest.raises(ValidationError, match="withdrawn; it cannot be scheduled"):
        reassessment_schedule(reassessment=request, by=world["erin"], scheduled_for=MONDAY)


def test_a_completed_request_cannot_be_withdrawn(world, not_yet):
    request = reassessment_schedule(
        reassessment=ask(world, not_yet), by=world["erin"], scheduled_for=MONDAY
    )
    reassessment_complete(reassessment=request, by=world["erin"], level=3)
    with pytest.raises(ValidationError, match="reassessed; it cannot be withdrawn"):
        reassessment_withdraw(reassessment=request, by=world["lena"])


def test_only_the_learners_educator_decides(world, not_yet):
    request = ask(world, not_yet)
    for who in ("eli", "lena", "leo"):
        with pytest.raises(PermissionDenied):
            reassessment_schedule(reassessment=request, by=world[who], scheduled_for=MONDAY)
    with pytest.raises(PermissionDenied):
        reassessment_withdraw(reassessment=request, by=world["gabe"])


# Views


def test_lena_asks_from_her_page_and_erin_sees_it_in_her_queue(client, world, not_yet):
    client.force_login(world["lena"])
    url = reverse("reassessment_request", args=[world["lena"].pk, not_yet.pk])
    response = client.post(url, {"preparation": PREPARED})
    assert response.status_code == 302
    client.force_login(world["erin"])
    page = client.get(reverse("learner_requests")).content.decode()
    assert "Lena Ortiz" in page
    assert "I redid the ratio tables" in page


def test_a_short_preparation_shows_the_error_on_the_form(client, world, not_yet):
    client.force_login(world["lena"])
    url = reverse("reassessment_request", args=[world["lena"].pk, not_yet.pk])
    page = client.post(url, {"preparation": "ready"}).content.decode()
    assert "at least 20 characters" in page
    assert not Reassessment.objects.exists()


def test_completing_a_declined_request_from_the_page_shows_why(client, world, not_yet):
    request = reassessment_decline(reassessment=ask(world, not_yet), by=world["erin"], note="Later")
    client.force_login(world["erin"])
    url = reverse("reassessment_complete", args=[request.pk])
    response = client.post(url, {"level": "4"})
    assert response.status_code == 200
    assert "it cannot be completed" in response.content.decode()


def test_eli_cannot_open_the_queue_of_lenas_requests(client, world, not_yet):
    ask(world, not_yet)
    client.force_login(world["eli"])
    page = client.get(reverse("learner_requests")).content.decode()
    assert "Lena Ortiz" not in page
    request = Reassessment.objects.get()
    assert client.get(reverse("reassessment_detail", args=[request.pk])).status_code == 404
