from django.apps import AppConfig


class FrameworksConfig(AppConfig):
    name = "continuum.frameworks"
    verbose_name = "Learning continuum"
