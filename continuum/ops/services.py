"""The worker's heartbeat: `continuum serve` queues `heartbeat_task` every
CONTINUUM_HEARTBEAT_SECONDS; the worker runs it and `heartbeat_touch` records when."""

from datetime import datetime

from django.db import transaction
from django.utils import timezone
from django_tasks import task
from django_tasks.base import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from continuum.ops.models import WORKER, Heartbeat


def heartbeat_touch(*, name: str = WORKER, now: datetime | None = None) -> Heartbeat:
    beat, _ = Heartbeat.objects.update_or_create(
        name=name, defaults={"beat_at": now or timezone.now()}
    )
    return beat


@task()
def heartbeat_task() -> None:
    """Touch the worker's heartbeat and forget earlier finished heartbeats, so a beat every
    30 s does not leave 2,880 task results a day behind."""
    with transaction.atomic():
        heartbeat_touch()
        DBTaskResult.objects.filter(
            task_path=_task_path(), status=TaskResultStatus.SUCCESSFUL
        ).delete()


def heartbeat_request() -> bool:
    """Queue a heartbeat unless one is already waiting (a stopped worker must not come
    back to a pile of them). Returns whether one was queued."""
    if DBTaskResult.objects.ready().filter(task_path=_task_path()).exists():
        return False
    heartbeat_task.enqueue()
    return True


def _task_path() -> str:
    return heartbeat_task.module_path
