"""xAPI clients (the systems allowed to send statements) and the statements they sent.

A client belongs to one district and records evidence as the educator its district admin
named. Only the SHA-256 digest of its secret is kept. Every statement received is kept
whole, with what became of it: the evidence it was turned into, or why it was not.
"""

from django.conf import settings
from django.db import models
from simple_history.models import HistoricalRecords

from continuum.evidence.models import Evidence
from continuum.frameworks.models import FrameworkItem
from continuum.people.models import Organization


class XapiClient(models.Model):
    """HTTP Basic credentials for one system: ``key`` is the user name, the secret the
    password (shown once, when issued)."""

    district = models.ForeignKey(
        Organization, on_delete=models.PROTECT, related_name="xapi_clients"
    )
    name = models.CharField(max_length=100)
    key = models.CharField(max_length=40, unique=True)
    secret_digest = models.CharField(max_length=64)
    scorer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="xapi_clients_scoring",
        help_text="The educator the evidence is recorded as; only their learners' "
        "statements become evidence.",
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="xapi_clients_issued"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    last_used_at = models.DateTimeField(null=True, blank=True)
    revoked_at = models.DateTimeField(null=True, blank=True)
    history = HistoricalRecords(excluded_fields=["last_used_at"])

    class Meta:
        ordering = ["name", "id"]

    def __str__(self) -> str:
        return f"{self.name} ({self.key})"


class XapiStatement(models.Model):
    """One statement as received (``statement`` has the LRS's ``id``, ``stored`` and
    ``authority`` filled in), and the evidence it became or the reason it did not."""

    district = models.ForeignKey(
        Organization, on_delete=models.PROTECT, related_name="xapi_statements"
    )
    client = models.ForeignKey(XapiClient, on_delete=models.PROTECT, related_name="statements")
    statement_id = models.UUIDField()
    statement = models.JSONField()
    stored_at = models.DateTimeField(db_index=True)
    activity_id = models.CharField(max_length=2000, blank=True)
    activity_name = models.CharField(max_length=500, blank=True)
    # A statement names the learner (e-mail, user name): it is their data, deleted with them.
    learner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="xapi_statements",
    )
    target = models.ForeignKey(
        FrameworkItem, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    evidence = models.OneToOneField(
        Evidence, null=True, blank=True, on_delete=models.SET_NULL, related_name="xapi_statement"
    )
    not_evidence_because = models.CharField(max_length=300, blank=True)

    class Meta:
        ordering = ["stored_at", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["district", "statement_id"], name="unique_xapi_statement_per_district"
            )
        ]

    def __str__(self) -> str:
        return str(self.statement_id)
