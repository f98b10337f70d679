"""Assessment URLs (under /assessments/): see views/assessments.py for who may open each."""

from django.urls import path

from continuum.evidence.views import assessments as views

urlpatterns = [
    path("", views.assessment_list, name="assessment_list"),
    path("new/", views.assessment_create, name="assessment_create"),
    path("<int:assessment_id>/", views.assessment_detail, name="assessment_detail"),
    path(
        "<int:assessment_id>/alignments/",
        views.assessment_alignments,
        name="assessment_alignments",
    ),
    path("<int:assessment_id>/questions/new/", views.question_add, name="question_add"),
    path("<int:assessment_id>/score/", views.assessment_score, name="assessment_score"),
    path("<int:assessment_id>/results/", views.assessment_results, name="assessment_results"),
    path("<int:assessment_id>/take/", views.assessment_take, name="assessment_take"),
    path(
        "<int:assessment_id>/my-results/",
        views.assessment_my_results,
        name="assessment_my_results",
    ),
]
