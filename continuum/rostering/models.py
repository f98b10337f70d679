"""What the roster says and what each import did.

``RosterRecord`` keeps a OneRoster sourcedId beside the Continuum object it became, per
district, so that importing the same package again updates instead of duplicating (the
people app stays free of OneRoster). ``RosterImport`` is the audit of every import: who,
when, which file, what it would do or did, and its outcome.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from continuum.people.models import Organization


class RosterKind(models.TextChoices):
    """The OneRoster files that hold records (their names are the keys of the counts)."""

    ORG = "orgs", "orgs"
    SESSION = "academicSessions", "academicSessions"
    COURSE = "courses", "courses"
    CLASS = "classes", "classes"
    USER = "users", "users"
    ENROLLMENT = "enrollments", "enrollments"


VERBS = ("created", "updated", "deactivated")


class RosterRecord(models.Model):
    """One OneRoster record of a district, and the Continuum object it maps to: an
    Organization (orgs), a Section (classes), a User (users), an Enrollment row or the
    section's educator (enrollments). Sessions and courses have no Continuum object, and
    neither do people the roster names but Continuum does not let in (see the docs)."""

    district = models.ForeignKey(
        Organization, on_delete=models.CASCADE, related_name="roster_records"
    )
    kind = models.CharField(max_length=20, choices=RosterKind.choices)
    sourced_id = models.CharField(max_length=255)
    object_id = models.PositiveBigIntegerField(null=True, blank=True)
    # For users, the person too: deleting a learner (privacy) deletes their record here.
    person = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="roster_records",
    )
    status = models.CharField(max_length=20, default="active")
    date_last_modified = models.DateTimeField(null=True, blank=True)
    # What the record said last (for users, only their role, orgs and status), kept so
    # that a delta can name an earlier record.
    data = models.JSONField(default=dict, blank=True)
    source_file = models.CharField(max_length=255, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["district", "kind", "sourced_id"], name="unique_roster_record"
            )
        ]

    def __str__(self) -> str:
        return f"{self.kind} {self.sourced_id}"


class RosterImport(models.Model):
    """One package uploaded (or imported from the command line) into a district."""

    class State(models.TextChoices):
        REFUSED = "refused", _("Refused")
        PREVIEWED = "previewed", _("Previewed")
        QUEUED = "queued", _("Queued")
        RUNNING = "running", _("Importing")
        DONE = "done", _("Imported")
        FAILED = "failed", _("Failed")
        SUPERSEDED = "superseded", _("Superseded by a later upload")

    district = models.ForeignKey(Organization, on_delete=models.CASCADE, related_name="+")
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    file_name = models.CharField(max_length=255)
    created_at = models.DateTimeField(auto_now_add=True)
    state = models.CharField(max_length=12, choices=State.choices)
    version = models.CharField(max_length=8, blank=True)
    # The uploaded zip, kept until the background import has run (then emptied).
    package = models.BinaryField(blank=True, default=b"")
    summary = models.JSONField(default=dict, blank=True)  # created/updated/deactivated counts
    samples = models.JSONField(default=dict, blank=True)
    errors = models.JSONField(default=list, blank=True)
    warnings = models.JSONField(default=list, blank=True)
    progress_total = models.PositiveIntegerField(default=0)
    progress_done = models.PositiveIntegerField(default=0)
    failure = models.TextField(blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.file_name} ({self.state})"

    @property
    def count_rows(self) -> list[tuple[str, int, int, int]]:
        """(file, created, updated, deactivated) for each file, for the tables."""
        counts = [self.summary.get(verb, {}) for verb in VERBS]
        return [(kind.value, *(c.get(kind.value, 0) for c in counts)) for kind in RosterKind]

    @property
    def totals(self) -> dict[str, int]:
        """Records created, updated and deactivated, all files together."""
        return {verb: sum(self.summary.get(verb, {}).values()) for verb in VERBS}

    @property
    def progress_percent(self) -> int:
        return round(100 * self.progress_done / self.progress_total) if self.progress_total else 0
