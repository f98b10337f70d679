"""Writes: reporting periods, the school's work habits, and an educator's observations of
a learner for a period. Each checks its input completely before it writes anything, and
records who made the change in the history (decision 0002)."""

from collections.abc import Mapping
from datetime import date

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from continuum.people.models import Organization, User
from continuum.reports.models import (
    HabitRating,
    ReportComment,
    ReportingPeriod,
    WorkHabit,
    WorkHabitObservation,
)


def _check_period(
    *, school: Organization, name: str, starts_on: date, ends_on: date, exclude: int | None
) -> None:
    if school.kind != Organization.Kind.SCHOOL:
        raise ValidationError(_("A reporting period belongs to a school."))
    if not name.strip():
        raise ValidationError(_("Give the reporting period a name."))
    if ends_on <= starts_on:
        raise ValidationError(_("A reporting period must end after it starts."))
    others = ReportingPeriod.objects.filter(
        school=school, starts_on__lte=ends_on, ends_on__gte=starts_on
    )
    overlapping = (others.exclude(pk=exclude) if exclude is not None else others).first()
    if overlapping is not None:
        raise ValidationError(
            _("It overlaps “%(name)s” (%(starts)s – %(ends)s); periods of a school never overlap.")
            % {
                "name": overlapping.name,
                "starts": overlapping.starts_on.isoformat(),
                "ends": overlapping.ends_on.isoformat(),
            }
        )


@transaction.atomic
def period_create(
    *, by: User, school: Organization, name: str, starts_on: date, ends_on: date
) -> ReportingPeriod:
    _check_period(school=school, name=name, starts_on=starts_on, ends_on=ends_on, exclude=None)
    period = ReportingPeriod(school=school, name=name.strip(), starts_on=starts_on, ends_on=ends_on)
    period._history_user = by  # type: ignore[attr-defined]
    period.save()
    return period


@transaction.atomic
def period_update(
    *, by: User, period: ReportingPeriod, name: str, starts_on: date, ends_on: date
) -> ReportingPeriod:
    _check_period(
        school=period.school, name=name, starts_on=starts_on, ends_on=ends_on, exclude=period.pk
    )
    period.name, period.starts_on, period.ends_on = name.strip(), starts_on, ends_on
    period._history_user = by  # type: ignore[attr-defined]
    period.save()
    return period


@transaction.atomic
def work_habit_create(*, by: User, school: Organization, name: str) -> WorkHabit:
    name = name.strip()
    if not name:
        raise ValidationError(_("Give the work habit a name."))
    if WorkHabit.objects.filter(school=school, name__iexact=name).exists():
        raise ValidationError(_("The school already lists “%(name)s”.") % {"name": name})
    last = WorkHabit.objects.filter(school=school).order_by("-position").first()
    habit = WorkHabit(school=school, name=name, position=(last.position + 1) if last else 0)
    habit._history_user = by  # type: ignore[attr-defined]
    habit.save()
    return habit


def _check_observations(
    learner: User, period: ReportingPeriod, by: User, ratings: Mapping[int, tuple[int | None, str]]
) -> dict[int, WorkHabit]:
    if not by.has_perm("reports.record_observations", learner):
        raise PermissionDenied(_("Only an educator who teaches this learner records this."))
    if learner.organization_id != period.school_id:
        raise ValidationError(_("This reporting period belongs to another school."))
    habits = {h.pk: h for h in WorkHabit.objects.filter(school=period.school_id, active=True)}
    unknown = set(ratings) - set(habits)
    if unknown:
        raise ValidationError(
            _("These work habits are not the school's: %(ids)s.")
            % {"ids": ", ".join(str(pk) for pk in sorted(unknown))}
        )
    valid = set(HabitRating.values)
    for rating, _note in ratings.values():
        if rating is not None and rating not in valid:
            raise ValidationError(
                _("%(rating)s is not a rating on the scale.") % {"rating": rating}
            )
    return habits


@transaction.atomic
def observations_record(
    *,
    learner: User,
    period: ReportingPeriod,
    by: User,
    ratings: Mapping[int, tuple[int | None, str]],
    comment: str,
    next_steps: str,
) -> ReportComment:
    """Save the educator's work-habit ratings (habit id → rating and note; no rating clears
    the habit) and the comment with next steps, all or nothing. These are the educator's
    own observations: nothing here is evidence or touches an estimate."""
    habits = _check_observations(learner, period, by, ratings)
    now = timezone.now()
    for habit_id, (rating, note) in ratings.items():
        found = WorkHabitObservation.objects.filter(
            learner=learner, period=period, habit=habits[habit_id]
        ).first()
        if rating is None:
            if found is not None:
                found._history_user = by  # type: ignore[attr-defined]
                found.delete()
            continue
        observation = found or WorkHabitObservation(
            learner=learner, period=period, habit=habits[habit_id]
        )
        observation.rating, observation.note = rating, note.strip()
        observation.observed_by, observation.updated_at = by, now
        observation._history_user = by  # type: ignore[attr-defined]
        observation.save()
    record = ReportComment.objects.filter(learner=learner, period=period).first()
    record = record or ReportComment(learner=learner, period=period)
    record.comment, record.next_steps = comment.strip(), next_steps.strip()
    record.author, record.updated_at = by, now
    record._history_user = by  # type: ignore[attr-defined]
    record.save()
    return record
