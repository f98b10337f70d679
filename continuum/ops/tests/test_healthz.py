from datetime import timedelta
from unittest import mock

import pytest
from django.db import OperationalError
from django.utils import timezone

from continuum.ops.services import heartbeat_request, heartbeat_task, heartbeat_touch

pytestmark = pytest.mark.django_db


def test_it_is_healthy_when_the_worker_beat_recently(client):
    heartbeat_touch(now=timezone.now() - timedelta(seconds=10))
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json()["status"] == "ok"
    assert response.json()["reasons"] == []
    assert response["Cache-Control"].startswith("max-age=0")


def test_it_is_unavailable_when_the_worker_never_beat(client):
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json()["database"] == "ok"
    assert "never beaten" in response.json()["reasons"][0]


def test_it_is_unavailable_when_the_heartbeat_is_stale(client, settings):
    settings.CONTINUUM_HEARTBEAT_MAX_AGE_SECONDS = 120
    heartbeat_touch(now=timezone.now() - timedelta(seconds=300))
    response = client.get("/healthz")
    assert response.status_code == 503
    assert "last beat 300 s ago (limit 120 s)" in response.json()["reasons"][0]


def test_it_is_unavailable_when_the_database_does_not_answer(client):
    with mock.patch(
        "continuum.ops.selectors.connection.cursor", side_effect=OperationalError("gone away")
    ):
        response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json()["database"] == "unavailable"
    assert response.json()["reasons"] == [
        "the database does not answer: OperationalError gone away"
    ]


def test_a_queued_heartbeat_is_not_queued_twice():
    from django_tasks_db.models import DBTaskResult

    assert heartbeat_request() is True
    assert heartbeat_request() is False
    assert DBTaskResult.objects.filter(task_path=heartbeat_task.module_path).count() == 1


def test_the_worker_running_the_heartbeat_makes_the_check_healthy(client):
    from django_tasks_db.models import DBTaskResult

    heartbeat_request()
    DBTaskResult.objects.get().task.call()
    assert client.get("/healthz").status_code == 200


def test_the_heartbeat_forgets_earlier_finished_heartbeats():
    from django_tasks.base import TaskResultStatus
    from django_tasks_db.models import DBTaskResult

    heartbeat_request()
    DBTaskResult.objects.update(status=TaskResultStatus.SUCCESSFUL)
    heartbeat_task.call()
    assert not DBTaskResult.objects.exists()
