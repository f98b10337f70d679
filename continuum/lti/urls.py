"""LTI URLs (under /lti/): the three the LMS reaches anonymously, the launched person's
pages, and the district admin's."""

from django.urls import path

from continuum.lti.views import admin, launch

urlpatterns = [
    path("jwks.json", launch.jwks, name="lti_jwks"),
    path("login/", launch.oidc_login, name="lti_login"),
    path("launch/", launch.launch, name="lti_launch"),
    path("course/link/", launch.course_link_view, name="lti_course_link"),
    path("deep-link/", launch.deep_link, name="lti_deep_link"),
    path("platforms/", admin.platform_list, name="lti_platforms"),
    path("platforms/<int:platform_id>/", admin.platform_edit, name="lti_platform_edit"),
    path("platforms/<int:platform_id>/toggle/", admin.platform_toggle, name="lti_platform_toggle"),
    path("courses/<int:link_id>/", admin.course_roster, name="lti_course"),
    path("courses/<int:link_id>/send/", admin.course_mastery_send, name="lti_course_send"),
]
