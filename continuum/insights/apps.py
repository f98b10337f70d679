from django.apps import AppConfig


class InsightsConfig(AppConfig):
    name = "continuum.insights"
    verbose_name = "Educator insight: heatmaps and flexible groups"

    def ready(self) -> None:
        from continuum.insights import signals

        signals.connect()
