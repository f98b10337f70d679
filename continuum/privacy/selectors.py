"""Reading the record of disclosures and the deletion audit, scoped to one district."""

from datetime import date, datetime, time, timedelta

from django.db.models import QuerySet
from django.utils import timezone

from continuum.people.models import Organization
from continuum.privacy.models import Disclosure, LearnerDeletion


def _start_of(day: date) -> datetime:
    return timezone.make_aware(datetime.combine(day, time.min))


def disclosure_list(
    *,
    district: Organization | None,
    learner: str = "",
    actor: str = "",
    since: date | None = None,
    until: date | None = None,
    via: str = "",
) -> QuerySet[Disclosure]:
    """The district's disclosures, newest first; ``learner`` and ``actor`` match a
    username exactly (ignoring case); ``until`` includes the whole day."""
    if district is None:
        return Disclosure.objects.none()
    rows = Disclosure.objects.filter(district=district).select_related("actor", "learner")
    if learner:
        rows = rows.filter(learner__username__iexact=learner)
    if actor:
        rows = rows.filter(actor__username__iexact=actor)
    if since:
        rows = rows.filter(at__gte=_start_of(since))
    if until:
        rows = rows.filter(at__lt=_start_of(until) + timedelta(days=1))
    if via:
        rows = rows.filter(via=via)
    return rows


def learner_deletion_list(*, district: Organization | None) -> QuerySet[LearnerDeletion]:
    if district is None:
        return LearnerDeletion.objects.none()
    return LearnerDeletion.objects.filter(district=district).select_related("actor")
