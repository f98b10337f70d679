"""Reads for batches of report cards: who is in one, the sections a person may batch, and
a person's own batches."""

from django.db.models import QuerySet

from continuum.people.models import Organization, Role, Section, User
from continuum.reports.models import ReportBatch


def batch_learner_list(*, school: Organization, section: Section | None) -> QuerySet[User]:
    """The learners of the section, else of the whole school, by name (the ZIP's order)."""
    learners = User.objects.filter(role=Role.LEARNER, organization=school)
    if section is not None:
        learners = learners.filter(enrollments__section=section)
    return learners.order_by("last_name", "first_name", "pk").distinct()


def batch_section_list(*, user: User) -> QuerySet[Section]:
    """The sections ``user`` may make a batch for: those an educator teaches, or every
    section of a leader's school."""
    if user.role == Role.LEADER and user.organization_id is not None:
        return Section.objects.filter(school_id=user.organization_id)
    if user.role == Role.EDUCATOR:
        return Section.objects.filter(educators=user)
    return Section.objects.none()


def report_batch_list(*, user: User) -> QuerySet[ReportBatch]:
    return ReportBatch.objects.filter(requested_by=user).select_related(
        "period", "section", "school"
    )[:20]


def report_batch_get(*, batch_id: int) -> ReportBatch:
    return ReportBatch.objects.select_related("period", "section", "school").get(pk=batch_id)
