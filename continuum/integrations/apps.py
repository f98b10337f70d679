from django.apps import AppConfig


class IntegrationsConfig(AppConfig):
    """Other systems' ways in (under /integrations/): the scores CSV import, API tokens, and
    the school's batch recompute."""

    name = "continuum.integrations"
    label = "integrations"
