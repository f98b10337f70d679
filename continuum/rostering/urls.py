"""Rostering, under /rostering/."""

from django.urls import path

from continuum.rostering import views

urlpatterns = [
    path("", views.rostering_home, name="rostering_home"),
    path("imports/<int:import_id>/", views.rostering_import, name="rostering_import"),
    path("imports/<int:import_id>/progress/", views.rostering_progress, name="rostering_progress"),
    path("imports/<int:import_id>/start/", views.rostering_start, name="rostering_start"),
]
