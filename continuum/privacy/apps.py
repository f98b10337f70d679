from django.apps import AppConfig


class PrivacyConfig(AppConfig):
    name = "continuum.privacy"
    verbose_name = "Privacy: disclosure log and learner data rights"
