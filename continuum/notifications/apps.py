from django.apps import AppConfig


class NotificationsConfig(AppConfig):
    name = "continuum.notifications"
    verbose_name = "Notifications"

    def ready(self) -> None:
        from continuum.notifications import signals

        signals.connect()
