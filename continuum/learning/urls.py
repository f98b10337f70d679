"""The learner's side of evidence, under /learning/: their evidence and estimates,
reassessment, proposals, the portfolio, and the educator's
queue of learner requests."""

from django.urls import path

from continuum.learning.views import learner, portfolio, proposals, reassessment

urlpatterns = [
    path("learners/<int:learner_id>/", learner.learner_evidence, name="learner_evidence"),
    path(
        "learners/<int:learner_id>/targets/<int:target_id>/",
        learner.learner_estimate,
        name="learner_estimate",
    ),
    path(
        "learners/<int:learner_id>/targets/<int:target_id>/reassessment/",
        reassessment.reassessment_request,
        name="reassessment_request",
    ),
    path(
        "learners/<int:learner_id>/targets/<int:target_id>/proposal/",
        proposals.proposal_create,
        name="proposal_create",
    ),
    path("learners/<int:learner_id>/portfolio/", portfolio.portfolio, name="portfolio"),
    path(
        "learners/<int:learner_id>/portfolio/upload/",
        portfolio.artifact_upload,
        name="artifact_upload",
    ),
    path("requests/", learner.learner_requests, name="learner_requests"),
    path(
        "requests/<str:kind>/<int:request_id>/",
        learner.learner_request_decide,
        name="learner_request_decide",
    ),
    path(
        "reassessments/<int:reassessment_id>/",
        reassessment.reassessment_detail,
        name="reassessment_detail",
    ),
    path(
        "reassessments/<int:reassessment_id>/schedule/",
        reassessment.reassessment_schedule,
        name="reassessment_schedule",
    ),
    path(
        "reassessments/<int:reassessment_id>/decline/",
        reassessment.reassessment_decline,
        name="reassessment_decline",
    ),
    path(
        "reassessments/<int:reassessment_id>/complete/",
        reassessment.reassessment_complete,
        name="reassessment_complete",
    ),
    path(
        "reassessments/<int:reassessment_id>/withdraw/",
        reassessment.reassessment_withdraw,
        name="reassessment_withdraw",
    ),
    path("proposals/<int:proposal_id>/", proposals.proposal_detail, name="proposal_detail"),
    path("proposals/<int:proposal_id>/review/", proposals.proposal_review, name="proposal_review"),
    path(
        "proposals/<int:proposal_id>/withdraw/",
        proposals.proposal_withdraw,
        name="proposal_withdraw",
    ),
    path("portfolio/<int:artifact_id>/", portfolio.artifact_detail, name="artifact_detail"),
    path(
        "portfolio/<int:artifact_id>/download/",
        portfolio.artifact_download,
        name="artifact_download",
    ),
    path(
        "portfolio/<int:artifact_id>/validate/",
        portfolio.artifact_validate,
        name="artifact_validate",
    ),
    path("portfolio/<int:artifact_id>/return/", portfolio.artifact_return, name="artifact_return"),
]
