"""Reporting periods, the work habits a school reports on, and what educators write about
a learner for a period. Every change is audited (decision 0002).

Work habits are the educator's own observations: nothing here is evidence, and no rating
ever reaches a mastery estimate.
"""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from continuum.people.models import Organization


class ReportingPeriod(models.Model):
    """A term the school reports on (e.g. "Fall 2026"); periods of one school never overlap."""

    school = models.ForeignKey(
        Organization, on_delete=models.CASCADE, related_name="reporting_periods"
    )
    name = models.CharField(max_length=100)
    starts_on = models.DateField()
    ends_on = models.DateField()
    history = HistoricalRecords()

    class Meta:
        ordering = ["school", "-starts_on"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ends_on__gt=models.F("starts_on")),
                name="reporting_period_ends_after_it_starts",
            )
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.starts_on} – {self.ends_on})"


class WorkHabit(models.Model):
    """One habit the school reports on, such as "Completes work on time"."""

    school = models.ForeignKey(Organization, on_delete=models.CASCADE, related_name="work_habits")
    name = models.CharField(max_length=100)
    position = models.PositiveSmallIntegerField(default=0)
    active = models.BooleanField(default=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["school", "position", "name"]
        constraints = [
            models.UniqueConstraint(fields=["school", "name"], name="unique_work_habit_name")
        ]

    def __str__(self) -> str:
        return self.name


class HabitRating(models.IntegerChoices):
    """A short frequency scale: how often the educator saw the habit."""

    RARELY = 1, _("rarely")
    SOMETIMES = 2, _("sometimes")
    USUALLY = 3, _("usually")
    CONSISTENTLY = 4, _("consistently")


class WorkHabitObservation(models.Model):
    """An educator's rating of one habit for a learner in a period, with a note."""

    learner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="habit_observations"
    )
    period = models.ForeignKey(
        ReportingPeriod, on_delete=models.CASCADE, related_name="habit_observations"
    )
    habit = models.ForeignKey(WorkHabit, on_delete=models.CASCADE, related_name="observations")
    rating = models.PositiveSmallIntegerField(choices=HabitRating.choices)
    note = models.TextField(blank=True)
    observed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    updated_at = models.DateTimeField(default=timezone.now)
    history = HistoricalRecords()

    class Meta:
        ordering = ["habit__position", "habit__name"]
        constraints = [
            models.UniqueConstraint(
                fields=["learner", "period", "habit"], name="unique_habit_observation"
            )
        ]

    def __str__(self) -> str:
        return f"{self.learner} · {self.habit} · {self.get_rating_display()}"


class ReportComment(models.Model):
    """The educator's comment and next steps for a learner in a period (one record)."""

    learner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="report_comments"
    )
    period = models.ForeignKey(ReportingPeriod, on_delete=models.CASCADE, related_name="comments")
    comment = models.TextField(blank=True)
    next_steps = models.TextField(blank=True)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    updated_at = models.DateTimeField(default=timezone.now)
    history = HistoricalRecords()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["learner", "period"], name="unique_report_comment")
        ]

    def __str__(self) -> str:
        return f"{self.learner} · {self.period.name}"


class ReportBatch(models.Model):
    """Every report card of a section (or a whole school, ``section`` empty) for one period
    in one language, made by the background worker into one ZIP under
    ``VAR_DIR/report_batches`` (outside the web root: it is served only through a
    permission-checked download). Progress is written with ``update``: it is not a change
    anyone makes, so the batch has no history."""

    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="report_batches"
    )
    school = models.ForeignKey(Organization, on_delete=models.CASCADE, related_name="+")
    section = models.ForeignKey(
        "people.Section", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    period = models.ForeignKey(ReportingPeriod, on_delete=models.CASCADE, related_name="batches")
    language = models.CharField(max_length=10)
    requested_at = models.DateTimeField(default=timezone.now)
    learner_ids = models.JSONField(default=list)  # who is in the ZIP, set when it starts
    total = models.PositiveIntegerField(default=0)
    done = models.PositiveIntegerField(default=0)
    finished_at = models.DateTimeField(null=True, blank=True)
    error = models.TextField(blank=True)
    archive = models.CharField(max_length=300, blank=True)  # relative to VAR_DIR

    class Meta:
        ordering = ["-requested_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.section or self.school} · {self.period.name} ({self.language})"

    @property
    def percent(self) -> int:
        return round(100 * self.done / self.total) if self.total else 0

    @property
    def running(self) -> bool:
        return self.finished_at is None and not self.error
