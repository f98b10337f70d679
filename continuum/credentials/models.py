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


class IssuerKey(models.Model):
    """A district's Ed25519 signing key for the credentials it issues.

    The private half never leaves the server: it is stored as an encrypted PKCS#8 PEM
    (passphrase ``settings.CONTINUUM_CREDENTIAL_KEY_SECRET``) and only ``public_jwk`` is
    published. A retired key signs nothing more but stays published, so the credentials it
    signed keep verifying.
    """

    district = models.ForeignKey(
        "people.Organization", on_delete=models.PROTECT, related_name="issuer_keys"
    )
    kid = models.CharField(max_length=64, unique=True, help_text="The JWK thumbprint")
    public_jwk = models.JSONField()
    private_pem = models.TextField()
    created_at = models.DateTimeField()
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    retired_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["district"],
                condition=models.Q(retired_at__isnull=True),
                name="one_active_issuer_key",
            )
        ]

    def __str__(self) -> str:
        return f"{self.kid} ({self.district})"


class IssuedCredential(models.Model):
    """A signed credential as it was handed out: an Open Badges 3.0 OpenBadgeCredential
    for one award, or a CLR 2.0 ClrCredential of a learner's awards. ``token`` is the
    VC-JWT itself (the only copy of what was signed); ``status_index`` is its bit in the
    district's revocation status list."""

    class Kind(models.TextChoices):
        OPEN_BADGE = "openbadge", _("Open Badge")
        CLR = "clr", _("Comprehensive Learner Record")

    uuid = models.UUIDField(unique=True, editable=False)
    kind = models.CharField(max_length=10, choices=Kind.choices)
    learner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="issued_credentials"
    )
    award = models.ForeignKey(
        Award, null=True, blank=True, on_delete=models.CASCADE, related_name="credentials"
    )
    awards = models.ManyToManyField(Award, related_name="records", blank=True)
    district = models.ForeignKey("people.Organization", on_delete=models.PROTECT, related_name="+")
    key = models.ForeignKey(IssuerKey, on_delete=models.PROTECT, related_name="credentials")
    status_index = models.PositiveIntegerField()
    issued_at = models.DateTimeField()
    token = models.TextField()
    revoked_at = models.DateTimeField(null=True, blank=True)
    revoke_reason = models.TextField(blank=True)

    class Meta:
        ordering = ["-issued_at", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["district", "status_index"], name="one_credential_per_status_bit"
            ),
            models.UniqueConstraint(
                fields=["award"],
                condition=models.Q(kind="openbadge"),
                name="one_badge_per_award",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.uuid}"

    @property
    def revoked(self) -> bool:
        return self.revoked_at is not None
