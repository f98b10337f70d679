"""The educator's queue, decided row by row: approve and schedule or decline a
reassessment, approve a proposal or ask for a revision, accept or return portfolio work.
Each row posts to the services the request's own page uses and is replaced by its new
state, focused; without HTMX the queue comes back at the row."""

from datetime import UTC, datetime

import pytest
from django.urls import reverse

from continuum.evidence.models import Artifact, Evidence
from continuum.evidence.services.recording import evidence_record
from continuum.learning.models import Proposal, Reassessment
from continuum.learning.services.portfolio import artifact_upload
from continuum.learning.services.proposals import proposal_create
from continuum.learning.services.reassessment import reassessment_request
from continuum.learning.tests.portfolio_files import png, private_storage_in

MONDAY = datetime(2026, 9, 7, 9, tzinfo=UTC)
HTMX = {"HTTP_HX_REQUEST": "true"}


@pytest.fixture
def waiting(world, sample, tmp_path):
    """Lena (Erin's learner) waits on a reassessment of N.1.a (she has a 1 there), a
    proposal on N.1.b and a poster linked to N.1.a."""
    private_storage_in(tmp_path)
    lena, erin = world["lena"], world["erin"]
    evidence_record(learner=lena, target=sample["N.1.a"], scorer=erin, level=1, assessed_at=MONDAY)
    return {
        "reassessment": reassessment_request(
            learner=lena,
            target=sample["N.1.a"],
            by=lena,
            preparation="I redid the ratio tables with a tutor and checked each answer.",
        ),
        "proposal": proposal_create(
            learner=lena,
            target=sample["N.1.b"],
            by=lena,
            way="project",
            description="A poster comparing recipes, with ratio tables for each ingredient.",
        ),
        "artifact": artifact_upload(
            learner=lena, by=lena, upload=png(), title="Ratio poster", targets=[sample["N.1.a"]]
        ),
    }


def decide(client, kind, item, **data):
    url = reverse("learner_request_decide", args=[kind, item.pk])
    return client.post(url, data, **HTMX)


def test_every_waiting_row_has_its_decisions_inline(client, world, waiting):
    client.force_login(world["erin"])
    page = client.get(reverse("learner_requests")).text
    for kind, item in waiting.items():
        assert reverse("learner_request_decide", args=[kind, item.pk]) in page
    for words in ("Approve and schedule", "Decline", "Approve", "Accept as evidence", "Return"):
        assert words in page
    assert f'id="artifact-{waiting["artifact"].pk}-level_1"' in page  # ids unique per row


def test_approving_and_scheduling_replaces_the_row_with_its_new_state(client, world, waiting):
    client.force_login(world["erin"])
    response = decide(
        client,
        "reassessment",
        waiting["reassessment"],
        action="schedule",
        scheduled_for="2026-12-08T10:00",
    )
    page = response.text
    assert response.status_code == 200
    assert page.lstrip().startswith(f'<tr id="request-reassessment-{waiting["reassessment"].pk}"')
    assert "Approved and scheduled for Tue 8 Dec, 10:00." in page
    assert "autofocus" in page  # the focus lands on what was decided
    waiting["reassessment"].refresh_from_db()
    assert waiting["reassessment"].status == Reassessment.Status.SCHEDULED
    assert waiting["reassessment"].reviewer == world["erin"]


def test_declining_needs_a_note_and_the_row_says_so(client, world, waiting):
    client.force_login(world["erin"])
    page = decide(client, "reassessment", waiting["reassessment"], action="decline", note="").text
    assert "Nothing was decided:" in page
    assert "Approve and schedule" in page  # the row is still there to decide
    waiting["reassessment"].refresh_from_db()
    assert waiting["reassessment"].status == Reassessment.Status.REQUESTED
    page = decide(
        client, "reassessment", waiting["reassessment"], action="decline", note="Redo set 2"
    ).text
    assert "Declined: not yet approved" in page
    waiting["reassessment"].refresh_from_db()
    assert waiting["reassessment"].status == Reassessment.Status.DECLINED


def test_a_proposal_is_approved_or_declined_with_a_note(client, world, waiting):
    client.force_login(world["erin"])
    proposal = waiting["proposal"]
    refused = decide(client, "proposal", proposal, action="review", decision="revise", note="")
    assert "Say what to revise" in refused.text
    approved = decide(client, "proposal", proposal, action="review", decision="approve")
    assert "Approved." in approved.text
    proposal.refresh_from_db()
    assert proposal.status == Proposal.Status.APPROVED


def test_portfolio_work_is_accepted_at_a_level_or_returned(client, world, waiting):
    client.force_login(world["erin"])
    artifact = waiting["artifact"]
    page = decide(client, "artifact", artifact, action="accept", level_1="3", feedback="Neat").text
    assert "Accepted as evidence" in page
    artifact.refresh_from_db()
    assert artifact.status == Artifact.Status.VALIDATED
    assert Evidence.objects.filter(artifact=artifact, level=3, feedback="Neat").exists()


def test_without_htmx_the_queue_comes_back_at_the_row(client, world, waiting):
    client.force_login(world["erin"])
    url = reverse("learner_request_decide", args=["artifact", waiting["artifact"].pk])
    response = client.post(url, {"action": "return", "note": "Add your working"})
    assert response.status_code == 302
    assert response["Location"].endswith(f"#request-artifact-{waiting['artifact'].pk}")
    waiting["artifact"].refresh_from_db()
    assert waiting["artifact"].status == Artifact.Status.RETURNED


def test_another_educator_cannot_decide_lenas_requests(client, world, waiting):
    client.force_login(world["eli"])
    response = decide(client, "proposal", waiting["proposal"], action="review", decision="approve")
    assert response.status_code == 403
    waiting["proposal"].refresh_from_db()
    assert waiting["proposal"].status == Proposal.Status.PROPOSED


def test_an_unknown_kind_or_decision_is_not_found(client, world, waiting):
    client.force_login(world["erin"])
    assert client.post(reverse("learner_request_decide", args=["badge", 1])).status_code == 404
    assert decide(client, "proposal", waiting["proposal"], action="delete").status_code == 404
