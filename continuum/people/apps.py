from django.apps import AppConfig


class PeopleConfig(AppConfig):
    name = "continuum.people"
    verbose_name = "People and organizations"

    def ready(self) -> None:
        from django.contrib.auth.signals import user_logged_in

        from continuum.people import checks  # noqa: F401  (registers the deploy check)
        from continuum.people.sessions import session_begin

        user_logged_in.connect(session_begin, dispatch_uid="continuum_session_begin")
