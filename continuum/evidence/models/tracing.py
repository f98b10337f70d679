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
