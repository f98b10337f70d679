"""Bayesian knowledge tracing of auto-scored answers: fitted parameters per target and each
learner's P(mastered)."""

from django.conf import settings
from django.db import models

from continuum.frameworks.models import FrameworkItem


class TracingParameters(models.Model):
    """Bayesian knowledge tracing parameters fitted for one target from all responses."""

    target = models.OneToOneField(
        FrameworkItem, on_delete=models.CASCADE, related_name="tracing_parameters"
    )
    parameters = models.JSONField(help_text="continuum.mastery.bkt.BKTParams.to_dict()")
    responses = models.PositiveIntegerField(help_text="How many responses the fit used")
    fitted_at = models.DateTimeField()

    def __str__(self) -> str:
        return f"BKT for {self.target.human_coding_scheme}"


class KnowledgeTrace(models.Model):
    """P(mastered) for a learner-target after their latest auto-scored response."""

    learner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="knowledge_traces"
    )
    target = models.ForeignKey(FrameworkItem, on_delete=models.CASCADE, related_name="+")
    p_mastered = models.FloatField()
    responses = models.PositiveIntegerField()
    updated_at = models.DateTimeField()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["learner", "target"], name="unique_knowledge_trace")
        ]

    def __str__(self) -> str:
        return f"{self.learner} on {self.target.human_coding_scheme}: {self.p_mastered:.2f}"


class LearnerModelFit(models.Model):
    """One fit of the logistic learner model for a school's framework, from the school's
    own answers: its named weights (``continuum.mastery.model_estimate.Weights``). Each
    refit adds a version; the newest is the one in use, the older ones stay for comparison."""

    school = models.ForeignKey(
        "people.Organization", on_delete=models.CASCADE, related_name="learner_model_fits"
    )
    framework = models.ForeignKey(
        "frameworks.Framework", on_delete=models.CASCADE, related_name="learner_model_fits"
    )
    version = models.PositiveIntegerField()
    weights = models.JSONField(help_text="continuum.mastery.model_estimate.Weights.to_dict()")
    responses = models.PositiveIntegerField(help_text="How many answers the fit used")
    learners = models.PositiveIntegerField(help_text="How many learners gave them")
    converged = models.BooleanField(help_text="Whether the optimiser reached its optimum")
    fitted_at = models.DateTimeField()

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["school", "framework", "version"], name="unique_learner_model_version"
            )
        ]
        ordering = ["school", "framework", "-version"]

    def __str__(self) -> str:
        return f"Learner model v{self.version} for {self.framework} at {self.school}"
