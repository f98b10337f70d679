"""Evidence URLs, one module per area so each stays small."""

from django.urls import include, path

from continuum.evidence.views import corrections

urlpatterns = [
    path("gradebook/", include("continuum.evidence.urls_gradebook")),
    path("assessments/", include("continuum.evidence.urls_assessments")),
    # Beside the learner's pages (under /learning/), where the corrected score is shown.
    path(
        "learning/evidence/<int:evidence_id>/correct/",
        corrections.evidence_correct,
        name="evidence_correct",
    ),
]
