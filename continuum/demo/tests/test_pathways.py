"""The demo school gives every pathways page something real to show."""

from datetime import date

from continuum.demo.school import demo_school_build
from continuum.pathways import selectors
from continuum.pathways.models import Goal, LearnerProfile, LearningExperience
from continuum.people.models import User

TODAY = date(2026, 11, 20)


def test_the_demo_school_has_a_catalog_a_profile_a_goal_and_a_drafted_plan(db):
    demo_school_build(seed=7, today=TODAY)
    settings = set(LearningExperience.objects.values_list("setting", flat=True))
    assert settings == {"school", "online", "community", "workplace"}
    partner = User.objects.get(username="partner")
    assert LearningExperience.objects.filter(partner=partner).count() == 2
    assert not LearningExperience.objects.filter(targets=None).exists()
    learner = User.objects.get(username="learner")
    profile = LearnerProfile.objects.get(learner=learner)
    assert "health" in profile.interests
    assert profile.accommodations
    goal = Goal.objects.get(learner=learner)
    assert goal.check_ins.count() == 1
    assert goal.comments.count() == 1
    plan = selectors.plan_get(learner=learner)
    assert plan.rows
    assert all(row.item.reason for row in plan.rows)
