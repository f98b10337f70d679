"""Writing and purging the record of disclosures."""

from collections.abc import Iterable
from datetime import timedelta

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from continuum.privacy.models import Disclosure


def _districts(learner_ids: set[int]) -> dict[int, int | None]:
    """Each learner's district id, in one query (a school's parent, or the org itself)."""
    rows = (
        get_user_model()
        .objects.filter(pk__in=learner_ids)
        .values_list("pk", "organization_id", "organization__parent_id")
    )
    return {pk: parent or org for pk, org, parent in rows}


def _district_of(user) -> int | None:
    organization = getattr(user, "organization", None)
    return organization.district_pk if organization is not None else None


def disclosure_record(
    *,
    actor,
    learner_ids: Iterable[int],
    via: str,
    what: str,
    record: str = "",
    path: str = "",
    subject: str = "",
    reason: str = "",
) -> int:
    """One row per learner other than the actor (or one row about ``subject`` when there
    are no learners), written with one bulk insert."""
    actor_id = getattr(actor, "pk", None)
    learners = {int(pk) for pk in learner_ids if pk is not None and pk != actor_id}
    now = timezone.now()
    common = {
        "at": now,
        "actor_id": actor_id,
        "via": via,
        "what": what[:200],
        "record": record[:100],
        "path": path[:500],
        "reason": reason,
    }
    if learners:
        districts = _districts(learners)
        rows = [
            Disclosure(learner_id=pk, district_id=districts.get(pk), subject="", **common)
            for pk in sorted(learners)
            if pk in districts
        ]
    elif subject:
        rows = [Disclosure(district_id=_district_of(actor), subject=subject[:300], **common)]
    else:
        rows = []
    if rows:
        Disclosure.objects.bulk_create(rows)
    return len(rows)


@transaction.atomic
def disclosure_purge(*, days: int, now=None) -> int:
    """Delete disclosures older than ``days`` days; returns how many went."""
    cutoff = (now or timezone.now()) - timedelta(days=days)
    deleted, _by_model = Disclosure.objects.filter(at__lt=cutoff).delete()
    return deleted
