"""A district's LMS platforms, the courses linked to sections, and the launch log.

django-lti (``lti_tool``) keeps the LTI objects themselves: registrations, deployments,
the tool's keys, the platform's users, contexts, resource links and line items. This app
adds what Continuum needs around them: which district a registration belongs to (every
launch through it can reach only that district's people), how mastery is sent back, the
section an LMS course is, and a record of every launch, refused ones included.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from lti_tool.models import LtiContext, LtiRegistration
from simple_history.models import HistoricalRecords

from continuum.people.models import Organization, Section


class GradePassback(models.TextChoices):
    """What a line item's score is, if mastery is sent back at all (the school's policy)."""

    OFF = "off", _("Off: send nothing")
    LEVEL = "level", _("The level reached (out of the scale's top level)")
    FRACTION = "fraction", _("A fraction from 0 to 1 of the scale's top level")


class Platform(models.Model):
    """One LMS registration of one district: django-lti's registration, with its district,
    the origin its pages are framed by, and the grade passback the district chose."""

    district = models.ForeignKey(
        Organization, on_delete=models.PROTECT, related_name="lti_platforms"
    )
    registration = models.OneToOneField(
        LtiRegistration, on_delete=models.PROTECT, related_name="continuum_platform"
    )
    frame_origin = models.URLField(
        help_text="The address people open the LMS at (https://school.instructure.com): only "
        "it may show Continuum's pages in a frame."
    )
    grade_passback = models.CharField(
        max_length=10, choices=GradePassback.choices, default=GradePassback.OFF
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["registration__name", "id"]

    def __str__(self) -> str:
        return self.registration.name


class CourseLink(models.Model):
    """The section an LMS course (an LTI context) is: found by the course section's
    sourcedId, or chosen once by one of the section's educators."""

    context = models.OneToOneField(
        LtiContext, on_delete=models.CASCADE, related_name="continuum_link"
    )
    section = models.ForeignKey(Section, on_delete=models.CASCADE, related_name="lti_links")
    linked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Empty when the course section's sourcedId named the section.",
    )
    history = HistoricalRecords()

    def __str__(self) -> str:
        return f"{self.context} → {self.section}"


class LaunchOutcome(models.TextChoices):
    LANDED = "landed", _("Landed")
    REFUSED = "refused", _("Refused: the launch was not valid")
    NO_PERSON = "no_person", _("No matching person")
    NO_SECTION = "no_section", _("Course not linked to a section")


class LaunchRecord(models.Model):
    """Every launch and its outcome: who came, from which platform, and why one was refused.
    The district admin reads them on the platform page (the audit of LTI sign-ins)."""

    platform = models.ForeignKey(
        Platform, null=True, blank=True, on_delete=models.CASCADE, related_name="launches"
    )
    at = models.DateTimeField(auto_now_add=True, db_index=True)
    outcome = models.CharField(max_length=20, choices=LaunchOutcome.choices)
    reason = models.CharField(max_length=500, blank=True)
    issuer = models.CharField(max_length=255, blank=True)
    sub = models.CharField(max_length=255, blank=True)
    person = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="lti_launches",
    )

    class Meta:
        ordering = ["-at", "-id"]

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d %H:%M} {self.outcome}"


class LaunchValue(models.Model):
    """pylti1p3's state, nonces and launch data, kept in the database so every web process
    sees them (the default cache is per process). A nonce is deleted when a launch uses it,
    so a replayed id_token is refused."""

    key = models.CharField(max_length=255, unique=True)
    value = models.JSONField()
    expires_at = models.DateTimeField(db_index=True)

    def __str__(self) -> str:
        return self.key
