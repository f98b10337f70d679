"""Keep groups' dissolve flags current when estimates change: the evidence services announce
``estimates_changed`` for one learner-target (evidence, an override) or for every pair of a
batch (a bulk write, a recompute), and this receiver refreshes the groups on those pairs."""

from collections.abc import Set as AbstractSet
from datetime import datetime

from continuum.evidence.public import estimates_changed
from continuum.insights.services.groups import groups_flags_refresh


def estimates_changed_heard(
    sender, pairs: AbstractSet[tuple[int, int]], now: datetime, **kwargs
) -> None:
    groups_flags_refresh(pairs=pairs, now=now)


def connect() -> None:
    estimates_changed.connect(estimates_changed_heard, dispatch_uid="insights_group_flags")
