"""Supports, under /supports/."""

from django.urls import path

from continuum.supports.views import plans as views
from continuum.supports.views import requirements

urlpatterns = [
    path("", views.caseload, name="caseload"),
    path("compute/", views.supports_compute, name="supports_compute"),
    path("runs/<int:run_id>/", views.supports_run, name="supports_run"),
    path("learners/<int:learner_id>/", views.learner_supports, name="learner_supports"),
    path("learners/<int:learner_id>/pace/", views.learner_pace, name="learner_pace"),
    path("learners/<int:learner_id>/plans/new/", views.plan_create, name="plan_create"),
    path(
        "learners/<int:learner_id>/family-summary/",
        views.family_summary,
        name="supports_family_summary",
    ),
    path("flags/<int:flag_id>/state/", views.flag_update, name="flag_update"),
    path("plans/<int:plan_id>/", views.plan_detail, name="plan_detail"),
    path("plans/<int:plan_id>/actions/", views.plan_action_add, name="plan_action_add"),
    path("actions/<int:action_id>/done/", views.plan_action_done, name="plan_action_done"),
    path("plans/<int:plan_id>/notes/", views.plan_note_add, name="plan_note_add"),
    path("requirements/", requirements.requirement_list, name="requirement_list"),
    path("requirements/new/", requirements.requirement_create, name="requirement_create"),
    path(
        "requirements/<int:requirement_id>/",
        requirements.requirement_edit,
        name="requirement_edit",
    ),
    path(
        "requirements/<int:requirement_id>/retire/",
        requirements.requirement_retire,
        name="requirement_retire",
    ),
    path("me/requirements/", requirements.my_requirements, name="my_requirements"),
    path(
        "me/requirements/<int:requirement_id>/elect/",
        requirements.election_create,
        name="election_create",
    ),
    path(
        "elections/<int:election_id>/withdraw/",
        requirements.election_withdraw,
        name="election_withdraw",
    ),
    path(
        "elections/<int:election_id>/decide/",
        requirements.election_decide,
        name="election_decide",
    ),
]
