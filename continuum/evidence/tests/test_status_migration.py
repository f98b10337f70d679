"""Estimates stored before statuses became values read the same after the migration, on
SQLite and PostgreSQL alike, and the migration reverses."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.utils import timezone

from continuum.evidence.models import Estimate, EstimateStatus

BEFORE = [("evidence", "0001_initial")]
AFTER = [("evidence", "0004_drop_status_labels")]


def _migrate(targets):
    executor = MigrationExecutor(connection)
    executor.migrate(targets)
    return executor.loader.project_state(targets).apps


@pytest.fixture
def at_labels(transactional_db, world, sample):
    """The evidence schema rolled back to English labels, restored afterwards."""
    old = _migrate(BEFORE)
    yield old
    _migrate(MigrationExecutor(connection).loader.graph.leaf_nodes())


def test_labels_become_values_and_back(at_labels, world, sample):
    old_estimate = at_labels.get_model("evidence", "Estimate")
    now = timezone.now()
    rows = {
        ("lena", "N.1.a"): ("not yet", "", None),
        ("omar", "N.1.a"): ("approaching", "advanced", 3.6),
        ("lena", "N.1.b"): ("not started", "", None),
    }
    for (username, code), (status, override, level) in rows.items():
        old_estimate.objects.create(
            learner_id=world[username].pk,
            target_id=sample[code].pk,
            status=status,
            override_status=override,
            override_level=level,
            computed_at=now,
        )

    _migrate(AFTER)

    stored = {
        (e.learner.username, e.target.human_coding_scheme): (
            e.status,
            e.override_status,
            e.shown_status,
        )
        for e in Estimate.objects.select_related("learner", "target")
    }
    assert stored == {
        ("lena", "N.1.a"): (EstimateStatus.NOT_YET, None, EstimateStatus.NOT_YET),
        ("omar", "N.1.a"): (
            EstimateStatus.APPROACHING,
            EstimateStatus.ADVANCED,
            EstimateStatus.ADVANCED,
        ),
        ("lena", "N.1.b"): (EstimateStatus.NOT_STARTED, None, EstimateStatus.NOT_STARTED),
    }

    old = _migrate(BEFORE)
    back = old.get_model("evidence", "Estimate").objects.values_list(
        "learner__username", "target__human_coding_scheme", "status", "override_status"
    )
    assert set(back) == {
        ("lena", "N.1.a", "not yet", ""),
        ("omar", "N.1.a", "approaching", "advanced"),
        ("lena", "N.1.b", "not started", ""),
    }
