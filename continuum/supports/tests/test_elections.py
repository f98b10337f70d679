"""A learner elects a certificate, their counselor confirms or declines, the learner may
withdraw. Cora counsels Lena (not Omar); Leo leads the school; Erin teaches Lena."""

from datetime import date

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from continuum.supports.models import LearnerPace, Requirement, RequirementElection
from continuum.supports.services.elections import (
    election_create,
    election_decide,
    election_withdraw,
)


@pytest.fixture
def certificate(supports):
    requirement = Requirement.objects.create(
        title="Health-science certificate",
        kind=Requirement.Kind.CTE_CERTIFICATION,
        organization=supports["school"],
        starts_on=date(2026, 1, 5),
        due_on=date(2027, 6, 1),
    )
    requirement.competencies.set([supports["maths"]["N.1"]])
    return requirement


def test_a_learner_elects_with_her_own_words_and_it_waits_for_a_counselor(supports, certificate):
    lena = supports["lena"]
    election = election_create(
        learner=lena, requirement=certificate, by=lena, why="I want to nurse"
    )
    assert (election.state, election.why) == ("elected", "I want to nurse")
    assert election.history.get().history_user == lena
    with pytest.raises(ValidationError, match="already chosen"):
        election_create(learner=lena, requirement=certificate, by=lena)


def test_only_certificates_and_pathways_of_her_school_can_be_elected(supports, certificate):
    lena = supports["lena"]
    with pytest.raises(ValidationError, match="not on offer"):
        election_create(learner=lena, requirement=supports["requirement"], by=lena)
    with pytest.raises(PermissionDenied):
        election_create(learner=lena, requirement=certificate, by=supports["cora"])
    with pytest.raises(ValidationError, match="not on offer"):
        election_create(learner=supports["lara"], requirement=certificate, by=supports["lara"])


def test_her_counselor_confirms_and_her_pace_appears_at_once(supports, certificate):
    lena = supports["lena"]
    election = election_create(learner=lena, requirement=certificate, by=lena)
    with pytest.raises(PermissionDenied):
        election_decide(election=election, by=supports["erin"], confirm=True)
    election_decide(election=election, by=supports["cora"], confirm=True, note="Good fit")
    election.refresh_from_db()
    assert (election.state, election.decided_by, election.decision_note) == (
        "confirmed",
        supports["cora"],
        "Good fit",
    )
    assert election.decided_at is not None
    assert election.history.first().history_change_reason == "Confirmed"
    assert LearnerPace.objects.filter(learner=lena, requirement=certificate).exists()


def test_declining_needs_a_note_for_the_learner(supports, certificate):
    omar = supports["omar"]
    election = election_create(learner=omar, requirement=certificate, by=omar)
    with pytest.raises(PermissionDenied):
        election_decide(election=election, by=supports["cora"], confirm=False, note="No")
    with pytest.raises(ValidationError, match="needs a note"):
        election_decide(election=election, by=supports["leo"], confirm=False)
    election_decide(election=election, by=supports["leo"], confirm=False, note="Not offered yet")
    assert RequirementElection.objects.get().state == "declined"
    with pytest.raises(ValidationError, match="not waiting"):
        election_decide(election=election, by=supports["leo"], confirm=True)


def test_withdrawing_a_confirmed_choice_removes_its_pace_and_allows_electing_again(
    supports, certificate
):
    lena = supports["lena"]
    election = election_create(learner=lena, requirement=certificate, by=lena)
    election_decide(election=election, by=supports["cora"], confirm=True)
    with pytest.raises(PermissionDenied):
        election_withdraw(election=election, by=supports["cora"])
    election_withdraw(election=election, by=lena)
    assert not LearnerPace.objects.filter(learner=lena, requirement=certificate).exists()
    with pytest.raises(ValidationError, match="already decided or withdrawn"):
        election_withdraw(election=election, by=lena)
    again = election_create(learner=lena, requirement=certificate, by=lena)
    assert again.state == "elected"
