"""Mastery follows estimates to the LMS: when the evidence services announce
``estimates_changed``, the courses that hold those learners on a platform that sends
mastery are queued for the background worker (after the transaction commits)."""

from collections.abc import Set as AbstractSet
from datetime import datetime

from django.db import transaction

from continuum.evidence.public import estimates_changed
from continuum.lti.services.grades import links_for_pairs
from continuum.lti.tasks import mastery_send_task


def estimates_changed_heard(
    sender, pairs: AbstractSet[tuple[int, int]], now: datetime, **kwargs
) -> None:
    links = [link.pk for link in links_for_pairs(pairs)]
    if not links:
        return
    learners = sorted({learner for learner, _target in pairs})
    targets = sorted({target for _learner, target in pairs})
    transaction.on_commit(
        lambda: mastery_send_task.enqueue(link_ids=links, learner_ids=learners, target_ids=targets)
    )


def connect() -> None:
    estimates_changed.connect(estimates_changed_heard, dispatch_uid="lti_mastery_send")
