"""Batch recompute: every learner-target estimate in one pass through the engine.

The incremental path (``estimates.estimate_refresh``) recalculates one learner-target at a
time whenever evidence changes. This module loads all scored evidence of a school (or of
some learners, or of everyone) as columns and runs the engine's vectorised batch path
(``policy_estimates``), which agrees exactly with the one-group path the incremental
refresh uses. It then writes the estimates in bulk: new ones are created, changed ones
updated (both with an audit record "Recalculated in a batch recompute"), and every
estimate's ``computed_at`` set to now, which is what the freshness line shows.

Overrides are never touched: they sit beside the calculated value.

``estimates_recompute_pairs`` is the same pass over just the learner-targets a bulk write
touched (``recording_bulk.evidence_record_many``: a CSV import, a whole class scored).

The background task lives here rather than in ``continuum/evidence/tasks.py`` because the
import-linter layers put ``tasks`` beside ``views`` (independent of them) and above
``services``, so neither the views nor the services could enqueue it from there.
"""

import time
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

import numpy as np
from django.core.exceptions import PermissionDenied
from django.db import connection, connections, transaction
from django.db.models import Field, QuerySet
from django.utils import timezone
from django_tasks import task
from simple_history.utils import bulk_create_with_history

from continuum.evidence.models import Estimate, EstimateStatus, Evidence, Mark
from continuum.evidence.services.engine_input import ROW_FIELDS, engine_columns
from continuum.evidence.services.policy import PolicyBook, PolicyKey, policy_book
from continuum.evidence.signals import estimates_changed
from continuum.frameworks.models import ProficiencyScale
from continuum.frameworks.public import estimate_bands_for
from continuum.mastery import GradingPolicy, policy_estimates
from continuum.people.models import Organization, Role, User

REASON = "Recalculated in a batch recompute"
_FIELDS = ["level", "status", "method", "policy_version", "evidence_count"]
_CHUNK = 900  # ids per UPDATE, under every database's limit on query parameters

Pair = tuple[int, int]
Value = tuple[float | None, int, str, int | None, int]  # level, status, method, version, count


@dataclass(frozen=True)
class RecomputeResult:
    learners: int
    evidence: int
    estimates: int
    created: int
    changed: int
    seconds: float


def learners_in(
    school: Organization | None, learners: Iterable[User] | None = None
) -> QuerySet[User]:
    """A school's learners (or everyone), or those of ``learners`` among them."""
    people = User.objects.filter(role=Role.LEARNER)
    if school is not None:
        people = people.filter(organization=school)
    if learners is not None:
        people = people.filter(pk__in=[learner.pk for learner in learners])
    return people


def _calculated(
    rows: list[tuple], policy: GradingPolicy
) -> dict[Pair, tuple[float | None, EstimateStatus, int]]:
    """(learner, target) → (level, status, evidence count) for the pairs with counted
    evidence, through the engine's batch path. ``rows`` are in (assessed_at, id) order,
    the order the incremental path sorts by, so ties break the same way."""
    if not rows:
        return {}
    columns = engine_columns(rows)
    bands = estimate_bands_for(set(columns.target.tolist()))
    estimates = policy_estimates(policy, columns, bands)
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
        found[(pair_learner, pair_target)] = (calculated, EstimateStatus(status), int(count))
    return found


def _policies(people: QuerySet[User]) -> tuple[dict[int, int | None], PolicyBook]:
    """Each learner's school, and the grading policies in force in those schools."""
    organization_of = learner_schools(people)
    return organization_of, policy_book(set(organization_of.values()))


def learner_schools(people: QuerySet[User]) -> dict[int, int | None]:
    """Learner id → their school's id: the first half of a policy's scope."""
    return dict(people.values_list("pk", "organization_id"))


def scored_rows(
    evidence: QuerySet[Evidence],
    organization_of: dict[int, int | None],
    framework_of: dict[int, int],
    keep: Callable[[Pair], bool] | None = None,
) -> tuple[dict[PolicyKey, list[tuple]], int]:
    """The scored pieces of ``evidence`` (of the pairs ``keep`` accepts) as ``ROW_FIELDS``
    rows grouped by policy scope (the learner's school, the target's framework where
    ``framework_of`` names it), and how many there are. Rows stream in (assessed_at, id)
    order, the order the incremental path sorts by, so ties break alike. A replay reads
    these rows too, so a replay and the adoption that follows see the same evidence."""
    scored = (
        evidence.filter(mark=Mark.SCORED).order_by("assessed_at", "id").values_list(*ROW_FIELDS)
    )
    rows_by_key: dict[PolicyKey, list[tuple]] = defaultdict(list)
    evidence_rows = 0
    for row in _fetched(scored):
        if keep is None or keep((row[0], row[1])):
            rows_by_key[(organization_of[row[0]], framework_of.get(row[1]))].append(row)
            evidence_rows += 1
    return rows_by_key, evidence_rows


_ASSESSED_AT = ROW_FIELDS.index("assessed_at")


def _fetched(rows: QuerySet) -> Iterator[tuple]:
    """The rows of a ``values_list`` query straight from the database driver, with
    ``assessed_at`` made aware. Django's per-row converters took 1.2 of the 2.6 s that
    reading the benchmark school's 540,000 pieces cost (bench/RESULTS.md, Policy replay),
    and the drivers already return the right types: on SQLite (Django's converters)
    naive UTC date-times and dates, on PostgreSQL aware date-times."""
    sql, params = rows.query.sql_with_params()
    with connections[rows.db].cursor() as cursor:
        cursor.execute(sql, params)
        while batch := cursor.fetchmany(10_000):
            for row in batch:
                moment = row[_ASSESSED_AT]
                if moment.tzinfo is None:
                    row = (
                        *row[:_ASSESSED_AT],
                        moment.replace(tzinfo=UTC),
                        *row[_ASSESSED_AT + 1 :],
                    )
                yield row


def _calculate_scored(
    evidence: QuerySet[Evidence],
    organization_of: dict[int, int | None],
    policies: PolicyBook,
    keep: Callable[[Pair], bool] | None = None,
) -> tuple[dict[Pair, tuple[float | None, EstimateStatus, int]], int]:
    """(learner, target) → (level, status, count) from the scored pieces of ``evidence``
    (of the pairs ``keep`` accepts), and how many pieces counted."""
    rows_by_key, evidence_rows = scored_rows(evidence, organization_of, policies.framework_of, keep)
    calculated: dict[Pair, tuple[float | None, EstimateStatus, int]] = {}
    for key, rows in rows_by_key.items():
        calculated.update(_calculated(rows, policies[key]))
    return calculated, evidence_rows


def _update(estimates: list[Estimate], reason: str) -> None:
    """Write the changed values, one prepared UPDATE per estimate sent as one batch
    (``executemany``), then their audit records in bulk. Django's ``bulk_update`` builds a
    CASE per row and field, which at a few thousand estimates costs more than the engine."""
    quote = connection.ops.quote_name
    by_name = {field.name: field for field in Estimate._meta.concrete_fields}
    fields = [by_name[name] for name in _FIELDS]
    assignments = ", ".join(f"{quote(field.column or field.attname)} = %s" for field in fields)
    sql = (
        f"UPDATE {quote(Estimate._meta.db_table)} SET {assignments} "
        f"WHERE {quote(by_name['id'].column or 'id')} = %s"
    )
    rows = [
        [field.get_db_prep_save(getattr(estimate, field.attname), connection) for field in fields]
        + [estimate.pk]
        for estimate in estimates
    ]
    with connection.cursor() as cursor:
        cursor.executemany(sql, rows)
    _history_insert(estimates, reason)


_PLAIN = (int, float, str, type(None))


def _prepared(field: Field, value: Any) -> Any:
    """A value as the database takes it. Plain numbers, text and None go to the driver as
    they are (exact types: an enum such as a status is adapted by Django), which keeps
    200,000 rows fast; date-times and the rest go through the field."""
    return value if type(value) in _PLAIN else field.get_db_prep_save(value, connection)


def _history_insert(estimates: list[Estimate], reason: str) -> None:
    """An audit record per changed estimate ("~", changed, by no one, with ``reason``),
    written the same way: one prepared INSERT sent as one batch. simple-history's
    ``bulk_history_create`` builds its SQL through the ORM row by row, which took 11 of
    the 16 s of a 200-learner recompute (bench/RESULTS.md, Policy replay)."""
    quote = connection.ops.quote_name
    history = Estimate.history.model
    fields = [field for field in history._meta.concrete_fields if field.name != "history_id"]
    own = {
        "history_date": timezone.now(),
        "history_change_reason": reason,
        "history_type": "~",
        "history_user_id": None,
    }
    own = {name: _prepared(history._meta.get_field(name), value) for name, value in own.items()}
    columns = ", ".join(quote(field.column) for field in fields)
    marks = ", ".join(["%s"] * len(fields))
    sql = f"INSERT INTO {quote(history._meta.db_table)} ({columns}) VALUES ({marks})"
    rows: list[list[Any]] = [
        [
            own[field.attname]
            if field.attname in own
            else _prepared(field, getattr(estimate, field.attname))
            for field in fields
        ]
        for estimate in estimates
    ]
    with connection.cursor() as cursor:
        cursor.executemany(sql, rows)


def _store(
    *,
    pairs: set[Pair],
    existing: dict[Pair, Estimate],
    calculated: dict[Pair, tuple[float | None, EstimateStatus, int]],
    organization_of: dict[int, int | None],
    policies: PolicyBook,
    reason: str,
) -> tuple[list[Estimate], list[Estimate], datetime]:
    """Create the missing estimates and update the changed ones, with an audit record
    each; pairs with no counted evidence become "not started", as in the incremental
    path. Returns (created, changed, now)."""
    now = timezone.now()
    created, changed = [], []
    for pair in pairs | set(existing):
        policy = policies[policies.key(organization_of[pair[0]], pair[1])]
        level, status, count = calculated.get(pair, (None, EstimateStatus.NOT_STARTED, 0))
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
            _update(changed, reason)
        if created:
            bulk_create_with_history(
                created, Estimate, batch_size=500, default_change_reason=reason
            )
    return created, changed, now


def estimates_recompute(
    *, school: Organization | None = None, learners: Iterable[User] | None = None
) -> RecomputeResult:
    """Recalculate every estimate of a school's learners (or of ``learners``, or of all).

    Pairs with evidence but nothing that counts (only missing or excused) and stored
    estimates whose evidence has gone become "not started", as the incremental path does.
    """
    started = time.perf_counter()
    people = learners_in(school, learners)
    organization_of, policies = _policies(people)
    scope = people.values("pk")
    all_pairs = set(
        Evidence.objects.filter(learner__in=scope).values_list("learner_id", "target_id").distinct()
    )
    calculated, evidence_rows = _calculate_scored(
        Evidence.objects.filter(learner__in=scope), organization_of, policies
    )
    existing = {
        (estimate.learner_id, estimate.target_id): estimate
        for estimate in Estimate.objects.filter(learner__in=scope)
    }
    with transaction.atomic():
        created, changed, now = _store(
            pairs=all_pairs,
            existing=existing,
            calculated=calculated,
            organization_of=organization_of,
            policies=policies,
            reason=REASON,
        )
        Estimate.objects.filter(learner__in=scope).update(computed_at=now)
    estimates_changed.send(sender=Estimate, pairs=frozenset(all_pairs | set(existing)), now=now)
    return RecomputeResult(
        learners=len(organization_of),
        evidence=evidence_rows,
        estimates=len(existing) + len(created),
        created=len(created),
        changed=len(changed),
        seconds=time.perf_counter() - started,
    )


def estimates_recompute_pairs(*, pairs: set[Pair], reason: str) -> RecomputeResult:
    """Recalculate just these (learner id, target id) pairs, once each: what a bulk write
    of evidence touched. Like the incremental refresh it leaves overrides alone and
    refreshes ``computed_at``; unlike it, an estimate whose value did not change gets no
    new audit record. Sends ``estimates_changed`` once for all the pairs."""
    started = time.perf_counter()
    learner_ids = {learner for learner, _ in pairs}
    target_ids = {target for _, target in pairs}
    organization_of, policies = _policies(User.objects.filter(pk__in=learner_ids))
    calculated, evidence_rows = _calculate_scored(
        Evidence.objects.filter(learner_id__in=learner_ids, target_id__in=target_ids),
        organization_of,
        policies,
        keep=pairs.__contains__,
    )
    existing = {
        (estimate.learner_id, estimate.target_id): estimate
        for estimate in Estimate.objects.filter(
            learner_id__in=learner_ids, target_id__in=target_ids
        )
        if (estimate.learner_id, estimate.target_id) in pairs
    }
    with transaction.atomic():
        created, changed, now = _store(
            pairs=pairs,
            existing=existing,
            calculated=calculated,
            organization_of=organization_of,
            policies=policies,
            reason=reason,
        )
        ids = [estimate.pk for estimate in existing.values()]
        for start in range(0, len(ids), _CHUNK):
            Estimate.objects.filter(pk__in=ids[start : start + _CHUNK]).update(computed_at=now)
    estimates_changed.send(sender=Estimate, pairs=frozenset(pairs), now=now)
    return RecomputeResult(
        learners=len(learner_ids),
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


@task()
def estimates_rebanded_task(*, version_id: int) -> dict[str, float]:
    """Every estimate on the targets of one framework version, recomputed so its status
    follows its scale's bands again."""
    pairs = set(
        Estimate.objects.filter(target__version_id=version_id).values_list(
            "learner_id", "target_id"
        )
    )
    result = estimates_recompute_pairs(pairs=pairs, reason="The scale's bands changed")
    return {"learners": result.learners, "estimates": result.estimates, "seconds": result.seconds}


def estimates_rebanded(sender, scale: ProficiencyScale, **kwargs) -> None:
    """``scale_bands_changed``: queue the recompute once the change is committed, so the
    worker reads the new bands (a whole version's estimates may take seconds)."""
    version_id = scale.version_id
    transaction.on_commit(lambda: estimates_rebanded_task.enqueue(version_id=version_id))


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
