"""Early-warning flags, tiered support plans, requirements and pace, and the runs that
compute flags and pace in the background."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from continuum.frameworks.models import FrameworkItem, ItemKind
from continuum.people.models import Organization, Section
from continuum.supports.wording import PaceWords


class Requirement(models.Model):
    """What earns course credit, graduation or a credential: competencies and a rule.

    Who it applies to follows from its kind (``selectors/requirements.py``):
    graduation, every learner of the school; course credit, the learners enrolled in its
    sections; a certificate or pathway, the learners who elected it and whose election a
    counselor confirmed. A retired requirement (``active`` false) applies to no one.
    """

    class Kind(models.TextChoices):
        COURSE_CREDIT = "course_credit", _("Course credit")
        GRADUATION = "graduation", _("Graduation")
        CTE_CERTIFICATION = "cte_certification", _("CTE certification")
        PATHWAY = "pathway", _("Pathway")

    # The kinds a learner chooses (and a counselor confirms) rather than has assigned.
    ELECTED_KINDS = frozenset({Kind.CTE_CERTIFICATION, Kind.PATHWAY})

    title = models.CharField(max_length=200)
    kind = models.CharField(max_length=20, choices=Kind.choices)
    organization = models.ForeignKey(
        Organization, on_delete=models.CASCADE, related_name="requirements"
    )
    starts_on = models.DateField(help_text="When work towards the requirement begins")
    due_on = models.DateField()
    competencies = models.ManyToManyField(
        FrameworkItem,
        related_name="requirements",
        help_text="Competencies (their targets count) or, for named targets, the targets",
    )
    sections = models.ManyToManyField(
        Section,
        blank=True,
        related_name="requirements",
        help_text="For course credit: the sections whose learners it applies to",
    )
    rule = models.JSONField(
        default=dict,
        help_text='A rollup rule, e.g. {"name": "share_proficient", '
        '"parameters": {"share": 0.8, "floor": 2}}',
    )
    active = models.BooleanField(
        default=True, help_text="A retired requirement applies to no one (it stays readable)"
    )
    history = HistoricalRecords(m2m_fields=[competencies, sections])

    class Meta:
        ordering = ["due_on", "title"]

    def __str__(self) -> str:
        return self.title

    @property
    def elected(self) -> bool:
        return self.kind in self.ELECTED_KINDS

    @property
    def rule_choice(self) -> str:
        """Which of the editor's rules this is: named targets are ``all_proficient`` over
        chosen targets (no competency)."""
        name = self.rule.get("name", "all_proficient")
        items = list(self.competencies.all())
        if name == "all_proficient" and items and all(i.kind == ItemKind.TARGET for i in items):
            return "named_targets"
        return name

    @property
    def rule_in_words(self) -> str:
        parameters = self.rule.get("parameters", {})
        choice = self.rule_choice
        if choice == "share_proficient":
            return _("%(share)s%% of the targets proficient, none below level %(floor)g") % {
                "share": f"{100 * parameters.get('share', 0.8):g}",
                "floor": parameters.get("floor", 2),
            }
        if choice == "points":
            return _("At least %(points)g targets proficient") % {
                "points": parameters.get("points", 1)
            }
        if choice == "named_targets":
            return str(_("All of these named targets proficient"))
        if choice == "all_proficient":
            return str(_("All targets proficient"))
        return choice


class RequirementElection(models.Model):
    """A learner's choice of a certificate or pathway, and a counselor's decision on it.

    Elected → confirmed or declined by a counselor or leader; elected or confirmed →
    withdrawn by the learner. Only a confirmed election makes the requirement apply.
    """

    class State(models.TextChoices):
        ELECTED = "elected", _("Waiting for a counselor")
        CONFIRMED = "confirmed", _("Confirmed")
        DECLINED = "declined", _("Declined")
        WITHDRAWN = "withdrawn", _("Withdrawn")

    LIVE = (State.ELECTED, State.CONFIRMED)

    learner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="requirement_elections"
    )
    requirement = models.ForeignKey(Requirement, on_delete=models.CASCADE, related_name="elections")
    elected_at = models.DateTimeField()
    why = models.TextField(blank=True, help_text="The learner's own words")
    state = models.CharField(max_length=10, choices=State.choices, default=State.ELECTED)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    decision_note = models.TextField(blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["-elected_at", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["learner", "requirement"],
                condition=models.Q(state__in=["elected", "confirmed"]),
                name="one_live_election",
            )
        ]

    def __str__(self) -> str:
        return f"{self.learner} → {self.requirement} ({self.state})"

    @property
    def live(self) -> bool:
        return self.state in self.LIVE


class Flag(models.Model):
    """An early-warning signal about one learner, computed from learning data only."""

    class Kind(models.TextChoices):
        STALLED = "stalled", _("Stalled")
        REPEATED_NOT_YET = "repeated_not_yet", _("Repeated not yet")
        BEHIND_PACE = "behind_pace", _("Behind pace")
        WAITING = "waiting", _("Reassessment waiting")

    class State(models.TextChoices):
        OPEN = "open", _("Open")
        ACKNOWLEDGED = "acknowledged", _("Acknowledged")
        RESOLVED = "resolved", _("Resolved")

    learner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="flags"
    )
    kind = models.CharField(max_length=20, choices=Kind.choices)
    target = models.ForeignKey(
        FrameworkItem, null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    explanation = models.TextField()
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="owned_flags",
    )
    state = models.CharField(max_length=16, choices=State.choices, default=State.OPEN)
    note = models.TextField(blank=True)
    raised_at = models.DateTimeField()
    updated_at = models.DateTimeField(auto_now=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["state", "-raised_at"]
        indexes = [models.Index(fields=["learner", "state"])]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.learner}"


class SupportPlan(models.Model):
    """A tiered intervention for one learner, reviewed on a date, closed with an outcome."""

    class Tier(models.IntegerChoices):
        ONE = 1, _("Tier 1: in class")
        TWO = 2, _("Tier 2: targeted, small group")
        THREE = 3, _("Tier 3: intensive, individual")

    class Status(models.TextChoices):
        ACTIVE = "active", _("Active")
        CLOSED = "closed", _("Closed")

    learner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="support_plans"
    )
    tier = models.PositiveSmallIntegerField(choices=Tier.choices, default=Tier.TWO)
    concern = models.TextField()
    goal = models.TextField()
    targets = models.ManyToManyField(FrameworkItem, blank=True, related_name="+")
    flags = models.ManyToManyField(Flag, blank=True, related_name="plans")
    review_on = models.DateField()
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.ACTIVE)
    outcome = models.TextField(blank=True)
    shared_with_family = models.BooleanField(default=False)
    family_summary = models.TextField(
        blank=True, help_text="Plain-language summary the family sees when the plan is shared"
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["status", "review_on"]

    def __str__(self) -> str:
        return f"Tier {self.tier} plan for {self.learner}"


class SupportAction(models.Model):
    plan = models.ForeignKey(SupportPlan, on_delete=models.CASCADE, related_name="actions")
    description = models.CharField(max_length=500)
    owner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    due_on = models.DateField()
    done_at = models.DateTimeField(null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["done_at", "due_on", "id"]

    def __str__(self) -> str:
        return self.description


class SupportNote(models.Model):
    plan = models.ForeignKey(SupportPlan, on_delete=models.CASCADE, related_name="notes")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    text = models.TextField()
    written_at = models.DateTimeField(auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["-written_at", "-id"]

    def __str__(self) -> str:
        return self.text[:60]


class LearnerPace(models.Model):
    """The latest computed pace of one learner on one requirement."""

    learner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="paces"
    )
    requirement = models.ForeignKey(Requirement, on_delete=models.CASCADE, related_name="paces")
    status = models.CharField(max_length=10)
    mastered = models.PositiveIntegerField()
    needed = models.PositiveIntegerField()
    projected_on = models.DateField(null=True, blank=True)
    remaining = models.ManyToManyField(FrameworkItem, blank=True, related_name="+")
    explanation = models.TextField()
    rate_per_week = models.FloatField(
        null=True, blank=True, help_text="Targets mastered a week; none before the first"
    )
    finish_by = models.DateField(
        null=True,
        blank=True,
        help_text="The learner's expected graduation (else this requirement's due date): "
        "a projection more than a year past it is not shown as a date",
    )
    computed_at = models.DateTimeField()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["learner", "requirement"], name="one_pace_per_req")
        ]

    def __str__(self) -> str:
        return f"{self.learner} {self.status} on {self.requirement}"

    @property
    def words(self) -> "PaceWords":
        """How the pages say this pace (counts capped, far projections and rates in words)."""
        return PaceWords(
            status=self.status,
            mastered=self.mastered,
            needed=self.needed,
            remaining=len(self.remaining.all()),
            rate_per_week=self.rate_per_week,
            projected_on=self.projected_on,
            due_on=self.requirement.due_on,
            finish_by=self.finish_by or self.requirement.due_on,
        )


class SupportsDirty(models.Model):
    """A learner whose pace and flags are out of date: new evidence, a correction or an
    override since their last computation. The background refresh takes these rows
    (``services/refresh.py``); many changes in a row leave one row, so one refresh."""

    learner = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        primary_key=True,
        related_name="+",
    )
    changed_at = models.DateTimeField()

    def __str__(self) -> str:
        return f"{self.learner} since {self.changed_at:%Y-%m-%d %H:%M}"


class SupportsRun(models.Model):
    """One computation of a school's flags and pace, with its progress."""

    school = models.ForeignKey(Organization, on_delete=models.CASCADE, related_name="+")
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    queued_at = models.DateTimeField(auto_now_add=True)
    started_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    processed = models.PositiveIntegerField(default=0)
    total = models.PositiveIntegerField(default=0)
    error = models.TextField(blank=True)

    class Meta:
        ordering = ["-queued_at", "-id"]

    def __str__(self) -> str:
        return f"Supports run {self.pk} for {self.school}"

    @property
    def percent(self) -> int:
        return round(100 * self.processed / self.total) if self.total else 0
