"""A school's reporting periods and work habits."""

from datetime import date

from django.db.models import QuerySet
from django.shortcuts import get_object_or_404

from continuum.people.models import User
from continuum.reports.models import ReportComment, ReportingPeriod, WorkHabit, WorkHabitObservation


def period_list(*, school_id: int | None) -> QuerySet[ReportingPeriod]:
    """The school's periods, newest first (none for a person without a school)."""
    return ReportingPeriod.objects.filter(school_id=school_id).order_by("-starts_on")


def period_get(*, period_id: int) -> ReportingPeriod:
    return get_object_or_404(ReportingPeriod.objects.select_related("school"), pk=period_id)


def period_current(*, school_id: int | None, today: date) -> ReportingPeriod | None:
    """The period the day falls in; else the latest that has ended (the one families most
    recently received); else none."""
    periods = period_list(school_id=school_id)
    return (
        periods.filter(starts_on__lte=today, ends_on__gte=today).first()
        or periods.filter(ends_on__lt=today).first()
    )


def work_habit_list(*, school_id: int | None) -> QuerySet[WorkHabit]:
    return WorkHabit.objects.filter(school_id=school_id, active=True)


def observation_list(*, learner: User, period: ReportingPeriod) -> QuerySet[WorkHabitObservation]:
    """The educators' work-habit ratings of the learner in the period, in the school's order."""
    return WorkHabitObservation.objects.filter(learner=learner, period=period).select_related(
        "habit", "observed_by"
    )


def report_comment_get(*, learner: User, period: ReportingPeriod) -> ReportComment | None:
    return (
        ReportComment.objects.filter(learner=learner, period=period)
        .select_related("author")
        .first()
    )
