from django.apps import AppConfig


class ReportsConfig(AppConfig):
    name = "continuum.reports"
    verbose_name = "Report cards"
