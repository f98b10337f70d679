"""Pathways under /pathways/: a learner's profile, goals and plan, and the catalog."""

from django.urls import path

from continuum.pathways.views import experiences, goals, plan, profile

urlpatterns = [
    path("learners/<int:learner_id>/profile/", profile.profile, name="pathway_profile"),
    path("learners/<int:learner_id>/goals/", goals.goal_list, name="goal_list"),
    path("goals/<int:goal_id>/", goals.goal_detail, name="goal_detail"),
    path("goals/<int:goal_id>/comment/", goals.goal_comment, name="goal_comment"),
    path("goals/<int:goal_id>/check-in/", goals.goal_check_in, name="goal_check_in"),
    path("goals/<int:goal_id>/status/", goals.goal_status, name="goal_status"),
    path("learners/<int:learner_id>/plan/", plan.plan_detail, name="learning_plan"),
    path("learners/<int:learner_id>/plan/draft/", plan.plan_draft, name="learning_plan_draft"),
    path("learners/<int:learner_id>/plan/add/", plan.plan_item_add, name="learning_plan_add"),
    path("learners/<int:learner_id>/plan/agree/", plan.plan_agree, name="learning_plan_agree"),
    path("plan-steps/<int:item_id>/", plan.plan_item_change, name="learning_plan_step"),
    path("experiences/", experiences.experience_list, name="experience_list"),
    path("experiences/new/", experiences.experience_create, name="experience_create"),
    path(
        "experiences/<int:experience_id>/",
        experiences.experience_detail,
        name="experience_detail",
    ),
    path(
        "experiences/<int:experience_id>/edit/",
        experiences.experience_edit,
        name="experience_edit",
    ),
    path("partners/", experiences.partner_list, name="partner_list"),
]
