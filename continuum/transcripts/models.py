"""Issued transcripts (for the verification link) and each school's grade conversion tables.

A ``TranscriptIssue`` keeps only what the issued document showed on its face (the name,
the school, the date) and a SHA-256 of its canonical content: the verification page
compares that digest with the record as it reads now, and shows nothing more.

A ``GradeConversion`` is one version of a school's table; a change is a new version with a
reason (the old rows stay, so an issued transcript's conversion can always be named).
"""

from django.conf import settings
from django.db import models
from django.utils import timezone
from simple_history.models import HistoricalRecords

from continuum.people.models import Organization


class TranscriptIssue(models.Model):
    learner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="transcript_issues"
    )
    issued_at = models.DateTimeField(default=timezone.now)
    issued_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    token = models.CharField(max_length=64, unique=True)
    digest = models.CharField(max_length=64, help_text="SHA-256 of the canonical content")
    learner_name = models.CharField(max_length=300)
    school_name = models.CharField(max_length=200)
    revoked_at = models.DateTimeField(null=True, blank=True)
    revoked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    revoke_reason = models.TextField(blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["-issued_at", "-id"]

    def __str__(self) -> str:
        return f"Transcript of {self.learner_name} issued {self.issued_at:%Y-%m-%d}"


class GradeConversion(models.Model):
    """``rows``: ``[{"status": 3, "letter": "B", "points": 3.0}, {"min_level": 3.5,
    "max_level": 4, "letter": "A", "points": 4.0}]``, first match wins (conversion.py)."""

    school = models.ForeignKey(
        Organization, on_delete=models.CASCADE, related_name="grade_conversions"
    )
    version = models.PositiveIntegerField()
    effective_from = models.DateField()
    rows = models.JSONField(default=list)
    reason = models.TextField()
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    history = HistoricalRecords()

    class Meta:
        ordering = ["school", "-version"]
        constraints = [
            models.UniqueConstraint(fields=["school", "version"], name="unique_conversion_version")
        ]

    def __str__(self) -> str:
        return f"{self.school} grade conversion v{self.version}"
