from django.apps import AppConfig


class FamilyConfig(AppConfig):
    name = "continuum.family"
    verbose_name = "Family view"
