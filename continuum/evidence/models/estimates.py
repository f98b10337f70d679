"""Mastery estimates drawn from evidence, what they show, and the grading policies adopted."""

from django.conf import settings
from django.db import models
from django.db.models import Case, F, Q, When
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from continuum.frameworks.models import FrameworkItem
from continuum.mastery import Status
from continuum.people.models import Organization


class GradingPolicyRecord(models.Model):
    """A grading policy for a scope: the district's default or one school's override, for
    every framework or (``framework``) for one framework's targets only.

    ``body`` is the mastery engine's serialised ``GradingPolicy``. A record starts as a
    draft (no version), is replayed on the school's real evidence, then adopted (it gets
    the scope's next version and an effective date) or discarded. The newest adopted
    version of the narrowest scope that is already effective applies; older versions stay
    readable. Versions count every record of an organization, whichever framework it
    covers, so (organization, version) names one record. ``note`` is why it was adopted; the history records every change with who,
    when and why (decision 0002). The ``recompute_*`` fields are the progress of the
    background recompute an adoption starts.
    """

    class State(models.TextChoices):
        DRAFT = "draft", _("Draft")
        ADOPTED = "adopted", _("Adopted")
        DISCARDED = "discarded", _("Discarded")

    organization = models.ForeignKey(
        Organization, on_delete=models.CASCADE, related_name="grading_policies"
    )
    framework = models.ForeignKey(
        "frameworks.Framework",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="grading_policies",
        help_text="Empty: every framework; else this framework's targets only.",
    )
    state = models.CharField(max_length=10, choices=State.choices, default=State.ADOPTED)
    version = models.PositiveIntegerField(null=True, blank=True)
    body = models.JSONField()
    note = models.TextField(blank=True)
    effective_on = models.DateField(null=True, blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    adopted_at = models.DateTimeField(null=True, blank=True)
    adopted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL
    )
    recompute_total = models.PositiveIntegerField(default=0)
    recompute_done = models.PositiveIntegerField(default=0)
    recompute_finished_at = models.DateTimeField(null=True, blank=True)
    recompute_error = models.TextField(blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["organization", "-version"]
        constraints = [
            models.UniqueConstraint(
                fields=["organization", "version"], name="unique_policy_version"
            )
        ]

    def __str__(self) -> str:
        scope = (
            f"{self.organization} ({self.framework})" if self.framework_id else self.organization
        )
        if self.version is None:
            return f"{scope} policy draft {self.pk}"
        return f"{scope} policy v{self.version}"

    @property
    def recompute_percent(self) -> int:
        return (
            round(100 * self.recompute_done / self.recompute_total) if self.recompute_total else 0
        )


class EstimateStatus(models.IntegerChoices):
    """The engine's ``Status`` as stored: its values, so "at least proficient" is a
    comparison in SQL and ``Status(value)`` converts without a table; labels only display."""

    NOT_STARTED = Status.NOT_STARTED, _("not started")
    NOT_YET = Status.NOT_YET, _("not yet")
    APPROACHING = Status.APPROACHING, _("approaching")
    PROFICIENT = Status.PROFICIENT, _("proficient")
    ADVANCED = Status.ADVANCED, _("advanced")

    @property
    def code(self) -> str:
        """The stable English name integrations read ("not yet"), never translated."""
        return Status(self.value).label

    @property
    def slug(self) -> str:
        """The CSS class of the status ("not-yet")."""
        return self.code.replace(" ", "-")

    @property
    def short(self) -> str:
        """The letters a grid cell shows beside the level, so colour is never alone."""
        return ("", "NY", "AP", "P", "AD")[self.value]


#: Statuses a learner can be at once started, lowest first (legends, counts, columns).
STARTED_STATUSES = tuple(EstimateStatus)[1:]


#: What a page shows, in SQL: the educator's override when there is one, else the
#: calculated value. ``Estimate.shown_status`` says the same for one row in Python.
SHOWN_STATUS = Case(
    When(override_level__isnull=False, then=F("override_status")), default=F("status")
)
SHOWN_LEVEL = Coalesce(F("override_level"), F("level"))


def shown_status_in(*statuses: int) -> Q:
    """Estimates whose shown status is one of ``statuses`` (usable inside an aggregate's
    ``filter=`` as well as in ``filter()``)."""
    return Q(override_level__isnull=True, status__in=statuses) | Q(
        override_level__isnull=False, override_status__in=statuses
    )


#: The shown status meets the target: "at least proficient".
AT_LEAST_PROFICIENT = Q(override_level__isnull=True, status__gte=EstimateStatus.PROFICIENT) | Q(
    override_level__isnull=False, override_status__gte=EstimateStatus.PROFICIENT
)


class EstimateQuerySet(models.QuerySet):
    """Every app asks here what an estimate shows, instead of re-deriving it."""

    def with_shown(self) -> "EstimateQuerySet":
        """Annotated with ``shown`` (status) and ``level_shown``."""
        return self.annotate(shown=SHOWN_STATUS, level_shown=SHOWN_LEVEL)

    def shown_in(self, *statuses: int) -> "EstimateQuerySet":
        return self.filter(shown_status_in(*statuses))

    def at_least_proficient(self) -> "EstimateQuerySet":
        return self.filter(AT_LEAST_PROFICIENT)


class Estimate(models.Model):
    """The engine's judgement for a learner-target, stored for fast pages (its explanation
    is recalculated from the evidence when asked, so it can never drift from it).

    An educator's override sits beside the calculated value: both are kept and the page
    shows the override as an override, with its reason.
    """

    learner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="estimates"
    )
    target = models.ForeignKey(FrameworkItem, on_delete=models.CASCADE, related_name="estimates")
    level = models.FloatField(null=True, blank=True)
    status = models.PositiveSmallIntegerField(
        choices=EstimateStatus.choices, default=EstimateStatus.NOT_STARTED
    )
    method = models.CharField(max_length=40, blank=True)
    policy_version = models.PositiveIntegerField(null=True, blank=True)
    evidence_count = models.PositiveIntegerField(default=0)
    computed_at = models.DateTimeField()
    override_level = models.FloatField(null=True, blank=True)
    override_status = models.PositiveSmallIntegerField(
        choices=EstimateStatus.choices, null=True, blank=True
    )
    override_reason = models.TextField(blank=True)
    overridden_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="overrides",
    )
    overridden_at = models.DateTimeField(null=True, blank=True)
    history = HistoricalRecords(excluded_fields=["computed_at"])

    objects = EstimateQuerySet.as_manager()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["learner", "target"], name="unique_estimate")
        ]
        indexes = [models.Index(fields=["target", "status"])]

    def __str__(self) -> str:
        return f"{self.learner} on {self.target.human_coding_scheme}: {self.shown_status}"

    @property
    def is_overridden(self) -> bool:
        return self.override_level is not None

    @property
    def shown_level(self) -> float | None:
        return self.override_level if self.is_overridden else self.level

    @property
    def shown_status(self) -> EstimateStatus:
        shown = self.override_status if self.is_overridden else self.status
        return EstimateStatus(shown if shown is not None else EstimateStatus.NOT_STARTED)
