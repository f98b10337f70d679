"""Gradebook URLs (under /gradebook/): sections, the grid, cells (scorer, record, undo),
explanations, overrides."""

from django.urls import path

from continuum.evidence.views import gradebook as views
from continuum.evidence.views import gradebook_cells as cells

_CELL = "sections/<int:section_id>/learners/<int:learner_id>/targets/<int:target_id>/"

urlpatterns = [
    path("", views.gradebook_home, name="gradebook_home"),
    path("sections/<int:section_id>/", views.gradebook_section, name="gradebook_section"),
    path(
        "sections/<int:section_id>/targets/<int:target_id>/score/",
        views.gradebook_class_score_view,
        name="gradebook_class_score",
    ),
    path(_CELL, views.gradebook_explain, name="gradebook_explain"),
    path(f"{_CELL}record/", cells.gradebook_cell_record, name="gradebook_cell_record"),
    path(
        "sections/<int:section_id>/evidence/<int:evidence_id>/undo/",
        cells.gradebook_evidence_undo,
        name="gradebook_evidence_undo",
    ),
    path(f"{_CELL}override/", views.gradebook_override, name="gradebook_override"),
]
