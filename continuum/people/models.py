"""Who uses Continuum and how they are related: organizations, roles, sections, links.

Relationships, not roles alone, decide what a person may see: an educator sees the
learners enrolled in their sections, a guardian their linked children, a counselor their
caseload (see rules.py).
"""

from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from continuum.people.passwords import DEMO_PASSWORD


class Role(models.TextChoices):
    LEARNER = "learner", _("Learner")
    GUARDIAN = "guardian", _("Guardian")
    EDUCATOR = "educator", _("Educator")
    COUNSELOR = "counselor", _("Counselor")
    LEADER = "leader", _("School leader")
    DISTRICT_ADMIN = "district_admin", _("District admin")
    PARTNER = "partner", _("Community partner")


class Organization(models.Model):
    """A district or a school; a school's parent is its district."""

    class Kind(models.TextChoices):
        DISTRICT = "district", _("District")
        SCHOOL = "school", _("School")

    kind = models.CharField(max_length=16, choices=Kind.choices)
    name = models.CharField(max_length=200)
    parent = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.PROTECT, related_name="children"
    )
    sourced_id = models.CharField(max_length=255, blank=True, help_text="OneRoster sourcedId")

    def __str__(self) -> str:
        return self.name

    @property
    def district(self) -> "Organization":
        return self if self.kind == self.Kind.DISTRICT or self.parent is None else self.parent

    @property
    def district_pk(self) -> int:
        """The district's id, without loading the district."""
        return (
            self.pk if self.kind == self.Kind.DISTRICT or self.parent_id is None else self.parent_id
        )


# What a sign-in writes: the time and, when the hasher is upgraded, the new hash.
_UNAUDITED_FIELDS = {"last_login", "password", "has_demo_password"}


class User(AbstractUser):
    """Everyone who signs in. ``organization`` is the school (or, for district admins, the
    district) the person belongs to."""

    role = models.CharField(max_length=20, choices=Role.choices, default=Role.LEARNER)
    organization = models.ForeignKey(
        Organization, null=True, blank=True, on_delete=models.PROTECT, related_name="people"
    )
    # Empty means "follow the browser" (Accept-Language); only an explicit choice (the
    # family view's language switch) saves a language here.
    preferred_language = models.CharField(max_length=8, blank=True, default="")
    has_demo_password = models.BooleanField(
        default=False,
        editable=False,
        help_text="Kept by set_password so the deploy check need not hash every password.",
    )
    history = HistoricalRecords(excluded_fields=["last_login", "password", "has_demo_password"])

    def __str__(self) -> str:
        return self.get_full_name() or self.username

    def set_password(self, raw_password: str | None) -> None:
        super().set_password(raw_password)
        self.has_demo_password = raw_password == DEMO_PASSWORD

    def save(self, *args, **kwargs) -> None:
        """Saves that touch only sign-in bookkeeping (Django's ``update_last_login``, the
        password hash upgrade) leave no history row: the history records people's changes."""
        update_fields = kwargs.get("update_fields")
        if update_fields is not None and set(update_fields) <= _UNAUDITED_FIELDS:
            self.skip_history_when_saving = True
            try:
                super().save(*args, **kwargs)
            finally:
                del self.skip_history_when_saving
        else:
            super().save(*args, **kwargs)

    @property
    def display_name(self) -> str:
        return str(self)


class Section(models.Model):
    """A class of learners taught by one or more educators in a school."""

    school = models.ForeignKey(Organization, on_delete=models.PROTECT, related_name="sections")
    title = models.CharField(max_length=200)
    code = models.CharField(max_length=50, blank=True)
    educators = models.ManyToManyField(User, related_name="sections_taught", blank=True)
    learners = models.ManyToManyField(
        User, through="Enrollment", related_name="sections_enrolled", blank=True
    )

    class Meta:
        ordering = ["title"]

    def __str__(self) -> str:
        return self.title


class Enrollment(models.Model):
    section = models.ForeignKey(Section, on_delete=models.CASCADE, related_name="enrollments")
    learner = models.ForeignKey(User, on_delete=models.CASCADE, related_name="enrollments")

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["section", "learner"], name="unique_enrollment")
        ]

    def __str__(self) -> str:
        return f"{self.learner} in {self.section}"


class GuardianLink(models.Model):
    guardian = models.ForeignKey(User, on_delete=models.CASCADE, related_name="guarded_links")
    learner = models.ForeignKey(User, on_delete=models.CASCADE, related_name="guardian_links")
    relationship = models.CharField(max_length=50, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["guardian", "learner"], name="unique_guardian_link")
        ]

    def __str__(self) -> str:
        return f"{self.guardian} → {self.learner}"


class CaseloadAssignment(models.Model):
    """A learner on a counselor's (or support staff member's) caseload."""

    counselor = models.ForeignKey(User, on_delete=models.CASCADE, related_name="caseload")
    learner = models.ForeignKey(User, on_delete=models.CASCADE, related_name="counselors")

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["counselor", "learner"], name="unique_caseload")
        ]

    def __str__(self) -> str:
        return f"{self.learner} on {self.counselor}'s caseload"


class Placement(models.Model):
    """A learner placed with a community partner (internship, CTE placement)."""

    partner = models.ForeignKey(User, on_delete=models.CASCADE, related_name="placements")
    learner = models.ForeignKey(
        User, on_delete=models.CASCADE, related_name="placements_as_learner"
    )
    title = models.CharField(max_length=200)
    starts_on = models.DateField()
    ends_on = models.DateField()

    def __str__(self) -> str:
        return f"{self.learner} at {self.title}"
