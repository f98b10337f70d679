"""The record of disclosures (FERPA, 34 CFR 99.32) and the audit of learner deletions.

A ``Disclosure`` says who read whose record, what, when, how and why. It points at people
with ``SET_NULL`` so that deleting a learner leaves the row de-identified rather than
erasing the fact that their record was read (see docs/user-guide/privacy.md).
A ``LearnerDeletion`` keeps who deleted a learner, when, why and how many rows of each
model went, but nothing of the learner's own data.
"""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Via(models.TextChoices):
    PAGE = "page", _("Page")
    API = "api", _("API")
    EXPORT = "export", _("Export")
    REPORT = "report", _("Report download")
    CASE = "case", _("CASE download")


class Disclosure(models.Model):
    at = models.DateTimeField(default=timezone.now)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    learner = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    # The district whose admin may read this row: the learner's, or the actor's when there
    # is no learner (CASE downloads). Kept when the learner is deleted.
    district = models.ForeignKey(
        "people.Organization", null=True, on_delete=models.SET_NULL, related_name="+"
    )
    via = models.CharField(max_length=8, choices=Via.choices)
    what = models.CharField(max_length=200, help_text="The page's URL name or the API endpoint")
    record = models.CharField(max_length=100, blank=True, help_text="What kind of record")
    path = models.CharField(max_length=500, blank=True)
    subject = models.CharField(
        max_length=300, blank=True, help_text="What was read when it is not a learner"
    )
    reason = models.TextField(blank=True)

    class Meta:
        ordering = ["-at", "-id"]
        indexes = [
            models.Index(fields=["district", "at"], name="disclosure_district_at"),
            models.Index(fields=["learner", "at"], name="disclosure_learner_at"),
        ]

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d %H:%M} {self.actor_id} → {self.learner_id} {self.what}"


class LearnerDeletion(models.Model):
    at = models.DateTimeField(default=timezone.now)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    district = models.ForeignKey(
        "people.Organization", null=True, on_delete=models.SET_NULL, related_name="+"
    )
    reason = models.TextField()
    counts = models.JSONField(default=dict, help_text="Rows deleted per model label")
    files_removed = models.PositiveIntegerField(default=0)
    remaining = models.JSONField(
        default=dict, help_text="Rows still referencing the learner after deletion (none)"
    )

    class Meta:
        ordering = ["-at", "-id"]

    def __str__(self) -> str:
        return f"deletion #{self.pk} at {self.at:%Y-%m-%d %H:%M}"

    @property
    def verified(self) -> bool:
        return not self.remaining
