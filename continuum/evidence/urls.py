"""Evidence URLs, one module per area so each stays small."""

from django.urls import include, path

urlpatterns = [
    path("gradebook/", include("continuum.evidence.urls_gradebook")),
    path("assessments/", include("continuum.evidence.urls_assessments")),
]
