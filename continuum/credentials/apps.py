from django.apps import AppConfig


class CredentialsConfig(AppConfig):
    """What a learner has earned (under /credentials/): course credit and certificates
    awarded when a requirement's rule is met, revocations with their reasons, and the
    targets to re-learn when a course ends without credit."""

    name = "continuum.credentials"
    label = "credentials"
    verbose_name = "Credits and certificates"

    def ready(self) -> None:
        from continuum.credentials import receivers

        receivers.connect()
