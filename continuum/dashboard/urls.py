"""The dashboard, under /dashboard/."""

from django.urls import path

from continuum.dashboard import views

urlpatterns = [
    path("learners/<int:learner_id>/", views.learner_dashboard, name="learner_dashboard"),
]
