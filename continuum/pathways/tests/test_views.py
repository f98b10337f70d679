"""Pathways pages: who sees what, and bad input that changes nothing."""

from datetime import timedelta

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from continuum.pathways import services
from continuum.pathways.models import CheckIn, Goal, LearningExperience, LearningPlan, PlanItem
from continuum.supports.tests.factories import pace_create

SECRET = "Reads tests aloud"


def _profile(world):
    services.profile_update(
        learner=world["lena"],
        by=world["erin"],
        changes={"interests": ["music"], "aspirations": "Nurse"},
        accommodations=SECRET,
    )
    return reverse("pathway_profile", kwargs={"learner_id": world["lena"].pk})


def test_accommodations_are_hidden_from_the_learner_and_guardian(client, world):
    url = _profile(world)
    for who in ("lena", "gabe"):
        client.force_login(world[who])
        page = client.get(url).content.decode()
        assert "Nurse" in page
        assert SECRET not in page
    for who in ("erin", "cora"):
        client.force_login(world[who])
        assert SECRET in client.get(url).content.decode()


def test_a_guardian_reads_the_profile_without_a_form(client, world):
    url = _profile(world)
    client.force_login(world["gabe"])
    page = client.get(url).content.decode()
    assert '<form method="post" class="card edit-form' not in page
    assert client.post(url, {"strengths": "x"}).status_code == 403


def test_a_learner_cannot_smuggle_accommodations_in(client, world):
    url = _profile(world)
    client.force_login(world["lena"])
    client.post(url, {"strengths": "Kind", "accommodations": "none"})
    assert world["lena"].learner_profile.accommodations == SECRET


def test_the_plan_page_shows_why_each_step_was_suggested(client, world, sample, mastered):
    client.force_login(world["lena"])
    url = reverse("learning_plan", kwargs={"learner_id": world["lena"].pk})
    client.post(reverse("learning_plan_draft", kwargs={"learner_id": world["lena"].pk}))
    page = client.get(url).content.decode()
    assert "Why this step" in page
    assert "Ready: its prerequisite N.1.a is mastered" in page


def test_a_bad_check_in_changes_nothing_and_says_why(client, world, sample):
    lena = world["lena"]
    goal = services.goal_create(
        learner=lena,
        by=lena,
        title="Ratios",
        targets=[sample["N.1.a"]],
        by_when=timezone.localdate() + timedelta(days=9),
    )
    client.force_login(world["erin"])
    future = timezone.localdate() + timedelta(days=3)
    response = client.post(
        reverse("goal_check_in", kwargs={"goal_id": goal.pk}),
        {"progress": "started", "on": future.isoformat(), "note": "x"},
    )
    assert response.status_code == 400
    assert "cannot be in the future" in response.content.decode()
    assert not CheckIn.objects.exists()


def test_a_learner_sets_a_goal_on_their_own_targets(client, world, sample, mastered):
    client.force_login(world["lena"])
    url = reverse("goal_list", kwargs={"learner_id": world["lena"].pk})
    by_when = (timezone.localdate() + timedelta(days=30)).isoformat()
    response = client.post(
        url, {"title": "Ratios", "targets": [sample["N.1.b"].pk], "by_when": by_when}
    )
    assert response.status_code == 302
    assert Goal.objects.get().created_by == world["lena"]


def test_the_catalog_filters_by_interest_and_setting(client, world):
    LearningExperience.objects.create(title="Band ratios", interests=["music"])
    LearningExperience.objects.create(title="Clinic visit", setting="workplace")
    LearningExperience.objects.create(title="Old", interests=["music"], active=False)
    client.force_login(world["lena"])
    url = reverse("experience_list")
    page = client.get(url, {"interest": "music"}).content.decode()
    assert "Band ratios" in page
    assert "Clinic visit" not in page
    assert "Old" not in page
    page = client.get(url, {"setting": "workplace"}).content.decode()
    assert "Clinic visit" in page
    assert "Band ratios" not in page


def test_a_schedule_with_a_bad_date_changes_nothing(client, world, sample):
    lena = world["lena"]
    item = services.plan_item_add(learner=lena, by=lena, target=sample["N.1.a"])
    client.force_login(lena)
    client.post(
        reverse("learning_plan_step", kwargs={"item_id": item.pk}),
        {"action": "schedule", "due_on": "soon"},
    )
    item.refresh_from_db()
    assert item.due_on is None
    assert LearningPlan.objects.get(learner=lena).items.count() == 1


def test_the_profile_ties_aspirations_to_the_requirements_on_the_way(client, world):
    url = _profile(world)
    pace_create(learner=world["lena"], school=world["school"], title="Health-science certificate")
    client.force_login(world["lena"])
    page = client.get(url).content.decode()
    card = page.split('id="requirements-heading"')[1].split("</section>")[0]
    assert "Health-science certificate" in card
    assert "Behind" in card


def test_the_plan_page_costs_the_same_queries_for_one_step_or_four(client, world, sample):
    lena = world["lena"]
    plan = LearningPlan.objects.create(learner=lena)
    client.force_login(lena)
    url = reverse("learning_plan", kwargs={"learner_id": lena.pk})
    counts = []
    for codes in (["N.1.a"], ["N.1.b", "N.1.c", "N.2.a"]):
        for code in codes:
            PlanItem.objects.create(plan=plan, target=sample[code], status="accepted")
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200
        counts.append(len(queries))
    assert counts[0] == counts[1]


def test_a_large_catalog_comes_a_page_at_a_time_and_keeps_the_filters(client, world):
    for number in range(30):
        LearningExperience.objects.create(
            title=f"Workshop {number:02d}", organization=world["school"], setting="community"
        )
    client.force_login(world["lena"])
    first = client.get(reverse("experience_list"), {"setting": "community"}).content.decode()
    assert "30 learning experiences" in first
    assert first.count('<article class="card experience') == 24
    assert "Workshop 24" not in first
    assert "setting=community&amp;page=2" in first
    second = client.get(reverse("experience_list"), {"setting": "community", "page": 2})
    assert "Workshop 29" in second.content.decode()
