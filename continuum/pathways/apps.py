from django.apps import AppConfig


class PathwaysConfig(AppConfig):
    name = "continuum.pathways"
    verbose_name = "Pathways: profiles, goals, experiences and learning plans"
