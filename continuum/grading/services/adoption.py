"""After an adoption: recompute the estimates of every school the new version applies to,
in the background worker, ``CHUNK`` learners at a time so the page can show progress
(a school of 1,000 learners and 180,000 estimates took 24 s; bench/RESULTS.md).

A district's default applies to its schools that have no override of their own; a school's
override to that school; a policy for one framework to that framework's targets where no
narrower policy covers them (every estimate of the schools' learners is recomputed, which
leaves the others as they were). A version that takes effect later is recomputed on the day it
takes effect (the task is queued to run then).
"""

from datetime import datetime, time

from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django_tasks import task

from continuum.evidence.models import GradingPolicyRecord
from continuum.evidence.public import estimates_recompute, policy_record_for
from continuum.people.models import Organization, Role, User

CHUNK = 100  # learners per recompute pass: the progress bar moves every few seconds


def adopted_schools(record: GradingPolicyRecord) -> list[Organization]:
    """The schools whose policy on the version's effective day is this version."""
    scope = record.organization
    if scope.kind == Organization.Kind.SCHOOL:
        schools = [scope]
    else:
        schools = list(Organization.objects.filter(parent=scope, kind=Organization.Kind.SCHOOL))
    on = record.effective_on or timezone.localdate()
    return [
        school
        for school in schools
        if _in_force(
            policy_record_for(organization=school, framework_id=record.framework_id, on=on),
            record,
        )
    ]


def _in_force(found: GradingPolicyRecord | None, record: GradingPolicyRecord) -> bool:
    return found is not None and found.pk == record.pk


def adoption_recompute_request(*, record: GradingPolicyRecord) -> None:
    """Queue the recompute once the adoption is committed (the worker must read it)."""
    record_id = record.pk
    effective_on = record.effective_on
    work = adoption_recompute_task
    if effective_on is not None and effective_on > timezone.localdate():
        start = datetime.combine(effective_on, time.min, tzinfo=timezone.get_current_timezone())
        work = work.using(run_after=start)
    transaction.on_commit(lambda: work.enqueue(record_id=record_id))


@task()
def adoption_recompute_task(*, record_id: int) -> dict[str, int]:
    """Recompute the estimates of each school's learners under the adopted version, a
    chunk of learners at a time, counting learners done."""
    record = GradingPolicyRecord.objects.get(pk=record_id)
    schools = adopted_schools(record)
    learners = list(
        User.objects.filter(role=Role.LEARNER, organization__in=schools)
        .order_by("pk")
        .values_list("pk", flat=True)
    )
    _progress(record_id, recompute_total=len(learners), recompute_done=0, recompute_error="")
    estimates = 0
    try:
        for start in range(0, len(learners), CHUNK):
            chunk = learners[start : start + CHUNK]
            people = User.objects.filter(pk__in=chunk)
            estimates += estimates_recompute(learners=people).estimates
            GradingPolicyRecord.objects.filter(pk=record_id).update(
                recompute_done=F("recompute_done") + len(chunk)
            )
    except Exception as error:
        _progress(record_id, recompute_error=f"{type(error).__name__}: {error}")
        raise
    _progress(record_id, recompute_finished_at=timezone.now())
    return {"schools": len(schools), "learners": len(learners), "estimates": estimates}


def _progress(record_id: int, **fields) -> None:
    # ``update`` on purpose: progress is not a change to the policy, so it has no history.
    GradingPolicyRecord.objects.filter(pk=record_id).update(**fields)
