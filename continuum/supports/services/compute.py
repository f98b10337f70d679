"""Compute a school's pace and flags (in the background) and keep Flag rows in step.

Sync rule: a computed flag that has no open or acknowledged row opens one; one that
still holds keeps its row (the explanation is refreshed); a row whose signal has gone is
resolved automatically with a note. The owner is the learner's counselor, else the
first educator who teaches them.

The background task lives in this services module (not ``tasks.py``) for the reason
given in continuum/evidence/services/recompute.py: the import-linter layers.
"""

from dataclasses import dataclass
from datetime import date

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone, translation
from django_tasks import task
from simple_history.utils import bulk_create_with_history

from continuum.mastery import (
    LearnerSignals,
    Observation,
    PaceSignal,
    RaisedFlag,
    RequirementPace,
    Thresholds,
    learner_flags,
    pace,
)
from continuum.people.models import CaseloadAssignment, Enrollment, Organization, Role, User
from continuum.supports.models import (
    Flag,
    LearnerPace,
    Requirement,
    SupportsDirty,
    SupportsRun,
)
from continuum.supports.selectors import requirement_learners
from continuum.supports.services.signals import (
    SchoolSignals,
    below_floor,
    floor_of,
    needed_count,
    requirement_targets,
    requirements_for,
    school_signals,
)
from continuum.supports.signals import flags_opened
from continuum.supports.wording import PaceWords

CHUNK = 25
DEFAULT_THRESHOLDS = Thresholds()
AUTO_RESOLVED = "Resolved automatically on {day}: the signal is no longer present."


@dataclass(frozen=True)
class ComputeResult:
    learners: int
    opened: int
    kept: int
    resolved: int
    paces: int


def _owners(learners: list[User]) -> dict[int, int]:
    ids = [learner.pk for learner in learners]
    owners: dict[int, int] = {}
    for learner, educator in (
        Enrollment.objects.filter(learner_id__in=ids)
        .values_list("learner_id", "section__educators")
        .order_by("section_id")
    ):
        if educator is not None:
            owners.setdefault(learner, educator)
    for learner, counselor in CaseloadAssignment.objects.filter(learner_id__in=ids).values_list(
        "learner_id", "counselor_id"
    ):
        owners[learner] = counselor
    return owners


@dataclass(frozen=True)
class _Requirement:
    """One requirement as a computation needs it: its targets, how many it needs, and
    the learners it applies to."""

    requirement: Requirement
    targets: list[int]
    needed: int
    learners: frozenset[int]


def requirements_loaded(
    school: Organization, among: list[User] | None = None
) -> list[_Requirement]:
    """The school's requirements that can have a pace, loaded once per computation, not
    once per chunk of learners; with ``among``, only those learners are kept. The ids are
    intersected here, not in SQL: PostgreSQL planned the requirement's subqueries with a
    list of thousands of ids at 20 s a requirement."""
    found = []
    wanted = None if among is None else frozenset(learner.pk for learner in among)
    for requirement in requirements_for(school):
        ids = [t.pk for t in requirement_targets(requirement)]
        if ids and requirement.due_on > requirement.starts_on:
            learners = frozenset(requirement_learners(requirement).values_list("pk", flat=True))
            if wanted is not None:
                learners &= wanted
            found.append(
                _Requirement(requirement, ids, needed_count(requirement, len(ids)), learners)
            )
    return found


def pace_results(
    requirements: list[_Requirement], learners: list[User], signals: SchoolSignals, today: date
) -> list[tuple[User, Requirement, RequirementPace]]:
    """Each learner's pace on each requirement that applies to them (nothing stored)."""
    results = []
    for entry in requirements:
        requirement, ids = entry.requirement, entry.targets
        for learner in learners:
            if learner.pk not in entry.learners:
                continue
            result = pace(
                mastered_on=signals.mastered_on.get(learner.pk, {}),
                targets=ids,
                start=requirement.starts_on,
                due=requirement.due_on,
                today=today,
                needed=entry.needed,
                below_floor=below_floor(
                    signals.levels.get(learner.pk, {}), ids, floor_of(requirement)
                ),
            )
            results.append((learner, requirement, result))
    return results


def finish_dates(results: list[tuple[User, Requirement, RequirementPace]]) -> dict[int, date]:
    """learner → their expected graduation: the latest due date of the graduation
    requirements among those that apply to them (learners without one are left out)."""
    found: dict[int, date] = {}
    for learner, requirement, _result in results:
        if requirement.kind == Requirement.Kind.GRADUATION:
            found[learner.pk] = max(found.get(learner.pk, requirement.due_on), requirement.due_on)
    return found


def pace_words(requirement: Requirement, result: RequirementPace, finish_by: date) -> PaceWords:
    return PaceWords(
        status=result.status.value,
        mastered=result.mastered,
        needed=result.needed,
        remaining=len(result.remaining),
        rate_per_week=result.rate_per_week,
        projected_on=result.projected,
        due_on=requirement.due_on,
        finish_by=finish_by,
    )


def pace_signals(
    results: list[tuple[User, Requirement, RequirementPace]],
) -> dict[int, list[PaceSignal]]:
    """learner → the pace signals their flags read (explained in the pages' words, in the
    site's language whoever's request or worker computes them, as flags are stored text)."""
    finish = finish_dates(results)
    by_learner: dict[int, list[PaceSignal]] = {}
    for learner, requirement, result in results:
        words = pace_words(requirement, result, finish.get(learner.pk, requirement.due_on))
        with translation.override(settings.LANGUAGE_CODE):
            said = f"{requirement.title}: {result.status.value.capitalize()}: {words.sentence()}"
        by_learner.setdefault(learner.pk, []).append(
            PaceSignal(requirement.title, result.status.value == "behind", said)
        )
    return by_learner


def _paces(
    requirements: list[_Requirement],
    learners: list[User],
    signals: SchoolSignals,
    today: date,
) -> dict[int, list[PaceSignal]]:
    """Store each learner's pace on each requirement that applies to them (their other
    pace rows go: a requirement retired, a course left, an election withdrawn); return
    learner → [PaceSignal]."""
    now = timezone.now()
    LearnerPace.objects.filter(learner__in=learners).delete()
    results = pace_results(requirements, learners, signals, today)
    finish = finish_dates(results)
    created = LearnerPace.objects.bulk_create(
        LearnerPace(
            learner=learner,
            requirement=requirement,
            status=result.status.value,
            mastered=result.mastered,
            needed=result.needed,
            projected_on=result.projected,
            explanation=result.explanation,
            rate_per_week=result.rate_per_week,
            finish_by=finish.get(learner.pk, requirement.due_on),
            computed_at=now,
        )
        for learner, requirement, result in results
    )
    through = LearnerPace.remaining.through
    through.objects.bulk_create(
        through(learnerpace_id=row.pk, frameworkitem_id=target)
        for row, (_, _, result) in zip(created, results, strict=True)
        for target in result.remaining
    )
    return pace_signals(results)


def flags_raised(learners, signals, paces, today, thresholds) -> list[RaisedFlag]:
    raised: list[RaisedFlag] = []
    for learner in learners:
        observations = {
            target: [Observation(day, not_yet) for day, not_yet in seen]
            for target, seen in signals.evidence.get(learner.pk, {}).items()
        }
        raised += learner_flags(
            LearnerSignals(
                learner=learner.pk,
                observations=observations,
                proficient=frozenset(signals.proficient.get(learner.pk, set())),
                requests=signals.requests.get(learner.pk, {}),
                pace=paces.get(learner.pk, []),
                labels=signals.labels,
            ),
            today=today,
            thresholds=thresholds,
        )
    return raised


@transaction.atomic
def flags_sync(
    *, learners: list[User], raised: list[RaisedFlag], today: date
) -> tuple[int, int, int]:
    """Bring the Flag rows of ``learners`` in step with ``raised``: (opened, kept, resolved)."""
    now = timezone.now()
    live = Flag.objects.filter(
        learner__in=learners, state__in=[Flag.State.OPEN, Flag.State.ACKNOWLEDGED]
    )
    existing = {(f.learner_id, f.kind, f.target_id): f for f in live}
    owners = _owners(learners)
    opened = kept = 0
    seen = set()
    opening: list[Flag] = []
    for flag in raised:
        key = (flag.learner, flag.kind.value, flag.target)
        seen.add(key)
        row = existing.get(key)
        if row is None:
            opening.append(
                Flag(
                    learner_id=flag.learner,
                    kind=flag.kind.value,
                    target_id=flag.target,
                    explanation=flag.explanation,
                    owner_id=owners.get(flag.learner),
                    raised_at=now,
                )
            )
        else:
            kept += 1
            if row.explanation != flag.explanation:
                row.explanation = flag.explanation
                row.save(update_fields=["explanation", "updated_at"])
    # A first computation opens thousands of flags: written with their audit rows in
    # batches, not two queries each.
    new: dict[int, list[Flag]] = {}
    for created in bulk_create_with_history(opening, Flag, batch_size=500):
        new.setdefault(created.learner_id, []).append(created)
    opened = len(opening)
    resolved = 0
    for key, row in existing.items():
        if key not in seen:
            row.state = Flag.State.RESOLVED
            row.note = AUTO_RESOLVED.format(day=today.isoformat())
            row._change_reason = "Signal cleared"  # type: ignore[attr-defined]
            row.save(update_fields=["state", "note", "updated_at"])
            resolved += 1
    for learner in learners:
        if learner.pk in new:
            flags_opened.send(sender=Flag, learner=learner, flags=new[learner.pk])
    return opened, kept, resolved


def supports_compute(
    *,
    school: Organization,
    today: date | None = None,
    run: SupportsRun | None = None,
    thresholds: Thresholds = DEFAULT_THRESHOLDS,
) -> ComputeResult:
    """Pace on every requirement that applies, and the flags, of every learner in ``school``."""
    today = today or timezone.localdate()
    learners = list(User.objects.filter(role=Role.LEARNER, organization=school).order_by("pk"))
    # Everyone is computed now: a learner waiting for the background refresh waits no more
    # (and a refresh whose task was lost cannot keep them waiting past this).
    SupportsDirty.objects.filter(learner__in=learners, changed_at__lte=timezone.now()).delete()
    if run is not None:
        run.started_at, run.total, run.processed = timezone.now(), len(learners), 0
        run.save(update_fields=["started_at", "total", "processed"])
    totals = [0, 0, 0, 0]
    requirements = requirements_loaded(school)
    for start in range(0, len(learners), CHUNK):
        chunk = learners[start : start + CHUNK]
        for index, count in enumerate(chunk_compute(requirements, chunk, today, thresholds)):
            totals[index] += count
        if run is not None:
            run.processed = start + len(chunk)
            run.save(update_fields=["processed"])
    if run is not None:
        run.finished_at = timezone.now()
        run.save(update_fields=["finished_at"])
    return ComputeResult(len(learners), totals[0], totals[1], totals[2], totals[3])


def chunk_compute(
    requirements: list[_Requirement], chunk: list[User], today: date, thresholds: Thresholds
) -> tuple[int, int, int, int]:
    """Pace and flags of one chunk of a school's learners: (opened, kept, resolved, paces)."""
    signals = school_signals(chunk)
    paces = _paces(requirements, chunk, signals, today)
    raised = flags_raised(chunk, signals, paces, today, thresholds)
    opened, kept, resolved = flags_sync(learners=chunk, raised=raised, today=today)
    return opened, kept, resolved, sum(len(v) for v in paces.values())


@task()
def supports_compute_task(*, run_id: int) -> dict[str, int]:
    """The background form of ``supports_compute`` for one queued run."""
    run = SupportsRun.objects.select_related("school").get(pk=run_id)
    try:
        result = supports_compute(school=run.school, run=run)
    except Exception as error:
        run.error = str(error)[:500]
        run.finished_at = timezone.now()
        run.save(update_fields=["error", "finished_at"])
        raise
    return {"learners": result.learners, "opened": result.opened, "resolved": result.resolved}


def can_compute(user: User, school: Organization) -> bool:
    """The school's leaders and counselors, and its district's admins."""
    if user.role in (Role.LEADER, Role.COUNSELOR):
        return user.organization_id == school.pk
    if user.role == Role.DISTRICT_ADMIN:
        return user.organization_id is not None and school.parent_id == user.organization_id
    return False


def supports_compute_request(*, school: Organization, by: User) -> SupportsRun:
    """Queue a background computation of a school's flags and pace."""
    if not can_compute(by, school):
        raise PermissionDenied("Only the school's leaders and counselors can recompute supports.")
    run = SupportsRun.objects.create(school=school, requested_by=by)
    supports_compute_task.enqueue(run_id=run.pk)
    return run


def learner_pace_refresh(*, learner: User, today: date | None = None) -> None:
    """Recompute one learner's pace now, when what applies to them changed (an election
    confirmed or withdrawn); their flags follow at the school's next computation."""
    school = learner.organization
    if school is None:
        return
    _paces(
        requirements_loaded(school),
        [learner],
        school_signals([learner]),
        today or timezone.localdate(),
    )
