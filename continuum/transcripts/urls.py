"""Transcripts under /transcripts/: the learner's page and issued PDF, withdrawal, the public
verification page, and the school's grade conversion table."""

from django.urls import path

from continuum.transcripts import views

urlpatterns = [
    path("", views.transcript_home, name="transcript_home"),
    path("learners/<int:learner_pk>/", views.transcript, name="transcript"),
    path("learners/<int:learner_pk>/issue/", views.transcript_issue, name="transcript_issue"),
    path(
        "issues/<int:issue_id>/revoke/",
        views.transcript_issue_revoke,
        name="transcript_issue_revoke",
    ),
    path("verify/<str:token>/", views.transcript_verify, name="transcript_verify"),
    path("conversion/", views.transcript_conversion, name="transcript_conversion"),
]
