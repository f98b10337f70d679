"""What a learner has earned: awards of course credit, graduation and certificates (with
the rule version and the evidence behind each), and the record of a course that ended
without credit, listing the targets to re-learn.

Both are written only by ``services/`` and audited by django-simple-history (decision 0002).
An award is never removed: a person revokes it, with a reason, and it stays readable.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from continuum.frameworks.models import FrameworkItem
from continuum.supports.models import Requirement


class Award(models.Model):
    """A requirement's rule was met by a learner's estimates on ``awarded_on``.

    ``rule`` and ``evidence`` are snapshots taken at award time, so the award reads the same
    after the requirement is edited or the estimates move: ``rule`` holds the rule and its
    targets (id, code, statement); ``evidence`` one entry per target with the estimate's
    id, level and status and the ids of the scored evidence behind it.
    """

    class State(models.TextChoices):
        AWARDED = "awarded", _("Awarded")
        REVOKED = "revoked", _("Revoked")

    learner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="awards"
    )
    requirement = models.ForeignKey(Requirement, on_delete=models.PROTECT, related_name="awards")
    kind = models.CharField(max_length=20, choices=Requirement.Kind.choices)
    awarded_on = models.DateField()
    rule_version = models.PositiveIntegerField(
        null=True, help_text="The requirement's audit-history id when it was awarded"
    )
    rule = models.JSONField(default=dict)
    evidence = models.JSONField(default=list)
    state = models.CharField(max_length=10, choices=State.choices, default=State.AWARDED)
    revoked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    revoked_at = models.DateTimeField(null=True, blank=True)
    revoke_reason = models.TextField(blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["-awarded_on", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["learner", "requirement"],
                condition=models.Q(state="awarded"),
                name="one_live_award",
            )
        ]

    def __str__(self) -> str:
        return f"{self.requirement} for {self.learner} ({self.state})"

    @property
    def live(self) -> bool:
        return self.state == self.State.AWARDED


class CreditNotEarned(models.Model):
    """A course-credit requirement's due date passed without its rule met: the targets
    that were not yet proficient then, and whether they entered the learner's plan."""

    learner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="credits_not_earned"
    )
    requirement = models.ForeignKey(
        Requirement, on_delete=models.PROTECT, related_name="credits_not_earned"
    )
    recorded_on = models.DateField()
    targets = models.ManyToManyField(FrameworkItem, related_name="+")
    added_to_plan = models.BooleanField(default=False)
    history = HistoricalRecords()  # the targets are set once, when it is recorded

    class Meta:
        ordering = ["-recorded_on", "-id"]
        constraints = [
            models.UniqueConstraint(fields=["learner", "requirement"], name="one_not_earned")
        ]

    def __str__(self) -> str:
        return f"{self.requirement} not earned by {self.learner}"
