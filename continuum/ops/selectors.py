"""Is this Continuum healthy? The database answers and the worker beat recently."""

from dataclasses import dataclass, field
from datetime import datetime, timedelta

from django.conf import settings
from django.db import DatabaseError, connection
from django.utils import timezone

from continuum.ops.models import WORKER, Heartbeat


@dataclass(frozen=True)
class Health:
    database: bool
    worker_beat_at: datetime | None
    reasons: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.reasons


def health_get(*, now: datetime | None = None) -> Health:
    now = now or timezone.now()
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
        beat = Heartbeat.objects.filter(name=WORKER).values_list("beat_at", flat=True).first()
    except DatabaseError as error:
        first_line = str(error).strip().splitlines()[0] if str(error).strip() else ""
        reason = f"the database does not answer: {type(error).__name__} {first_line}".strip()
        return Health(database=False, worker_beat_at=None, reasons=[reason])
    limit = timedelta(seconds=settings.CONTINUUM_HEARTBEAT_MAX_AGE_SECONDS)
    if beat is None:
        reasons = ["the background worker has never beaten (is `continuum serve` running?)"]
    elif now - beat > limit:
        age = int((now - beat).total_seconds())
        reasons = [
            f"the background worker last beat {age} s ago (limit {int(limit.total_seconds())} s)"
        ]
    else:
        reasons = []
    return Health(database=True, worker_beat_at=beat, reasons=reasons)
