"""Learner agency: Lena proposes how she will show a target; Erin approves it against the
target's descriptors or asks for a revision."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from continuum.learning.models import Proposal
from continuum.learning.services.proposals import (
    proposal_create,
    proposal_review,
    proposal_withdraw,
)

IDEA = "A poster comparing recipes, with ratio tables for each ingredient."


def propose(world, sample, by="lena", **options):
    return proposal_create(
        learner=world["lena"],
        target=sample["N.1.a"],
        by=world[by],
        way=options.pop("way", "project"),
        description=options.pop("description", IDEA),
    )


def test_a_learner_proposes_how_she_will_show_a_target(world, sample):
    proposal = propose(world, sample)
    assert (proposal.status, proposal.way) == ("proposed", "project")


@pytest.mark.parametrize("who", ["erin", "gabe", "omar"])
def test_only_the_learner_herself_proposes(world, sample, who):
    with pytest.raises(PermissionDenied):
        propose(world, sample, by=who)
    assert not Proposal.objects.exists()


def test_a_proposal_needs_a_real_description_and_a_known_way(world, sample):
    with pytest.raises(ValidationError, match="at least 20 characters"):
        propose(world, sample, description="poster")
    with pytest.raises(ValidationError, match="not a way of showing learning"):
        propose(world, sample, way="dance-off")
    assert not Proposal.objects.exists()


def test_the_educator_approves_it(world, sample):
    approved = proposal_review(proposal=propose(world, sample), by=world["erin"], approve=True)
    assert (approved.status, approved.reviewer) == ("approved", world["erin"])
    assert approved.decided_at is not None


def test_asking_for_a_revision_needs_a_note(world, sample):
    proposal = propose(world, sample)
    with pytest.raises(ValidationError, match="Say what to revise"):
        proposal_review(proposal=proposal, by=world["erin"], approve=False, note="")
    revised = proposal_review(
        proposal=proposal, by=world["erin"], approve=False, note="Add a level 4 stretch."
    )
    assert revised.get_status_display() == "Needs revision"


def test_a_proposal_is_reviewed_once(world, sample):
    proposal = proposal_review(proposal=propose(world, sample), by=world["erin"], approve=True)
    with pytest.raises(ValidationError, match="approved; it cannot be reviewed"):
        proposal_review(proposal=proposal, by=world["erin"], approve=False, note="Hmm")


def test_only_the_learners_educator_reviews(world, sample):
    with pytest.raises(PermissionDenied):
        proposal_review(proposal=propose(world, sample), by=world["eli"], approve=True)


def test_the_learner_withdraws_a_waiting_proposal_but_not_an_approved_one(world, sample):
    assert proposal_withdraw(proposal=propose(world, sample), by=world["lena"]).status == (
        "withdrawn"
    )
    approved = proposal_review(proposal=propose(world, sample), by=world["erin"], approve=True)
    with pytest.raises(ValidationError, match="approved; it cannot be withdrawn"):
        proposal_withdraw(proposal=approved, by=world["lena"])


def test_the_review_page_shows_the_targets_descriptors(client, world, sample):
    proposal = propose(world, sample)
    client.force_login(world["erin"])
    page = client.get(reverse("proposal_detail", args=[proposal.pk])).content.decode()
    assert "N.1.a at proficient" in page
    assert "Review against the descriptors" in page


def test_the_learner_sees_the_note_but_no_review_form(client, world, sample):
    proposal = proposal_review(
        proposal=propose(world, sample), by=world["erin"], approve=False, note="Add units."
    )
    client.force_login(world["lena"])
    page = client.get(reverse("proposal_detail", args=[proposal.pk])).content.decode()
    assert "Add units." in page
    assert "Review against the descriptors" not in page
    assert "Send a revised proposal" in page


def test_reviewing_from_the_page(client, world, sample):
    proposal = propose(world, sample)
    client.force_login(world["erin"])
    url = reverse("proposal_review", args=[proposal.pk])
    page = client.post(url, {"decision": "revise", "note": ""}).content.decode()
    assert "Say what to revise" in page
    assert client.post(url, {"decision": "approve"}).status_code == 302
    proposal.refresh_from_db()
    assert proposal.status == "approved"
