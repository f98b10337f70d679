from django.apps import AppConfig


class DashboardConfig(AppConfig):
    name = "continuum.dashboard"
    verbose_name = "Dashboard: where a learner is and what is next"
