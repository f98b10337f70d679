"""Every decision on a learner's request reaches them, linked to its page: a proposal
approved or sent back, a reassessment decided, portfolio work accepted or returned; new
early-warning flags reach the learner's counselor and educators. Lena is in Erin's Math 6A,
guarded by Gabe and on Cora's caseload; Omar is in Eli's Math 6B; Otto administers another
district. None of them hears about what is not theirs."""

from datetime import UTC, datetime

import pytest
from django.urls import reverse

from continuum.learning.services.portfolio import (
    artifact_return,
    artifact_upload,
    artifact_validate,
)
from continuum.learning.services.proposals import proposal_create, proposal_review
from continuum.learning.services.reassessment import reassessment_request, reassessment_schedule
from continuum.learning.tests.portfolio_files import private_storage_in, upload
from continuum.notifications.models import Kind, Notification
from continuum.notifications.selectors import unread_count
from continuum.notifications.services import preferences_update
from continuum.supports.services.compute import supports_compute
from continuum.supports.tests.conftest import TODAY, supports_world

WHEN = datetime(2026, 11, 23, 9, tzinfo=UTC)
IDEA = "A poster comparing the ratios of three recipes, explained in my own words."
BYSTANDERS = ("omar", "eli", "otto", "lara", "leo", "ada", "pat")


@pytest.fixture
def supports(world):
    return supports_world(world)


@pytest.fixture
def storage(tmp_path):
    private_storage_in(tmp_path)
    return tmp_path


def _told(kind: str) -> dict[str, Notification]:
    return {n.recipient.username: n for n in Notification.objects.filter(kind=kind)}


def _proposal(world, supports):
    return proposal_create(
        learner=world["lena"],
        target=supports["maths"]["N.1.a"],
        by=world["lena"],
        way="project",
        description=IDEA,
    )


def _artifact(world, supports):
    return artifact_upload(
        learner=world["lena"],
        by=world["lena"],
        upload=upload("recipes.txt", b"Three recipes and their ratios.", "text/plain"),
        title="Recipe ratios",
        targets=[supports["maths"]["N.1.a"]],
    )


def test_an_approved_proposal_tells_the_learner_and_links_to_it(world, supports):
    proposal = _proposal(world, supports)
    assert not Notification.objects.exists()
    proposal_review(proposal=proposal, by=world["erin"], approve=True, note="Go ahead.")
    told = _told(Kind.PROPOSAL_DECISION)
    assert set(told) == {"lena"}  # a plan between learner and educator: not the family
    assert told["lena"].title == "Your proposal was approved: N.1.a"
    assert told["lena"].body == "Go ahead."
    assert told["lena"].url == reverse("proposal_detail", args=[proposal.pk])


def test_a_proposal_sent_back_says_what_to_change(world, supports):
    proposal = _proposal(world, supports)
    proposal_review(proposal=proposal, by=world["erin"], approve=False, note="Add a fourth recipe.")
    notice = Notification.objects.get()
    assert (notice.recipient, notice.kind) == (world["lena"], Kind.PROPOSAL_DECISION)
    assert notice.title == "Your proposal needs changes: N.1.a"
    assert notice.body == "Add a fourth recipe."


def test_a_reassessment_decision_links_to_the_request(world, supports):
    request = reassessment_request(
        learner=world["lena"],
        target=supports["maths"]["N.1.a"],
        by=world["lena"],
        preparation="I practised ratio tables with my tutor every day.",
    )
    reassessment_schedule(reassessment=request, by=world["erin"], scheduled_for=WHEN, note="Room 4")
    told = _told(Kind.REASSESSMENT_DECISION)
    assert set(told) == {"lena", "gabe"}
    page = reverse("reassessment_detail", args=[request.pk])
    assert told["lena"].url == told["gabe"].url == page


def test_accepted_work_tells_the_learner_and_family_once_with_its_feedback(
    client, world, supports, storage
):
    artifact = _artifact(world, supports)
    artifact_validate(
        artifact=artifact,
        by=world["erin"],
        levels={supports["maths"]["N.1.a"]: 3},
        feedback="Every ratio explained.",
    )
    told = _told(Kind.PORTFOLIO_REVIEW)
    assert set(told) == {"lena", "gabe"}
    assert told["lena"].title == "Your work was accepted as evidence: Recipe ratios"
    assert told["gabe"].title == "Lena's work was accepted as evidence: Recipe ratios"
    assert told["gabe"].body == "Every ratio explained."
    assert told["lena"].url == told["gabe"].url == reverse("artifact_detail", args=[artifact.pk])
    assert not Notification.objects.filter(kind=Kind.FEEDBACK).exists()  # no second notice
    client.force_login(world["gabe"])
    assert client.get(told["gabe"].url).status_code == 200  # the family may open the link


def test_returned_work_tells_only_the_learner(world, supports, storage):
    artifact = _artifact(world, supports)
    artifact_return(artifact=artifact, by=world["erin"], note="Show your working.")
    notice = Notification.objects.get()
    assert (notice.recipient, notice.kind) == (world["lena"], Kind.PORTFOLIO_REVIEW)
    assert notice.title == "Your work was returned: Recipe ratios"
    assert notice.body == "Show your working."


def test_new_flags_reach_the_counselor_and_educators_once(world, supports):
    supports_compute(school=world["school"], today=TODAY)
    told = _told(Kind.FLAG)
    assert set(told) == {"cora", "erin"}  # Lena's counselor and teacher, never the family
    notice = told["cora"]
    assert notice.title.startswith("New early-warning flag for Lena ")
    assert "Repeated not yet" in notice.title
    assert "last 4 pieces of evidence on N.1.a" in notice.body
    assert notice.url == reverse("learner_supports", args=[world["lena"].pk])
    supports_compute(school=world["school"], today=TODAY)  # the same flags still hold
    assert Notification.objects.filter(kind=Kind.FLAG).count() == 2


def test_nobody_else_hears_of_any_decision(world, supports, storage):
    proposal_review(proposal=_proposal(world, supports), by=world["erin"], approve=True)
    artifact_return(artifact=_artifact(world, supports), by=world["erin"], note="Redo it.")
    supports_compute(school=world["school"], today=TODAY)
    assert Notification.objects.exists()
    assert not Notification.objects.filter(recipient__username__in=BYSTANDERS).exists()


def test_a_kind_turned_off_in_the_app_stores_nothing(world, supports):
    preferences_update(user=world["lena"], choices={Kind.PROPOSAL_DECISION: (False, False)})
    proposal_review(proposal=_proposal(world, supports), by=world["erin"], approve=True)
    assert not Notification.objects.exists()


def test_the_navigation_badge_counts_the_new_kinds(client, world, supports):
    proposal_review(proposal=_proposal(world, supports), by=world["erin"], approve=True)
    assert unread_count(user=world["lena"]) == 1
    client.force_login(world["lena"])
    page = client.get(reverse("learner_evidence", args=[world["lena"].pk]))
    assert '<span class="nav-badge">1<' in page.content.decode()
