"""Assessments: instruments aligned to learning targets, with rubrics and auto-scored
questions, and the answers learners give."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from continuum.frameworks.models import FrameworkItem
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
