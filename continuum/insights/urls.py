"""Insight URLs (under /insights/): heatmaps and flexible groups; see views/ for who may open each."""

from django.urls import path

from continuum.insights.views import groups, heatmap

urlpatterns = [
    path("", heatmap.insights_home, name="insights_home"),
    path(
        "sections/<int:section_id>/heatmap/",
        heatmap.section_heatmap,
        name="insights_section_heatmap",
    ),
    path(
        "schools/<int:school_id>/heatmap/", heatmap.school_heatmap, name="insights_school_heatmap"
    ),
    path("sections/<int:section_id>/groups/", groups.section_groups, name="insights_groups"),
    path(
        "sections/<int:section_id>/groups/new/", groups.group_create, name="insights_group_create"
    ),
    path("groups/<int:group_id>/", groups.group_detail, name="insights_group_detail"),
    path("groups/<int:group_id>/members/", groups.group_members, name="insights_group_members"),
    path("groups/<int:group_id>/dissolve/", groups.group_dissolve, name="insights_group_dissolve"),
]
