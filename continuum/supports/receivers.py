"""Pace and flags follow evidence: when the evidence services announce
``estimates_changed`` (evidence recorded or corrected, an override set or cleared, a batch
recompute), the learners in those pairs are marked for the background refresh
(``services/refresh.py``) — one set of queries per announcement, however many pairs it
carries. Supports listens; evidence does not know it (decision 0012)."""

from collections.abc import Set as AbstractSet
from datetime import datetime

from continuum.evidence.public import estimates_changed
from continuum.supports.services.refresh import supports_mark_changed


def estimates_changed_heard(
    sender, pairs: AbstractSet[tuple[int, int]], now: datetime, **kwargs
) -> None:
    supports_mark_changed(learner_ids={learner for learner, _target in pairs})


def connect() -> None:
    estimates_changed.connect(estimates_changed_heard, dispatch_uid="supports_refresh_mark")
