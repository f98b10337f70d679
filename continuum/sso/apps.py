from django.apps import AppConfig


class SsoConfig(AppConfig):
    name = "continuum.sso"
    label = "sso"
    verbose_name = "Single sign-on"

    def ready(self) -> None:
        from django.contrib.auth.signals import user_logged_in

        from continuum.sso.middleware import settle_at_sign_in

        user_logged_in.connect(settle_at_sign_in, dispatch_uid="continuum.sso.settle_at_sign_in")
