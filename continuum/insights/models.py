"""Flexible groups: short-lived sets of learners who share a need on one target.

A group belongs to a section and a target. It is flagged to dissolve once every member
is proficient on the target (services/groups.py keeps ``dissolve_flagged_at`` current),
and the educator dissolves it; dissolved groups stay for the anti-tracking monitor.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from continuum.frameworks.models import FrameworkItem
from continuum.people.models import Section


class Group(models.Model):
    class Status(models.TextChoices):
        ACTIVE = "active", _("Active")
        DISSOLVED = "dissolved", _("Dissolved")

    section = models.ForeignKey(Section, on_delete=models.CASCADE, related_name="groups")
    target = models.ForeignKey(FrameworkItem, on_delete=models.PROTECT, related_name="groups")
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="groups_created"
    )
    created_at = models.DateTimeField()
    status = models.CharField(max_length=16, choices=Status.choices, default=Status.ACTIVE)
    dissolve_flagged_at = models.DateTimeField(
        null=True, blank=True, help_text="When every member had reached proficiency"
    )
    dissolved_at = models.DateTimeField(null=True, blank=True)
    learners = models.ManyToManyField(
        settings.AUTH_USER_MODEL, through="GroupMembership", related_name="learning_groups"
    )

    class Meta:
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["section", "status"])]

    def __str__(self) -> str:
        return f"{self.section} · {self.target.human_coding_scheme} ({self.get_status_display()})"


class GroupMembership(models.Model):
    group = models.ForeignKey(Group, on_delete=models.CASCADE, related_name="memberships")
    learner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="group_memberships"
    )
    added_at = models.DateTimeField()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["group", "learner"], name="unique_group_membership")
        ]

    def __str__(self) -> str:
        return f"{self.learner} in {self.group}"
