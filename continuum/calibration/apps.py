from django.apps import AppConfig


class CalibrationConfig(AppConfig):
    """Calibration and moderation: whether educators who score the same work agree
    (`continuum agreement`; calibration sessions to come, issue 17)."""

    name = "continuum.calibration"
    label = "calibration"
