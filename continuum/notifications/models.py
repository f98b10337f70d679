"""Notices to one person, in the app and by email, and each person's choice of how.

A notification is stored already written in its recipient's language (at the time it was
sent), so the list never changes under them.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Kind(models.TextChoices):
    FEEDBACK = "feedback", _("New feedback")
    REASSESSMENT_DECISION = "reassessment_decision", _("Reassessment decisions")
    GOAL_CHECKIN = "goal_checkin", _("Goal check-ins")
    AWARD = "award", _("Credits and certificates earned")
    PROPOSAL_DECISION = "proposal_decision", _("Proposal decisions")
    PORTFOLIO_REVIEW = "portfolio_review", _("Portfolio reviews")
    FLAG = "flag", _("New early-warning flags")
    OTHER = "other", _("Other notices")


class Notification(models.Model):
    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notifications"
    )
    kind = models.CharField(max_length=32, choices=Kind.choices, default=Kind.OTHER)
    title = models.CharField(max_length=200)
    body = models.TextField(blank=True)
    url = models.CharField(max_length=500, blank=True, help_text="A path inside Continuum")
    created_at = models.DateTimeField(auto_now_add=True)
    read_at = models.DateTimeField(null=True, blank=True)
    emailed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["recipient", "read_at"])]

    def __str__(self) -> str:
        return f"{self.recipient}: {self.title}"

    @property
    def is_read(self) -> bool:
        return self.read_at is not None


class NotificationPreference(models.Model):
    """How one person wants one kind of notice; no row means both ways (the default)."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notification_preferences"
    )
    kind = models.CharField(max_length=32, choices=Kind.choices)
    in_app = models.BooleanField(default=True)
    email = models.BooleanField(default=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "kind"], name="unique_notification_preference")
        ]

    def __str__(self) -> str:
        return f"{self.user} · {self.kind}: app={self.in_app} email={self.email}"
