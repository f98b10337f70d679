"""Credits and certificates, under /credentials/."""

from django.urls import path

from continuum.credentials import views

urlpatterns = [
    path("me/", views.my_credentials, name="my_credentials"),
    path("learners/<int:learner_id>/", views.learner_credentials, name="learner_credentials"),
    path("awards/<int:award_id>/revoke/", views.award_revoke_view, name="award_revoke"),
]
