"""`/healthz` for load balancers, systemd and container health checks."""

from django.http import JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from continuum.ops.selectors import health_get


@never_cache
@require_GET
def healthz(request):
    """200 when the database answers and the worker beat recently, 503 with the reasons
    otherwise. Open without signing in: it names no person and no school."""
    health = health_get()
    body = {
        "status": "ok" if health.ok else "unavailable",
        "database": "ok" if health.database else "unavailable",
        "worker_beat_at": health.worker_beat_at.isoformat() if health.worker_beat_at else None,
        "reasons": health.reasons,
    }
    return JsonResponse(body, status=200 if health.ok else 503)
