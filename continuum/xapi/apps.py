from django.apps import AppConfig


class XapiConfig(AppConfig):
    """A learning record store's statements endpoint (under /xapi/): LMS and courseware
    statements aligned to CASE items become evidence; the rest are kept and reported."""

    name = "continuum.xapi"
    label = "xapi"
