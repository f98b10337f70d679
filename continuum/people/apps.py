from django.apps import AppConfig


class PeopleConfig(AppConfig):
    name = "continuum.people"
    verbose_name = "People and organizations"

    def ready(self) -> None:
        from continuum.people import checks  # noqa: F401  (registers the deploy check)
