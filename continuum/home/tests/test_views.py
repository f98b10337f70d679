"""Each role's home page counts today's work (``factories.todays_work_create``) among the
people it may see, and links each count to the page that clears it."""

import re

import pytest
from django.urls import reverse


def home(client, person) -> str:
    client.force_login(person)
    response = client.get(reverse("home"))
    assert response.status_code == 200
    return response.text


def todos(page: str) -> dict[str, tuple[int, str]]:
    """Each to-do's words → (its count, its link)."""
    found = re.findall(
        r'<a href="([^"]+)"><span class="todo-count" aria-hidden="true">(\d+)</span> ([^<]+)</a>',
        page,
    )
    return {text.strip(): (int(count), url) for url, count, text in found}


def test_the_educator_sees_what_her_learners_wait_for_and_nothing_of_others(client, todays_work):
    found = todos(home(client, todays_work["erin"]))
    queue = reverse("learner_requests")
    assert found["1 reassessment request to approve or decline"] == (1, queue)
    assert found["1 proposal to review"] == (1, queue)  # Omar's is Eli's
    assert found["1 piece of portfolio work to review"] == (1, queue)
    assert found["1 reassessment scheduled today"] == (1, queue)
    assert found["1 reassessment scheduled in the next 7 days"] == (1, queue)
    assert found["1 flagged learner without a support plan"] == (1, reverse("caseload"))


def test_the_educator_home_lists_her_sections(client, todays_work):
    page = home(client, todays_work["erin"])
    assert "Math 6A" in page
    assert "Math 6B" not in page
    assert reverse("gradebook_section", args=[todays_work["math_a"].pk]) in page


def test_the_counselor_sees_her_caseload_behind_flagged_and_reviews_due(client, todays_work):
    found = todos(home(client, todays_work["cora"]))
    caseload = reverse("caseload")
    assert found["1 learner behind pace"] == (1, caseload)
    assert found["1 flagged learner without a support plan"] == (1, caseload)
    # Omar's plan is due for review, but Omar is not on Cora's caseload.
    assert found["0 support plans to review this week"] == (0, caseload)


def test_the_leader_sees_the_school_summary_linking_to_insights(client, todays_work):
    page = home(client, todays_work["leo"])
    found = todos(page)
    assert found["2 open flags"][0] == 2
    assert found["1 learner behind pace"][0] == 1
    assert found["1 flagged learner without a support plan"][0] == 1
    assert found["1 support plan to review this week"][0] == 1
    assert "50% on pace or ahead on every requirement" in page
    assert reverse("insights_home") in page
    assert reverse("insights_school_heatmap", args=[todays_work["school"].pk]) in page
    statuses = dict(re.findall(r'status-([a-z-]+)">[^<]+</span></th><td>(\d+)</td>', page))
    assert statuses["not-yet"] == "1"  # Lena's N.1.a
    assert statuses["proficient"] == "1"  # Omar's N.1.b


def test_the_learner_sees_her_next_step_requests_feedback_and_pace(client, todays_work):
    page = home(client, todays_work["lena"])
    assert "I can use unit rates" in page  # N.1.c: N.1.a is done
    # the reassessment asked for, the one scheduled, the proposal
    assert "3 waiting for your educator" in page
    assert "Approved and scheduled" in page
    assert "1 piece of feedback in the past 7 days" in page
    assert "Check the units in each ratio." in page
    assert "You are 1 target behind your pace." in page
    assert 'id="pace-1-done"' in page


def test_the_learner_home_shows_nothing_of_another_learner(client, todays_work):
    page = home(client, todays_work["omar"])
    assert "Check the units" not in page
    assert "I can use unit rates" not in page
    assert "2 waiting for your educator" in page  # his own reassessment and proposal


def test_the_guardian_sees_one_summary_per_child_and_one_thing_to_do(client, todays_work):
    page = home(client, todays_work["gabe"])
    assert "Lena Ortiz" in page
    assert "Omar" not in page
    assert "Lena is behind pace" in page
    assert "Ask Lena what they will learn next." in page
    assert "I can use unit rates" in page
    assert reverse("family_learner", args=[todays_work["lena"].pk]) in page


def test_the_district_admin_sees_import_health_and_schools(client, todays_work):
    page = home(client, todays_work["ada"])
    found = todos(page)
    assert found["1 roster import failed or refused in the last 30 days"] == (
        1,
        reverse("rostering_home"),
    )
    assert "roster.zip" in page
    assert "Maple Grove" in page


def test_the_partner_sees_their_placement(client, todays_work):
    page = home(client, todays_work["pat"])
    assert "River Clinic internship" in page
    assert reverse("learner_detail", args=[todays_work["lena"].pk]) in page


def test_the_outsider_gets_an_empty_but_working_home(client, todays_work):
    page = home(client, todays_work["otto"])
    found = todos(page)
    assert {count for count, _url in found.values()} == {0}
    assert "Birch Hollow" in page
    assert "roster.zip" not in page
    assert "Maple Grove" not in page


@pytest.mark.parametrize("person", ["lena", "gabe", "erin", "cora", "leo", "ada", "pat", "otto"])
def test_every_home_works_on_an_empty_world(client, world, person):
    assert "Welcome" in home(client, world[person])


def test_the_learner_home_is_in_spanish(client, todays_work):
    client.force_login(todays_work["lena"])
    page = client.get(reverse("home"), HTTP_ACCEPT_LANGUAGE="es").text
    assert "Mi siguiente paso" in page
