from django.apps import AppConfig


class LtiConfig(AppConfig):
    """Continuum as an LTI 1.3 tool (under /lti/): launches from a district's LMS, deep
    links to targets and assessments, the course roster by NRPS and mastery sent back by
    AGS. Built on django-lti (``lti_tool``), whose registrations this app ties to districts."""

    name = "continuum.lti"
    label = "lti"
    verbose_name = "LTI 1.3"

    def ready(self) -> None:
        from continuum.lti import receivers

        receivers.connect()
