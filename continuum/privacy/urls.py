"""Privacy pages, under /privacy/ (district admins)."""

from django.urls import path

from continuum.privacy import views

urlpatterns = [
    path("", views.disclosure_list, name="privacy_disclosures"),
    path(
        "learners/<int:learner_id>/export/",
        views.learner_export_view,
        name="privacy_learner_export",
    ),
    path(
        "learners/<int:learner_id>/delete/",
        views.learner_delete_view,
        name="privacy_learner_delete",
    ),
]
