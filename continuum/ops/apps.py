from django.apps import AppConfig


class OpsConfig(AppConfig):
    """Running Continuum in production: `continuum serve` (app server and worker under one
    supervisor), the worker's heartbeat, `/healthz` and structured logs."""

    name = "continuum.ops"
    label = "ops"
