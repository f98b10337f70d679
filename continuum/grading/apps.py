from django.apps import AppConfig


class GradingConfig(AppConfig):
    """The school's own grading policy (under /grading/): the district default and school
    overrides, drafted, replayed on the school's real evidence, then adopted or discarded."""

    name = "continuum.grading"
    label = "grading"
