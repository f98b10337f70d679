"""Batch recompute: every learner-target estimate in one pass through the engine.

The incremental path (``estimates.estimate_refresh``) recalculates one learner-target at a
time whenever evidence changes. This module loads all scored evidence of a school (or of
some learners, or of everyone) as columns and runs the engine's vectorised batch path
(``policy_estimates``), which agrees exactly with the one-group path the incremental
refresh uses. It then writes the estimates in bulk: new ones are created, changed ones
updated (both with an audit record "Recalculated in a batch recompute"), and every
estimate's ``computed_at`` set to now, which is what the freshness line shows.

Overrides are never touched: they sit beside the calculated value.

The background task lives here rather than in ``continuum/evidence/tasks.py`` because the
import-linter layers put ``tasks`` beside ``views`` (independent of them) and above
``services``, so neither the views nor the services could enqueue it from there.
"""

import time
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime

import numpy as np
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone
from django_tasks import task
from simple_history.utils import bulk_create_with_history, bulk_update_with_history

from continuum.evidence.models import Estimate, Evidence, EvidenceKind, Mark
from continuum.evidence.services.policy import policy_for
from continuum.evidence.signals import estimates_recomputed
from continuum.mastery import GradingPolicy, Kind, Status, evidence_columns, policy_estimates
from continuum.people.models import Organization, Role, User

REASON = "Recalculated in a batch recompute"
_FIELDS = ["level", "status", "method", "policy_version", "evidence_count"]
_NAT = np.datetime64("NaT", "s")

Pair = tuple[int, int]
Value = tuple[float | None, str, str, int | None, int]  # level, status, method, version, count


@dataclass(frozen=True)
class RecomputeResult:
    learners: int
    evidence: int
    estimates: int
    created: int
    changed: int
    seconds: float


def _learners(school: Organization | None, learners: Iterable[User] | None) -> QuerySet[User]:
    people = User.objects.filter(role=Role.LEARNER)
    if school is not None:
        people = people.filter(organization=school)
    if learners is not None:
        people = people.filter(pk__in=[learner.pk for learner in learners])
    return people


def _naive_utc(moment: datetime) -> datetime:
    return moment.astimezone(UTC).replace(tzinfo=None)


def _calculated(
    rows: list[tuple], policy: GradingPolicy
) -> dict[Pair, tuple[float | None, str, int]]:
    """(learner, target) → (level, status, evidence count) for the pairs with counted
    evidence, through the engine's batch path. ``rows`` are in (assessed_at, id) order,
    the order the incremental path sorts by, so ties break the same way."""
    if not rows:
        return {}
    learner, target, level, assessed, kind, weight, due = zip(*rows, strict=True)
    columns = evidence_columns(
        learner=np.array(learner, dtype=np.int64),
        target=np.array(target, dtype=np.int64),
        score=np.array(level, dtype=np.float64),
        assessed_at=np.array([_naive_utc(moment) for moment in assessed], dtype="datetime64[us]"),
        kind=np.array(
            [Kind.FORMATIVE if k == EvidenceKind.FORMATIVE else Kind.SUMMATIVE for k in kind],
            dtype=np.int8,
        ),
        weight=np.array(weight, dtype=np.float64),
        due_at=np.array(
            [np.datetime64(day, "s") if day is not None else _NAT for day in due],
            dtype="datetime64[s]",
        ),
    )
    estimates = policy_estimates(policy, columns)
    found = {}
    for pair_learner, pair_target, value, status, count in zip(
        estimates.learner.tolist(),
        estimates.item.tolist(),
        estimates.level.tolist(),
        estimates.status.tolist(),
        estimates.count.tolist(),
        strict=True,
    ):
        calculated = None if np.isnan(value) else float(value)
        found[(pair_learner, pair_target)] = (calculated, Status(status).label, int(count))
    return found


def estimates_recompute(
    *, school: Organization | None = None, learners: Iterable[User] | None = None
) -> RecomputeResult:
    """Recalculate every estimate of a school's learners (or of ``learners``, or of all).

    Pairs with evidence but nothing that counts (only missing or excused) and stored
    estimates whose evidence has gone become "not started", as the incremental path does.
    """
    started = time.perf_counter()
    people = _learners(school, learners)
    organization_of = dict(people.values_list("pk", "organization_id"))
    organizations = {
        org.pk: org for org in Organization.objects.filter(pk__in=set(organization_of.values()))
    }
    policies: dict[int | None, GradingPolicy] = {
        org_id: policy_for(organization=organizations.get(org_id) if org_id else None)
        for org_id in set(organization_of.values())
    }
    scope = people.values("pk")
    all_pairs = set(
        Evidence.objects.filter(learner__in=scope).values_list("learner_id", "target_id").distinct()
    )
    scored = (
        Evidence.objects.filter(learner__in=scope, mark=Mark.SCORED)
        .order_by("assessed_at", "id")
        .values_list("learner_id", "target_id", "level", "assessed_at", "kind", "weight", "due_on")
    )
    rows_by_org: dict[int | None, list[tuple]] = defaultdict(list)
    evidence_rows = 0
    for row in scored.iterator(chunk_size=10_000):
        rows_by_org[organization_of[row[0]]].append(row)
        evidence_rows += 1
    calculated: dict[Pair, tuple[float | None, str, int]] = {}
    for org_id, rows in rows_by_org.items():
        calculated.update(_calculated(rows, policies[org_id]))

    existing = {
        (estimate.learner_id, estimate.target_id): estimate
        for estimate in Estimate.objects.filter(learner__in=scope)
    }
    now = timezone.now()
    created, changed = [], []
    for pair in all_pairs | set(existing):
        policy = policies[organization_of[pair[0]]]
        level, status, count = calculated.get(pair, (None, Status.NOT_STARTED.label, 0))
        value: Value = (level, status, policy.method, policy.version, count)
        estimate = existing.get(pair)
        if estimate is None:
            created.append(
                Estimate(
                    learner_id=pair[0],
                    target_id=pair[1],
                    level=level,
                    status=status,
                    method=policy.method,
                    policy_version=policy.version,
                    evidence_count=count,
                    computed_at=now,
                )
            )
        elif tuple(getattr(estimate, name) for name in _FIELDS) != value:
            for name, new in zip(_FIELDS, value, strict=True):
                setattr(estimate, name, new)
            changed.append(estimate)
    with transaction.atomic():
        if changed:
            bulk_update_with_history(
                changed, Estimate, _FIELDS, batch_size=500, default_change_reason=REASON
            )
        if created:
            bulk_create_with_history(
                created, Estimate, batch_size=500, default_change_reason=REASON
            )
        Estimate.objects.filter(learner__in=scope).update(computed_at=now)
    estimates_recomputed.send(sender=Estimate, learner_ids=set(organization_of), now=now)
    return RecomputeResult(
        learners=len(organization_of),
        evidence=evidence_rows,
        estimates=len(existing) + len(created),
        created=len(created),
        changed=len(changed),
        seconds=time.perf_counter() - started,
    )


@task()
def estimates_recompute_task(*, school_id: int | None = None) -> dict[str, float]:
    """The background form of ``estimates_recompute`` (django-tasks, any backend)."""
    school = Organization.objects.get(pk=school_id) if school_id is not None else None
    result = estimates_recompute(school=school)
    return {"learners": result.learners, "estimates": result.estimates, "seconds": result.seconds}


def estimates_recompute_request(*, school: Organization, by: User) -> str:
    """Queue a background recompute of a school (a leader's "Recompute now"); returns the
    task result's id."""
    if not can_recompute(by, school):
        raise PermissionDenied("Only the school's leaders can recompute its estimates.")
    return str(estimates_recompute_task.enqueue(school_id=school.pk).id)


def can_recompute(user: User, school: Organization) -> bool:
    """A school's leaders, and its district's admins."""
    if user.role == Role.LEADER:
        return user.organization_id == school.pk
    if user.role == Role.DISTRICT_ADMIN:
        return user.organization_id is not None and school.parent_id == user.organization_id
    return False
