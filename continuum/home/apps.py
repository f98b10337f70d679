from django.apps import AppConfig


class HomeConfig(AppConfig):
    name = "continuum.home"
    verbose_name = "Home: each role's work for today"
