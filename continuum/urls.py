"""Every URL Continuum serves. tests/test_authorization.py holds an access rule for each."""

from django.contrib import admin
from django.urls import include, path

urlpatterns = [
    path("", include("continuum.home.urls")),
    path("", include("continuum.people.urls")),
    path("continuum/", include("continuum.frameworks.urls")),
    path("ims/case/v1p1/", include("continuum.frameworks.case_urls")),
    path("", include("continuum.evidence.urls")),
    path("learning/", include("continuum.learning.urls")),
    path("integrations/", include("continuum.integrations.urls")),
    path("insights/", include("continuum.insights.urls")),
    path("supports/", include("continuum.supports.urls")),
    path("dashboard/", include("continuum.dashboard.urls")),
    path("family/", include("continuum.family.urls")),
    path("reports/", include("continuum.reports.urls")),
    path("transcripts/", include("continuum.transcripts.urls")),
    path("notifications/", include("continuum.notifications.urls")),
    path("pathways/", include("continuum.pathways.urls")),
    path("privacy/", include("continuum.privacy.urls")),
    path("grading/", include("continuum.grading.urls")),
    path("credentials/", include("continuum.credentials.urls")),
    path("rostering/", include("continuum.rostering.urls")),
    path("xapi/", include("continuum.xapi.urls")),
    path("lti/", include("continuum.lti.urls")),
    path("sso/", include("continuum.sso.urls")),
    path("accounts/", include("continuum.sso.allauth_urls")),
    path("api/v1/", include("continuum.api.urls")),
    path("", include("continuum.ops.urls")),
    path("django-admin/", admin.site.urls),
]
