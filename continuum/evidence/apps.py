from django.apps import AppConfig


class EvidenceConfig(AppConfig):
    name = "continuum.evidence"
    verbose_name = "Evidence of learning"

    def ready(self) -> None:
        from continuum.evidence.services.recompute import estimates_rebanded
        from continuum.frameworks.public import scale_bands_changed

        scale_bands_changed.connect(estimates_rebanded, dispatch_uid="evidence_rebanded")
