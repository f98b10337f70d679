"""Supports, under /supports/."""

from django.urls import path

from continuum.supports import views

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
]
