"""Pace and flags stay current without anyone running a command.

The evidence services announce ``estimates_changed`` when evidence is recorded or
corrected and when an estimate is overridden (one pair, or every pair of a batch); the
receiver (``receivers.py``) calls ``supports_mark_changed`` for those learners. Marking is
the debounce: each learner has at most one ``SupportsDirty`` row, and the background
refresh is queued only when someone new is marked, to run
``CONTINUUM_SUPPORTS_REFRESH_DELAY`` seconds later. Ten scores for one learner in that
minute leave one row and one queued refresh; a class scored at once, one refresh for the
class. The refresh computes just the marked learners (never their whole school) and, if
someone was marked again while it ran, queues itself once more.

With the immediate backend (tests, a development machine without a worker) there is no
delay: the refresh runs when the change commits, for the learners it marked.

The task lives in this services module for the reason given in
continuum/evidence/services/recompute.py: the import-linter layers.
"""

import logging
from collections import defaultdict
from collections.abc import Collection
from dataclasses import dataclass
from datetime import date, timedelta

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django_tasks import task

from continuum.people.models import Role, User
from continuum.supports.models import SupportsDirty
from continuum.supports.services.compute import (
    CHUNK,
    DEFAULT_THRESHOLDS,
    chunk_compute,
    requirements_loaded,
)

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class RefreshResult:
    learners: int
    opened: int
    resolved: int


def supports_mark_changed(*, learner_ids: Collection[int]) -> bool:
    """Mark these learners' pace and flags out of date; queue the refresh (once the change
    commits) only when one of them was not already waiting. Returns whether it queued.
    A fixed number of queries however many learners: a bulk write stays a bulk write."""
    ids = set(learner_ids)
    if not ids:
        return False
    now = timezone.now()
    waiting = set(
        SupportsDirty.objects.filter(learner_id__in=ids).values_list("learner_id", flat=True)
    )
    if waiting:
        SupportsDirty.objects.filter(learner_id__in=waiting).update(changed_at=now)
    new = ids - waiting
    if not new:
        return False
    SupportsDirty.objects.bulk_create(
        [SupportsDirty(learner_id=pk, changed_at=now) for pk in sorted(new)],
        ignore_conflicts=True,
    )
    transaction.on_commit(refresh_enqueue, robust=True)
    return True


def refresh_enqueue() -> None:
    """Queue the refresh after the delay (now, on a backend that cannot wait)."""
    work = supports_refresh_task
    delay = int(settings.CONTINUUM_SUPPORTS_REFRESH_DELAY)
    if delay > 0 and work.get_backend().supports_defer:
        work = work.using(run_after=timezone.now() + timedelta(seconds=delay))
    work.enqueue()


def supports_refresh(*, today: date | None = None) -> RefreshResult:
    """Recompute the pace and flags of every marked learner, school by school, and unmark
    them. A learner marked again after this began stays marked (and is refreshed again)."""
    today = today or timezone.localdate()
    began = timezone.now()
    ids = list(SupportsDirty.objects.values_list("learner_id", flat=True))
    # Unmark before reading their evidence: a change committed after this point is read
    # by this computation or has marked the learner again.
    SupportsDirty.objects.filter(learner_id__in=ids, changed_at__lte=began).delete()
    by_school: dict[int, list[User]] = defaultdict(list)
    learners = User.objects.filter(pk__in=ids, role=Role.LEARNER, organization__isnull=False)
    for learner in learners.select_related("organization").order_by("pk"):
        by_school[learner.organization_id].append(learner)  # type: ignore[index]
    opened = resolved = 0
    for group in by_school.values():
        school = group[0].organization
        assert school is not None
        requirements = requirements_loaded(school, among=group)
        for start in range(0, len(group), CHUNK):
            chunk = group[start : start + CHUNK]
            counts = chunk_compute(requirements, chunk, today, DEFAULT_THRESHOLDS)
            opened, resolved = opened + counts[0], resolved + counts[2]
    return RefreshResult(sum(len(group) for group in by_school.values()), opened, resolved)


@task()
def supports_refresh_task() -> dict[str, int]:
    """The background refresh of the marked learners (see the module docstring)."""
    result = supports_refresh()
    if SupportsDirty.objects.exists():
        logger.info("Learners were marked during a supports refresh; queueing another")
        transaction.on_commit(refresh_enqueue, robust=True)
    return {"learners": result.learners, "opened": result.opened, "resolved": result.resolved}
