"""Reassessments, proposals and API tokens stored while the evidence app owned them are
read by their new apps after the move, on SQLite and PostgreSQL alike (decision 0013)."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from continuum.frameworks.tests.factories import sample_framework
from continuum.integrations.models import ApiToken
from continuum.learning.models import Proposal, Reassessment

BEFORE = [("evidence", "0005_policies_have_no_bands")]  # unapplies the two new apps too


def _migrate(targets):
    executor = MigrationExecutor(connection)
    executor.migrate(targets)
    return executor.loader.project_state(targets).apps


@pytest.fixture
def sample(transactional_db):
    return sample_framework()


@pytest.fixture
def before_the_move(transactional_db, world, sample):
    old = _migrate(BEFORE)
    yield old
    _migrate(MigrationExecutor(connection).loader.graph.leaf_nodes())


def test_rows_kept_by_the_evidence_app_are_read_by_their_new_apps(before_the_move, world, sample):
    old = before_the_move
    lena, erin = world["lena"], world["erin"]
    old.get_model("evidence", "Reassessment").objects.create(
        learner_id=lena.pk,
        target_id=sample["N.1.a"].pk,
        requested_by_id=lena.pk,
        preparation="Practised ratio tables",
    )
    old.get_model("evidence", "Proposal").objects.create(
        learner_id=lena.pk, target_id=sample["N.1.b"].pk, way="project", description="A recipe"
    )
    old.get_model("evidence", "ApiToken").objects.create(
        user_id=erin.pk, name="SIS", digest="d" * 64, prefix="cnt_abcd"
    )

    _migrate(MigrationExecutor(connection).loader.graph.leaf_nodes())

    assert Reassessment.objects.get().preparation == "Practised ratio tables"
    assert Proposal.objects.get().description == "A recipe"
    assert ApiToken.objects.get().name == "SIS"
