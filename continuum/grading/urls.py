"""Grading policy, under /grading/."""

from django.urls import path

from continuum.grading import views

urlpatterns = [
    path("", views.grading_home, name="grading_home"),
    path("scopes/<int:organization_id>/", views.grading_scope, name="grading_scope"),
    path(
        "scopes/<int:organization_id>/drafts/new/",
        views.grading_draft_new,
        name="grading_draft_new",
    ),
    path("policies/<int:record_id>/", views.grading_record, name="grading_record"),
    path("policies/<int:record_id>/progress/", views.grading_progress, name="grading_progress"),
    path("policies/<int:record_id>/adopt/", views.grading_adopt, name="grading_adopt"),
    path("policies/<int:record_id>/discard/", views.grading_discard, name="grading_discard"),
    path(
        "policies/<int:record_id>/learners/<int:learner_id>/targets/<int:target_id>/",
        views.grading_compare,
        name="grading_compare",
    ),
]
