from django.apps import AppConfig


class PrivacyConfig(AppConfig):
    name = "continuum.privacy"
    verbose_name = "Privacy: disclosure log and learner data rights"

    def ready(self) -> None:
        from continuum.credentials.public import credentials_exported
        from continuum.privacy.receivers import credentials_exported_recorded

        credentials_exported.connect(
            credentials_exported_recorded, dispatch_uid="privacy.credentials_exported"
        )
