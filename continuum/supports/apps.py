from django.apps import AppConfig


class SupportsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "continuum.supports"
    verbose_name = "Supports"

    def ready(self) -> None:
        from continuum.supports import receivers

        receivers.connect()
