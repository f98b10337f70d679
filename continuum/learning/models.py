"""What learners ask of their educators: to be reassessed when ready, and to show learning
in a way they propose.

The tables were created by the evidence app and keep their names (decision 0013).
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from continuum.evidence.models import Evidence
from continuum.frameworks.models import FrameworkItem


class Reassessment(models.Model):
    """A request to be reassessed on a target, and what became of it."""

    class Status(models.TextChoices):
        REQUESTED = "requested", _("Requested")
        SCHEDULED = "scheduled", _("Approved and scheduled")
        DECLINED = "declined", _("Not yet approved")
        COMPLETED = "completed", _("Reassessed")
        WITHDRAWN = "withdrawn", _("Withdrawn")

    learner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="reassessments"
    )
    target = models.ForeignKey(FrameworkItem, on_delete=models.PROTECT, related_name="+")
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    preparation = models.TextField(help_text="How the learner prepared")
    status = models.CharField(max_length=16, choices=Status.choices, default=Status.REQUESTED)
    reviewer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    scheduled_for = models.DateTimeField(null=True, blank=True)
    decision_note = models.TextField(blank=True)
    evidence = models.ForeignKey(
        Evidence, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    requested_at = models.DateTimeField(auto_now_add=True)
    decided_at = models.DateTimeField(null=True, blank=True)
    history = HistoricalRecords(table_name="evidence_historicalreassessment")

    class Meta:
        db_table = "evidence_reassessment"  # the table predates the learning app
        ordering = ["-requested_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["learner", "target"],
                condition=models.Q(status__in=["requested", "scheduled"]),
                name="one_open_reassessment",
            )
        ]

    def __str__(self) -> str:
        return f"{self.learner} on {self.target.human_coding_scheme} ({self.status})"


class Proposal(models.Model):
    """A learner's proposal of how they will show learning on a target."""

    class Way(models.TextChoices):
        PROJECT = "project", _("Project")
        PERFORMANCE = "performance", _("Performance or presentation")
        ARTIFACT = "artifact", _("Artifact or product")
        CONVERSATION = "conversation", _("Conversation")
        OTHER = "other", _("Something else")

    class Status(models.TextChoices):
        PROPOSED = "proposed", _("Proposed")
        APPROVED = "approved", _("Approved")
        REVISE = "revise", _("Needs revision")
        WITHDRAWN = "withdrawn", _("Withdrawn")

    learner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="proposals"
    )
    target = models.ForeignKey(FrameworkItem, on_delete=models.PROTECT, related_name="+")
    way = models.CharField(max_length=16, choices=Way.choices)
    description = models.TextField()
    status = models.CharField(max_length=16, choices=Status.choices, default=Status.PROPOSED)
    reviewer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    review_note = models.TextField(blank=True)
    proposed_at = models.DateTimeField(auto_now_add=True)
    decided_at = models.DateTimeField(null=True, blank=True)
    history = HistoricalRecords(table_name="evidence_historicalproposal")

    class Meta:
        db_table = "evidence_proposal"
        ordering = ["-proposed_at"]

    def __str__(self) -> str:
        return f"{self.learner}: {self.get_way_display()} for {self.target.human_coding_scheme}"
