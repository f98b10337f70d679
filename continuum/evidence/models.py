"""Evidence of learning and the mastery estimates drawn from it.

Evidence belongs to a learner and a learning target, whichever section, educator or
partner produced it: one body of evidence per learner-target. "Not yet" is a level below
the proficiency cut, never a zero; missing work is marked missing and excused work
excused, and neither enters a calculation.
"""

from pathlib import Path

from django.conf import settings
from django.core.files.storage import FileSystemStorage
from django.db import models
from django.db.models import Case, F, Q, When
from django.db.models.functions import Coalesce
from django.utils.functional import LazyObject
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from continuum.frameworks.models import FrameworkItem
from continuum.mastery import Status
from continuum.people.models import Organization, Section


class AssessmentKind(models.TextChoices):
    FORMATIVE_CHECK = "formative_check", _("Formative check")
    SUMMATIVE = "summative", _("Summative assessment")
    PERFORMANCE_TASK = "performance_task", _("Performance task")
    PROJECT = "project", _("Project")
    OBSERVATION = "observation", _("Observation")
    CONVERSATION = "conversation", _("Conversation")
    EXTERNAL_CERTIFICATION = "external_certification", _("External certification")


class EvidenceKind(models.TextChoices):
    FORMATIVE = "formative", _("Formative")
    SUMMATIVE = "summative", _("Summative")


# What each kind of assessment counts as unless its author says otherwise.
DEFAULT_EVIDENCE_KIND = {
    AssessmentKind.FORMATIVE_CHECK: EvidenceKind.FORMATIVE,
    AssessmentKind.OBSERVATION: EvidenceKind.FORMATIVE,
    AssessmentKind.CONVERSATION: EvidenceKind.FORMATIVE,
}


class Assessment(models.Model):
    """An instrument aligned to one or more learning targets."""

    title = models.CharField(max_length=200)
    description = models.TextField(blank=True)
    kind = models.CharField(max_length=32, choices=AssessmentKind.choices)
    evidence_kind = models.CharField(
        max_length=16, choices=EvidenceKind.choices, default=EvidenceKind.SUMMATIVE
    )
    school = models.ForeignKey(Organization, on_delete=models.PROTECT, related_name="assessments")
    section = models.ForeignKey(
        Section, null=True, blank=True, on_delete=models.SET_NULL, related_name="assessments"
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="assessments_created"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return self.title


class Alignment(models.Model):
    """One target an assessment measures, with its weight, due date and optional rubric.

    ``rubric`` maps a level value (as text) to what that level looks like on this
    assessment; levels it leaves out use the target's own descriptors.
    """

    assessment = models.ForeignKey(Assessment, on_delete=models.CASCADE, related_name="alignments")
    target = models.ForeignKey(FrameworkItem, on_delete=models.PROTECT, related_name="alignments")
    weight = models.FloatField(default=1.0)
    due_on = models.DateField(null=True, blank=True)
    rubric = models.JSONField(default=dict, blank=True)
    position = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["assessment", "position", "id"]
        constraints = [
            models.UniqueConstraint(fields=["assessment", "target"], name="unique_alignment"),
            models.CheckConstraint(
                condition=models.Q(weight__gte=0), name="alignment_weight_gte_0"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.assessment} → {self.target.human_coding_scheme}"


class QuestionKind(models.TextChoices):
    MULTIPLE_CHOICE = "multiple_choice", _("Multiple choice")
    NUMERIC = "numeric", _("Numeric answer")


class Question(models.Model):
    """A simple auto-scored item aligned to one target; its right/wrong answers feed BKT."""

    alignment = models.ForeignKey(Alignment, on_delete=models.CASCADE, related_name="questions")
    prompt = models.TextField()
    kind = models.CharField(max_length=20, choices=QuestionKind.choices)
    choices = models.JSONField(default=list, blank=True)
    answer = models.CharField(max_length=200)
    tolerance = models.FloatField(default=0.0)
    position = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["alignment", "position", "id"]

    def __str__(self) -> str:
        return self.prompt[:60]


class Response(models.Model):
    """One learner's answer to one question in one attempt."""

    question = models.ForeignKey(Question, on_delete=models.CASCADE, related_name="responses")
    learner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="responses"
    )
    attempt = models.PositiveIntegerField(default=1)
    answer = models.CharField(max_length=200)
    correct = models.BooleanField()
    answered_at = models.DateTimeField()

    class Meta:
        ordering = ["learner", "answered_at", "id"]
        indexes = [models.Index(fields=["learner", "question"])]

    def __str__(self) -> str:
        return f"{self.learner}: {'right' if self.correct else 'wrong'} on {self.question}"


class TracingParameters(models.Model):
    """Bayesian knowledge tracing parameters fitted for one target from all responses."""

    target = models.OneToOneField(
        FrameworkItem, on_delete=models.CASCADE, related_name="tracing_parameters"
    )
    parameters = models.JSONField(help_text="continuum.mastery.bkt.BKTParams.to_dict()")
    responses = models.PositiveIntegerField(help_text="How many responses the fit used")
    fitted_at = models.DateTimeField()

    def __str__(self) -> str:
        return f"BKT for {self.target.human_coding_scheme}"


class KnowledgeTrace(models.Model):
    """P(mastered) for a learner-target after their latest auto-scored response."""

    learner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="knowledge_traces"
    )
    target = models.ForeignKey(FrameworkItem, on_delete=models.CASCADE, related_name="+")
    p_mastered = models.FloatField()
    responses = models.PositiveIntegerField()
    updated_at = models.DateTimeField()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["learner", "target"], name="unique_knowledge_trace")
        ]

    def __str__(self) -> str:
        return f"{self.learner} on {self.target.human_coding_scheme}: {self.p_mastered:.2f}"


class Mark(models.TextChoices):
    SCORED = "scored", _("Scored")
    MISSING = "missing", _("Missing")
    EXCUSED = "excused", _("Excused")


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


class GradingPolicyRecord(models.Model):
    """A grading policy adopted for a scope (the district, or one school), versioned.

    ``body`` is the mastery engine's serialised ``GradingPolicy``; the newest record of the
    narrowest scope applies.
    """

    organization = models.ForeignKey(
        Organization, on_delete=models.CASCADE, related_name="grading_policies"
    )
    version = models.PositiveIntegerField()
    body = models.JSONField()
    note = models.TextField(blank=True)
    adopted_at = models.DateTimeField(auto_now_add=True)
    adopted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL
    )

    class Meta:
        ordering = ["organization", "-version"]
        constraints = [
            models.UniqueConstraint(
                fields=["organization", "version"], name="unique_policy_version"
            )
        ]

    def __str__(self) -> str:
        return f"{self.organization} policy v{self.version}"


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
