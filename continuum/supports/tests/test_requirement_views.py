"""The requirements editor and the learner's choices, as pages. Leo leads Maple Grove,
Ada administers Riverside, Otto administers Lakeside; Lena elects, Cora counsels her."""

from datetime import date

import pytest
from django.urls import reverse

from continuum.supports.models import Requirement, RequirementElection
from continuum.supports.services.elections import election_create, election_decide


def _form(supports, **changes) -> dict:
    maths = supports["maths"]
    return {
        "title": "Ratios credit",
        "school": supports["school"].pk,
        "kind": "course_credit",
        "starts_on": "2026-09-01",
        "due_on": "2027-06-01",
        "competencies": [maths["N.1"].pk],
        "sections": [supports["math_a"].pk],
        "rule": "share_proficient",
        "share": "0.8",
        "floor": "2",
        **changes,
    }


@pytest.fixture
def certificate(supports):
    requirement = Requirement.objects.create(
        title="Health-science certificate",
        kind=Requirement.Kind.CTE_CERTIFICATION,
        organization=supports["school"],
        starts_on=date(2026, 1, 5),
        due_on=date(2027, 6, 1),
    )
    requirement.competencies.set([supports["maths"]["N.2"]])
    return requirement


def test_a_leader_creates_a_requirement_from_the_form(client, supports):
    client.force_login(supports["leo"])
    response = client.post(reverse("requirement_create"), _form(supports))
    assert response.status_code == 302
    created = Requirement.objects.get(title="Ratios credit")
    assert created.rule == {"name": "share_proficient", "parameters": {"share": 0.8, "floor": 2.0}}
    page = client.get(reverse("requirement_list")).content.decode()
    assert "Ratios credit" in page
    assert "80% of the targets proficient, none below level 2" in page


def test_the_form_names_the_competencies_that_mix_learning_areas(client, supports):
    client.force_login(supports["leo"])
    maths = supports["maths"]
    data = _form(supports, competencies=[maths["N.1"].pk, maths["SEL.1"].pk])
    page = client.post(reverse("requirement_create"), data).content.decode()
    assert "must all be academic or all lifelong learning" in page
    assert "SEL.1" in page
    assert not Requirement.objects.filter(title="Ratios credit").exists()


def test_the_form_checks_the_share_before_saving(client, supports):
    client.force_login(supports["leo"])
    page = client.post(reverse("requirement_create"), _form(supports, share="1.2")).content
    assert "The share must be more than 0 and at most 1." in page.decode()
    assert not Requirement.objects.filter(title="Ratios credit").exists()


def test_an_edit_without_a_reason_is_refused_and_with_one_is_in_the_history(client, supports):
    credit = supports["requirement"]
    client.force_login(supports["ada"])
    data = _form(supports, title="Ratios and rates credit", reason="")
    page = client.post(reverse("requirement_edit", args=[credit.pk]), data).content.decode()
    assert "This field is required." in page
    data["reason"] = "Rates join the course"
    assert client.post(reverse("requirement_edit", args=[credit.pk]), data).status_code == 302
    page = client.get(reverse("requirement_edit", args=[credit.pk])).content.decode()
    assert "Rates join the course" in page
    assert "Ada King" in page


def test_another_districts_admin_sees_none_of_riversides_requirements(client, supports):
    client.force_login(supports["otto"])
    page = client.get(reverse("requirement_list")).content.decode()
    assert "Grade 6 mathematics credit" not in page
    form = client.get(reverse("requirement_create")).content.decode()
    assert "Birch Hollow" in form
    assert "Maple Grove" not in form
    credit = supports["requirement"]
    assert client.get(reverse("requirement_edit", args=[credit.pk])).status_code == 404


def test_retiring_from_the_page_marks_it_retired(client, supports):
    credit = supports["requirement"]
    client.force_login(supports["leo"])
    client.post(reverse("requirement_retire", args=[credit.pk]), {"reason": "Course closed"})
    credit.refresh_from_db()
    assert not credit.active
    assert "Retired" in client.get(reverse("requirement_list")).content.decode()


def test_the_learner_chooses_a_certificate_from_the_page_her_profile_links(
    client, supports, certificate
):
    lena = supports["lena"]
    client.force_login(lena)
    profile = client.get(reverse("pathway_profile", args=[lena.pk])).content.decode()
    assert reverse("my_requirements") in profile
    page = client.get(reverse("my_requirements")).content.decode()
    assert "Health-science certificate" in page
    client.post(reverse("election_create", args=[certificate.pk]), {"why": "I want to nurse"})
    election = RequirementElection.objects.get(learner=lena)
    assert (election.state, election.why) == ("elected", "I want to nurse")
    page = client.get(reverse("my_requirements")).content.decode()
    assert "Waiting for a counselor" in page
    assert "Withdraw my choice" in page


def test_her_counselor_confirms_from_the_caseload(client, supports, certificate):
    lena = supports["lena"]
    election = election_create(learner=lena, requirement=certificate, by=lena, why="Nursing")
    client.force_login(supports["cora"])
    caseload = client.get(reverse("caseload")).content.decode()
    assert "waiting for your decision" in caseload
    assert "Nursing" in caseload
    response = client.post(
        reverse("election_decide", args=[election.pk]),
        {"decision": "confirm", "note": "", "back": "caseload"},
    )
    assert response["Location"] == reverse("caseload")
    election.refresh_from_db()
    assert (election.state, election.decided_by) == ("confirmed", supports["cora"])
    learner_page = client.get(reverse("learner_supports", args=[lena.pk])).content.decode()
    assert "Confirmed" in learner_page


def test_declining_without_a_note_says_why_and_changes_nothing(client, supports, certificate):
    lena = supports["lena"]
    election = election_create(learner=lena, requirement=certificate, by=lena)
    client.force_login(supports["leo"])
    client.post(reverse("election_decide", args=[election.pk]), {"decision": "decline"})
    election.refresh_from_db()
    assert election.state == "elected"


@pytest.mark.parametrize(("person", "shown"), [("leo", True), ("ada", True), ("erin", False)])
def test_the_editor_is_in_the_leaders_and_admins_navigation(client, supports, person, shown):
    client.force_login(supports[person])
    page = client.get(reverse("home")).content.decode()
    assert (f'href="{reverse("requirement_list")}"' in page) is shown


def test_her_guardian_reads_the_confirmed_choice_on_the_pace_page(client, supports, certificate):
    lena = supports["lena"]
    election = election_create(learner=lena, requirement=certificate, by=lena, why="Nursing")
    client.force_login(supports["gabe"])
    url = reverse("learner_pace", args=[lena.pk])
    assert "Health-science certificate" not in client.get(url).content.decode()
    election_decide(election=election, by=supports["cora"], confirm=True)
    page = client.get(url).content.decode()
    assert "confirmed by Cora Nguyen" in page
    assert "Confirm</button>" not in page
