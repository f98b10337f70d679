"""A learner's pathway: who they are (profile), where they aim (goals), what they could do
(the learning experiences catalog) and the plan they agree with an educator.

Plan item progress is not stored: an item is *done* when the learner's estimate on its
target reaches proficient, derived at read time (see selectors.py), so it follows evidence.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords


class LearnerProfile(models.Model):
    """What the learner says about themself. ``accommodations`` is for their educators and
    counselor only: never shown to the learner or their guardians."""

    learner = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="learner_profile"
    )
    strengths = models.TextField(blank=True)
    needs = models.TextField(blank=True)
    interests = models.JSONField(default=list, blank=True, help_text="Short lowercase tags")
    aspirations = models.TextField(
        blank=True, help_text="Future self: careers, college, CTE pathways"
    )
    preferred_ways = models.JSONField(
        default=list, blank=True, help_text="Preferred ways to show learning"
    )
    languages = models.JSONField(default=list, blank=True)
    accommodations = models.TextField(blank=True)
    updated_at = models.DateTimeField(auto_now=True)
    history = HistoricalRecords()

    def __str__(self) -> str:
        return f"Profile of {self.learner}"


class Goal(models.Model):
    class Status(models.TextChoices):
        ACTIVE = "active", _("Active")
        ACHIEVED = "achieved", _("Achieved")
        DROPPED = "dropped", _("Dropped")

    learner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="goals"
    )
    targets = models.ManyToManyField("frameworks.FrameworkItem", related_name="goals")
    title = models.CharField(max_length=200)
    by_when = models.DateField()
    how = models.TextField(blank=True)
    status = models.CharField(max_length=12, choices=Status.choices, default=Status.ACTIVE)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="goals_created"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["status", "by_when", "id"]

    def __str__(self) -> str:
        return self.title


class GoalComment(models.Model):
    """A learner's reflection or another person's comment on a goal."""

    class Kind(models.TextChoices):
        REFLECTION = "reflection", _("Reflection")
        COMMENT = "comment", _("Comment")

    goal = models.ForeignKey(Goal, on_delete=models.CASCADE, related_name="comments")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT)
    kind = models.CharField(max_length=12, choices=Kind.choices)
    text = models.TextField()
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at", "id"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} by {self.author} on {self.goal}"


class CheckIn(models.Model):
    """An educator and learner looked at a goal together on a date."""

    class Progress(models.TextChoices):
        NOT_STARTED = "not_started", _("Not started")
        STARTED = "started", _("Started")
        ON_TRACK = "on_track", _("On track")
        STUCK = "stuck", _("Stuck")
        DONE = "done", _("Done")

    goal = models.ForeignKey(Goal, on_delete=models.CASCADE, related_name="check_ins")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT)
    note = models.TextField()
    progress = models.CharField(max_length=12, choices=Progress.choices)
    date = models.DateField()
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-date", "-id"]

    def __str__(self) -> str:
        return f"Check-in on {self.goal}, {self.date}"


class LearningExperience(models.Model):
    """An activity, resource, project or opportunity in the catalog.

    It belongs to the school (or district) of the curator who added it, and is seen by the
    people of that district only (decision 0009). Its curators are that school's educators
    and leaders; a partner's opportunity is changed by that partner alone.
    """

    class Kind(models.TextChoices):
        ACTIVITY = "activity", _("Activity")
        RESOURCE = "resource", _("Resource")
        PROJECT = "project", _("Project")
        OPPORTUNITY = "opportunity", _("Opportunity")

    class Setting(models.TextChoices):
        SCHOOL = "school", _("School")
        ONLINE = "online", _("Online")
        COMMUNITY = "community", _("Community")
        WORKPLACE = "workplace", _("Workplace")

    class Modality(models.TextChoices):
        IN_PERSON = "in_person", _("In person")
        ONLINE = "online", _("Online")
        BLENDED = "blended", _("Blended")

    title = models.CharField(max_length=200)
    description = models.TextField(blank=True)
    kind = models.CharField(max_length=12, choices=Kind.choices, default=Kind.ACTIVITY)
    setting = models.CharField(max_length=12, choices=Setting.choices, default=Setting.SCHOOL)
    modality = models.CharField(max_length=12, choices=Modality.choices, default=Modality.IN_PERSON)
    targets = models.ManyToManyField(
        "frameworks.FrameworkItem", related_name="experiences", blank=True
    )
    interests = models.JSONField(default=list, blank=True, help_text="Short lowercase tags")
    partner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="opportunities",
        help_text="The community partner who offers it",
    )
    url = models.URLField(blank=True)
    active = models.BooleanField(default=True)
    curated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="experiences_curated",
    )
    organization = models.ForeignKey(
        "people.Organization",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="experiences",
        help_text="The school or district it belongs to; seen in that district only.",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["title", "id"]

    def __str__(self) -> str:
        return self.title


class LearningPlan(models.Model):
    """A learner's plan, co-owned with their educators. Agreement is by both; any edit
    after agreement clears both agreements (the plan must be agreed again)."""

    learner = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="learning_plan"
    )
    agreed_by_learner_at = models.DateTimeField(null=True, blank=True)
    agreed_by_educator_at = models.DateTimeField(null=True, blank=True)
    agreed_by_educator = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="plans_agreed",
    )
    updated_at = models.DateTimeField(auto_now=True)
    history = HistoricalRecords()

    def __str__(self) -> str:
        return f"Plan of {self.learner}"

    @property
    def is_agreed(self) -> bool:
        return bool(self.agreed_by_learner_at and self.agreed_by_educator_at)


class PlanItem(models.Model):
    """One step of a plan: a target, perhaps with an experience and a due date."""

    class Status(models.TextChoices):
        SUGGESTED = "suggested", _("Suggested")
        ACCEPTED = "accepted", _("Accepted")
        IN_PROGRESS = "in_progress", _("In progress")
        DONE = "done", _("Done")
        DROPPED = "dropped", _("Dropped")

    class AddedBy(models.TextChoices):
        SYSTEM = "system", _("Suggested by Continuum")
        LEARNER = "learner", _("Added by the learner")
        EDUCATOR = "educator", _("Added by an educator")

    plan = models.ForeignKey(LearningPlan, on_delete=models.CASCADE, related_name="items")
    target = models.ForeignKey(
        "frameworks.FrameworkItem", on_delete=models.CASCADE, related_name="plan_items"
    )
    experience = models.ForeignKey(
        LearningExperience,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="plan_items",
    )
    position = models.PositiveIntegerField(default=0)
    due_on = models.DateField(null=True, blank=True)
    status = models.CharField(max_length=12, choices=Status.choices, default=Status.SUGGESTED)
    stretch = models.BooleanField(default=False, help_text="Its prerequisites are not all met")
    reason = models.TextField(blank=True, help_text="Why it was suggested, one reason a line")
    added_by = models.CharField(max_length=10, choices=AddedBy.choices, default=AddedBy.SYSTEM)
    history = HistoricalRecords()

    class Meta:
        ordering = ["position", "id"]
        constraints = [
            models.UniqueConstraint(fields=["plan", "target"], name="unique_plan_target")
        ]

    def __str__(self) -> str:
        return f"{self.target} in {self.plan}"

    @property
    def reasons(self) -> list[str]:
        return [line for line in self.reason.splitlines() if line.strip()]
