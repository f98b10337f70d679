"""Awards follow evidence promptly: when the evidence services announce
``estimates_changed`` (one learner-target, or every pair of a batch at once), the learners
in those pairs are synced in one call — one set of queries per announcement, however many
pairs it carries. Course ends, which no evidence announces, are caught by the daily
``continuum credentials_sync``."""

from collections.abc import Set as AbstractSet
from datetime import datetime

from django.utils import timezone

from continuum.credentials.services.awards import awards_sync
from continuum.evidence.public import estimates_changed
from continuum.people.models import User


def estimates_changed_heard(
    sender, pairs: AbstractSet[tuple[int, int]], now: datetime, **kwargs
) -> None:
    learners = User.objects.filter(pk__in={learner for learner, _target in pairs})
    awards_sync(learners=learners, today=timezone.localdate(now))


def connect() -> None:
    estimates_changed.connect(estimates_changed_heard, dispatch_uid="credentials_awards_sync")
