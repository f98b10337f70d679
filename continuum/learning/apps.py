from django.apps import AppConfig


class LearningConfig(AppConfig):
    """The learner's side of evidence (under /learning/): their evidence and estimate pages,
    reassessment when ready, proposals, the portfolio, and the educator's request queue."""

    name = "continuum.learning"
    label = "learning"
