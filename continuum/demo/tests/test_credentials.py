"""The demo school shows credits and certificates: the demo learner's certificate, earned
with her internship's evidence, and her sibling's fall-block course that ended without
credit, whose targets to re-learn are in their plan; the staff reach them from supports."""

from datetime import date

import pytest
from django.urls import reverse

from continuum.credentials.models import Award, CreditNotEarned
from continuum.demo.school import demo_school_build
from continuum.demo.supports import BLOCK_CREDIT, CERTIFICATE
from continuum.evidence.models import EvidenceSource
from continuum.mastery import Status
from continuum.notifications.models import Kind
from continuum.pathways.models import PlanItem
from continuum.people.models import User

TODAY = date(2026, 11, 23)  # a Monday: the fall block ended on Friday 20 November


@pytest.fixture
def demo(db):
    demo_school_build(seed=2026, today=TODAY)
    learner = User.objects.get(username="learner")
    sibling = (
        User.objects.filter(guardian_links__guardian__username="guardian")
        .exclude(pk=learner.pk)
        .get()
    )
    return {"learner": learner, "sibling": sibling}


def test_the_demo_has_at_least_one_award_and_one_credit_not_earned(demo):
    assert Award.objects.filter(awarded_on=TODAY).exists()
    assert CreditNotEarned.objects.filter(recorded_on=TODAY).exists()
    assert Award.objects.filter(requirement__title=BLOCK_CREDIT).exists()


def test_the_demo_learner_earned_her_certificate_with_her_internship_evidence(demo):
    award = Award.objects.get(learner=demo["learner"])
    assert (award.requirement.title, award.kind) == (CERTIFICATE, "cte_certification")
    assert all(line["status"] >= Status.PROFICIENT for line in award.evidence)
    behind = {pk for line in award.evidence for pk in line["evidence"]}
    partner = demo["learner"].evidence.filter(source=EvidenceSource.PARTNER, kind="summative")
    assert set(partner.values_list("pk", flat=True)) <= behind
    told = demo["learner"].notifications.get(kind=Kind.AWARD)
    assert (told.title, told.url) == (f"You earned {CERTIFICATE}", "/credentials/me/")
    family = User.objects.get(username="guardian").notifications.get(kind=Kind.AWARD)
    assert family.title == f"{demo['learner'].first_name} earned {CERTIFICATE}"


def test_her_sibling_ended_the_fall_block_without_credit_and_re_learns_in_their_plan(demo):
    record = CreditNotEarned.objects.get(learner=demo["sibling"])
    assert record.requirement.title == BLOCK_CREDIT
    assert record.requirement.due_on < TODAY
    relearn = set(record.targets.values_list("human_coding_scheme", flat=True))
    assert relearn
    assert all(code.startswith("M6.NS.") for code in relearn)
    planned = PlanItem.objects.filter(
        plan__learner=demo["sibling"], reason__contains=BLOCK_CREDIT
    ).values_list("target__human_coding_scheme", flat=True)
    assert set(planned) == relearn
    assert not Award.objects.filter(learner=demo["sibling"]).exists()


def test_the_counselor_goes_from_supports_to_the_demo_learner_s_certificate(demo, client):
    learner = demo["learner"]
    client.force_login(User.objects.get(username="counselor"))
    supports = client.get(reverse("learner_supports", args=[learner.pk]))
    credentials = reverse("learner_credentials", args=[learner.pk])
    assert f'<a href="{credentials}">Credits and certificates</a>' in supports.text
    page = client.get(credentials)
    assert page.status_code == 200
    assert CERTIFICATE in page.text
