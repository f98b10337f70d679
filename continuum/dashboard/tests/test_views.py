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
    assert "N.1.b" in ready
    assert "after N.1.a" in ready
    assert "N.1.c" not in ready
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
    assert "N.1.c" in goals
    assert "Accepted" in goals


def test_the_learner_reads_her_pace_to_each_requirement(client, world, lenas_record):
    lena = world["lena"]
    pace_create(learner=lena, school=world["school"], status="on pace")
    page = dashboard_of(client, lena, lena).content.decode()
    card = page.split('id="pace-heading"')[1].split("</section>")[0]
    assert "My pace to my requirements" in card
    assert "Grade 6 maths credit" in card
    assert "On pace" in card
    assert "20 Aug 2027" in card


def test_without_a_computed_pace_the_card_is_left_out(client, world, lenas_record):
    lena = world["lena"]
    assert 'id="pace-heading"' not in dashboard_of(client, lena, lena).content.decode()
