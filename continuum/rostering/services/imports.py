"""An import's life: previewed (the package read and checked, nothing written), started
by the admin, then run in the background worker (or at once by the command), all or
nothing. Each import is a ``RosterImport`` row, the audit of who imported what, when,
and what came of it, refused packages included.
"""

from django.conf import settings
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django_tasks import task

from continuum.people.models import Organization, User
from continuum.rostering.models import RosterImport
from continuum.rostering.services.apply import plan_apply
from continuum.rostering.services.package import PackageError, Problem, package_read
from continuum.rostering.services.plan import CHECKS, Plan, roster_plan

State = RosterImport.State
STEPS = CHECKS + 1  # the checks, then the one transaction that applies


def _plan(data: bytes, district: Organization, on_step=None) -> Plan:
    package = package_read(data, max_bytes=settings.CONTINUUM_ONEROSTER_MAX_BYTES)
    return roster_plan(package=package, district=district, on_step=on_step)


def _summary(plan: Plan) -> dict:
    return {"version": plan.version, **plan.counts()}


@transaction.atomic
def roster_import_preview(
    *,
    district: Organization,
    by: User | None,
    file_name: str,
    data: bytes,
    keep_package: bool = True,
) -> RosterImport:
    """Read and check a package against ``district``: what it would create, update and
    deactivate, or every error. Writes only the audit row (and the package, kept for the
    import the admin may then start)."""
    # One preview waits at a time: an earlier one is not started, and its package (every
    # person in it) is not kept.
    RosterImport.objects.filter(district=district, state=State.PREVIEWED).update(
        state=State.SUPERSEDED, package=b"", samples={}
    )
    record = RosterImport(district=district, by=by, file_name=file_name[:255])
    try:
        plan = _plan(data, district)
    except PackageError as error:
        record.state = State.REFUSED
        record.errors = [Problem("package", 0, "file", str(error)).as_dict()]
        record.save()
        return record
    record.version = plan.version
    record.summary = _summary(plan)
    record.samples = plan.samples()
    record.errors = [problem.as_dict() for problem in plan.problems]
    record.warnings = [problem.as_dict() for problem in plan.warnings]
    record.state = State.REFUSED if plan.problems else State.PREVIEWED
    record.package = data if keep_package and not plan.problems else b""
    record.save()
    return record


@transaction.atomic
def roster_import_start(*, roster_import: RosterImport) -> None:
    """Queue a previewed import for the background worker."""
    locked = RosterImport.objects.select_for_update().get(pk=roster_import.pk)
    if locked.state != State.PREVIEWED:
        raise ValueError("Only a previewed import can be started, once.")
    locked.state = State.QUEUED
    locked.progress_total = STEPS
    locked.save(update_fields=["state", "progress_total"])
    import_id = locked.pk
    transaction.on_commit(lambda: roster_import_task.enqueue(import_id=import_id))


@task()
def roster_import_task(*, import_id: int) -> dict:
    return roster_import_run(import_id=import_id)


def roster_import_run(*, import_id: int) -> dict:
    """Check the package again (the district may have changed since the preview), then
    apply it in one transaction, or change nothing and keep every error."""
    record = RosterImport.objects.select_related("district", "by").get(pk=import_id)
    if record.state not in (State.PREVIEWED, State.QUEUED):
        return {"state": record.state}  # run once: a task delivered twice changes nothing
    _progress(import_id, state=State.RUNNING, progress_total=STEPS, progress_done=0)
    data, district = bytes(record.package), record.district
    reason = f"OneRoster import {record.file_name}"[:100]
    try:
        plan = _plan(data, district, on_step=lambda: _advance(import_id))
        if not plan.problems:
            with transaction.atomic():
                plan = _plan(data, district)  # the same again, inside the transaction
                if not plan.problems:
                    plan_apply(plan=plan, by=record.by, reason=reason)
    except Exception as error:
        _progress(import_id, state=State.FAILED, failure=f"{type(error).__name__}: {error}")
        raise
    outcome = State.FAILED if plan.problems else State.DONE
    _progress(
        import_id,
        state=outcome,
        summary=_summary(plan),
        errors=[problem.as_dict() for problem in plan.problems],
        warnings=[problem.as_dict() for problem in plan.warnings],
        samples={},  # they name people; the counts stay as the audit
        package=b"",
        progress_done=STEPS,
        finished_at=timezone.now(),
    )
    return {"state": outcome, **_summary(plan)}


def _advance(import_id: int) -> None:
    RosterImport.objects.filter(pk=import_id).update(progress_done=F("progress_done") + 1)


def _progress(import_id: int, **fields) -> None:
    RosterImport.objects.filter(pk=import_id).update(**fields)
