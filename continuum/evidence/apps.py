from django.apps import AppConfig


class EvidenceConfig(AppConfig):
    name = "continuum.evidence"
    verbose_name = "Evidence of learning"
