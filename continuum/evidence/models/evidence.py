"""Evidence of learning, and the portfolio artifacts it may come from.

Evidence belongs to a learner and a learning target, whichever section, educator or
partner produced it: one body of evidence per learner-target. "Not yet" is a level below
the proficiency cut, never a zero; missing work is marked missing and excused work
excused, and neither enters a calculation. Evidence recorded by mistake is withdrawn (the
gradebook's undo), never deleted: it stays in the audit log and counts for nothing.
"""

from pathlib import Path

from django.conf import settings
from django.core.files.storage import FileSystemStorage
from django.db import models
from django.utils.functional import LazyObject
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from continuum.evidence.models.assessments import Alignment, Assessment, EvidenceKind
from continuum.frameworks.models import FrameworkItem


class Mark(models.TextChoices):
    SCORED = "scored", _("Scored")
    MISSING = "missing", _("Missing")
    EXCUSED = "excused", _("Excused")
    # Only a correction sets it (services.recording.evidence_withdraw): recorded by mistake.
    WITHDRAWN = "withdrawn", _("Withdrawn")


class EvidenceSource(models.TextChoices):
    ASSESSMENT = "assessment", _("Assessment")
    OBSERVATION = "observation", _("Observation")
    PORTFOLIO = "portfolio", _("Portfolio")
    REASSESSMENT = "reassessment", _("Reassessment")
    IMPORT = "import", _("CSV import")
    API = "api", _("Integration")
    PARTNER = "partner", _("Community partner")


class PrivateStorage(LazyObject):
    """Portfolio files live outside the web root and are served only by a permission-
    checked download view."""

    def _setup(self) -> None:
        self._wrapped = FileSystemStorage(
            location=Path(settings.VAR_DIR) / "portfolio", base_url=None
        )


private_storage = PrivateStorage()


def portfolio_storage() -> PrivateStorage:
    """Named in migrations instead of the storage itself, whose location (an absolute path
    under VAR_DIR) differs from one checkout to the next."""
    return private_storage


class Artifact(models.Model):
    """A piece of work a learner uploads to their portfolio, linked to targets."""

    class Status(models.TextChoices):
        SUBMITTED = "submitted", _("Submitted")
        VALIDATED = "validated", _("Accepted as evidence")
        RETURNED = "returned", _("Returned")

    learner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="artifacts"
    )
    targets = models.ManyToManyField(FrameworkItem, related_name="artifacts")
    title = models.CharField(max_length=200)
    reflection = models.TextField(blank=True)
    file = models.FileField(storage=portfolio_storage, upload_to="%Y/%m/")  # type: ignore[arg-type]  # a LazyObject standing in for a Storage
    original_name = models.CharField(max_length=255)
    content_type = models.CharField(max_length=100)
    size = models.PositiveIntegerField()
    status = models.CharField(max_length=16, choices=Status.choices, default=Status.SUBMITTED)
    uploaded_at = models.DateTimeField(auto_now_add=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="artifacts_reviewed",
    )
    review_note = models.TextField(blank=True)
    history = HistoricalRecords(excluded_fields=["file"])

    class Meta:
        ordering = ["-uploaded_at"]

    def __str__(self) -> str:
        return self.title


class Evidence(models.Model):
    """One scored observation of a learner on a target at a time."""

    learner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="evidence"
    )
    target = models.ForeignKey(FrameworkItem, on_delete=models.PROTECT, related_name="evidence")
    assessment = models.ForeignKey(
        Assessment, null=True, blank=True, on_delete=models.SET_NULL, related_name="evidence"
    )
    alignment = models.ForeignKey(
        Alignment, null=True, blank=True, on_delete=models.SET_NULL, related_name="evidence"
    )
    artifact = models.ForeignKey(
        Artifact, null=True, blank=True, on_delete=models.SET_NULL, related_name="evidence"
    )
    attempt = models.PositiveIntegerField(default=1)
    mark = models.CharField(max_length=10, choices=Mark.choices, default=Mark.SCORED)
    level = models.FloatField(null=True, blank=True, help_text="A level value of the scale")
    kind = models.CharField(
        max_length=16, choices=EvidenceKind.choices, default=EvidenceKind.SUMMATIVE
    )
    weight = models.FloatField(default=1.0)
    assessed_at = models.DateTimeField()
    due_on = models.DateField(null=True, blank=True)
    source = models.CharField(
        max_length=16, choices=EvidenceSource.choices, default=EvidenceSource.ASSESSMENT
    )
    scorer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="evidence_scored",
    )
    feedback = models.TextField(blank=True)
    recorded_at = models.DateTimeField(auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["learner", "target", "assessed_at", "id"]
        indexes = [models.Index(fields=["learner", "target"]), models.Index(fields=["target"])]
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(mark="scored") | models.Q(level__isnull=False),
                name="scored_evidence_has_a_level",
            ),
            models.CheckConstraint(condition=models.Q(weight__gte=0), name="evidence_weight_gte_0"),
        ]

    def __str__(self) -> str:
        return f"{self.learner} on {self.target.human_coding_scheme}: {self.level}"
