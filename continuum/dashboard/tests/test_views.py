import re
from datetime import date

import pytest
from django.urls import reverse

from continuum.pathways.models import Goal, LearningPlan, PlanItem
from continuum.supports.tests.factories import pace_create

pytestmark = pytest.mark.django_db


def dashboard_of(client, viewer, learner):
    client.force_login(viewer)
    return client.get(reverse("learner_dashboard", args=[learner.pk]))


def test_the_learner_sees_what_is_next_and_her_map(client, world, lenas_record):
    lena = world["lena"]
    page = dashboard_of(client, lena, lena).content.decode()
    assert "My dashboard" in page
    lead = page.split('id="area-counts"')[1].split("</p>")[0]
    assert "in the frameworks you have evidence in" in lead
    assert "Academic: 1 of 4 targets proficient" in lead
    assert "Lifelong learning / SEL: 0 of 1 target proficient" in lead
    assert "of 5" not in lead  # no count mixes the two areas
    ready = page.split('id="ready-heading"')[1].split("</section>")[0]
    almost = page.split('id="almost-heading"')[1].split("</section>")[0]
    # N.1.b is ready (N.1.a is mastered) but already approaching: "almost there" only.
    assert "I can find equal ratios" in almost
    assert "I can find equal ratios" not in ready
    assert "I can use unit rates" not in ready
    assert 'role="group"' in page
    assert "<svg" in page
    assert "Show this map as a table" in page


def test_every_tile_names_its_status_in_words_not_colour_alone(client, world, lenas_record):
    lena = world["lena"]
    page = dashboard_of(client, lena, lena).content.decode()
    labels = re.findall(r'class="tile ([a-z-]+)[^"]*"\s+aria-label="([^"]+)"', page)
    assert len(labels) == 5
    for status_class, label in labels:
        assert status_class.replace("-", " ") in label.lower()
    assert any("ready to learn next" in label for _, label in labels)


def test_a_guardian_reads_the_childs_dashboard_in_the_third_person(client, world, lenas_record):
    page = dashboard_of(client, world["gabe"], world["lena"]).content.decode()
    assert "Dashboard: Lena Ortiz" in page
    assert "in the frameworks you have evidence in" not in page
    assert "in the frameworks with evidence:" in page


def test_a_learner_without_evidence_sees_an_encouraging_empty_page(client, world):
    omar = world["omar"]
    page = dashboard_of(client, omar, omar).content.decode()
    assert "No evidence yet" in page
    assert '<svg role="group"' not in page


def test_a_placement_partner_cannot_open_the_whole_dashboard(client, world, lenas_record):
    assert dashboard_of(client, world["pat"], world["lena"]).status_code == 404


def test_an_educator_has_no_dashboard_of_their_own(client, world):
    assert dashboard_of(client, world["leo"], world["erin"]).status_code == 404


def test_goals_and_plan_steps_show_with_their_progress(client, world, lenas_record):
    lena = world["lena"]
    goal = Goal.objects.create(
        learner=lena, title="Ratios by winter", by_when=date(2026, 12, 18), created_by=lena
    )
    goal.targets.set([lenas_record["N.1.a"], lenas_record["N.1.b"]])
    plan = LearningPlan.objects.create(learner=lena)
    PlanItem.objects.create(plan=plan, target=lenas_record["N.1.c"], status="accepted")
    page = dashboard_of(client, lena, lena).content.decode()
    goals = page.split('id="goals-heading"')[1].split("</section>")[0]
    assert "Ratios by winter" in goals
    assert "Academic: 1 of 2 targets proficient" in goals
    assert "I can use unit rates" in goals  # named, not coded
    assert "Accepted" in goals


def test_the_learner_reads_her_pace_to_each_requirement(client, world, lenas_record):
    lena = world["lena"]
    pace_create(learner=lena, school=world["school"], status="on pace")
    page = dashboard_of(client, lena, lena).content.decode()
    card = page.split('id="pace-heading"')[1].split("</section>")[0]
    assert "My pace to my requirements" in card
    assert "Grade 6 maths credit" in card
    assert "You are on pace." in card
    assert "At your pace you will finish by 20 Aug 2027 (due 1 Jun 2027)." in card
    assert "expected by today" not in card  # the counselor's numbers stay theirs


def test_without_a_computed_pace_the_card_is_left_out(client, world, lenas_record):
    lena = world["lena"]
    assert 'id="pace-heading"' not in dashboard_of(client, lena, lena).content.decode()


def _ahead_by_two(lena, school, sample):
    """Lena has mastered 5 of 8 targets; by 1 Dec 2026 (a third of the way) about 3 were
    expected: 2 ahead. Three of the 8 are left, and named."""
    pace = pace_create(learner=lena, school=school, status="ahead")
    pace.mastered, pace.needed = 5, 8
    pace.requirement.starts_on, pace.requirement.due_on = date(2026, 9, 1), date(2027, 5, 1)
    pace.requirement.save()
    pace.save()
    pace.remaining.set([sample["N.1.b"], sample["N.1.c"], sample["N.2.a"]])
    return pace


@pytest.fixture
def first_of_december(monkeypatch):
    from django.utils import timezone

    monkeypatch.setattr(timezone, "localdate", lambda *args: date(2026, 12, 1))


def test_the_learner_reads_pace_in_the_second_person_in_whole_targets(
    client, world, lenas_record, first_of_december
):
    lena = world["lena"]
    _ahead_by_two(lena, world["school"], lenas_record)
    card = dashboard_of(client, lena, lena).content.decode().split('id="pace-heading"')[1]
    card = card.split('class="dash-grid"')[0]
    assert "You are 2 targets ahead of your pace." in card
    assert not re.search(r"\d\.\d", card)  # no decimals
    assert '<progress id="pace-1-done" max="8" value="5">' in card
    assert "Mastered: 5 of 8 targets" in card
    assert "Time until it is due (1 May 2027)" in card
    assert "The 3 targets left:" in card
    for name in ("I can find equal ratios", "I can use unit rates"):
        assert name in card


def test_more_left_than_needed_says_how_many_of_them(
    client, world, lenas_record, first_of_december
):
    lena = world["lena"]
    pace = _ahead_by_two(lena, world["school"], lenas_record)
    pace.needed = 7  # two more needed, from the three not yet mastered
    pace.save()
    page = dashboard_of(client, lena, lena).content.decode()
    assert "2 more, chosen from these 3:" in page


def test_staff_read_the_learners_pace_in_the_third_person(
    client, world, lenas_record, first_of_december
):
    _ahead_by_two(world["lena"], world["school"], lenas_record)
    page = dashboard_of(client, world["cora"], world["lena"]).content.decode()
    assert "Lena: 2 targets ahead of pace." in page
    assert "You are" not in page.split('id="pace-heading"')[1].split("</section>")[0]


def test_a_projection_years_past_graduation_is_not_shown_as_a_date(
    client, world, lenas_record, first_of_december
):
    pace = _ahead_by_two(world["lena"], world["school"], lenas_record)
    pace.status, pace.projected_on, pace.finish_by = "behind", date(2032, 3, 1), date(2027, 6, 1)
    pace.save()
    own = dashboard_of(client, world["lena"], world["lena"]).content.decode()
    staff = dashboard_of(client, world["cora"], world["lena"]).content.decode()
    assert "At this pace you would not finish by 1 Jun 2027." in own
    assert "Not on track to finish by 1 Jun 2027 at this pace." in staff
    assert "2032" not in own + staff


def test_reassessment_is_not_offered_on_a_target_already_advanced(client, world, lenas_record):
    lena = world["lena"]
    client.force_login(lena)
    advanced = client.get(reverse("learner_estimate", args=[lena.pk, lenas_record["N.1.a"].pk]))
    approaching = client.get(reverse("learner_estimate", args=[lena.pk, lenas_record["N.1.b"].pk]))
    assert "Ask for reassessment" not in advanced.content.decode()
    assert "Ask for reassessment" in approaching.content.decode()
