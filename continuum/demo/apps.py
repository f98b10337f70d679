from django.apps import AppConfig


class DemoConfig(AppConfig):
    """The deterministic demo school: the top of the app layers (it builds every app's data)
    and the home of the ``demo_school`` command. It has no models."""

    name = "continuum.demo"
    label = "demo"
