"""docs/deploy.md's backup and restore, on the throwaway PostgreSQL cluster: `pg_dump -Fc`
of a district's database and `pg_restore` into an empty one give back the same rows, and
Continuum works on the restored copy. Runs in the PostgreSQL pass only (`--postgres`)."""

import os
import shutil
import subprocess
import uuid

import psycopg
import pytest

pytestmark = pytest.mark.skipif("not config.getoption('--postgres')", reason="needs --postgres")

# Tables whose rows the round trip must keep, one per kind of record.
TABLES = ["people_user", "people_enrollment", "evidence_evidence", "evidence_estimate"]


def _counts(url: str, dbname: str) -> dict[str, int]:
    with psycopg.connect(url, dbname=dbname) as database:
        return {t: database.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in TABLES}


def test_a_pg_dump_restores_into_an_empty_database_with_every_row(transactional_db, tmp_path):
    from django.db import connection

    from continuum.evidence.tests.gradebook_factories import gradebook_class_create

    if not (shutil.which("pg_dump") and shutil.which("pg_restore")):
        pytest.skip("pg_dump and pg_restore are not installed")
    gradebook_class_create(learners=5, attempts=2)
    source = connection.settings_dict["NAME"]
    url = os.environ["CONTINUUM_TEST_DATABASE_URL"]
    target = f"restore_{uuid.uuid4().hex[:8]}"
    dump = tmp_path / "continuum.dump"
    # The commands and options docs/deploy.md gives, against the test cluster.
    subprocess.run(
        ["pg_dump", "--format=custom", f"--file={dump}", f"--dbname={_named(url, source)}"],
        check=True,
        capture_output=True,
    )
    with psycopg.connect(url, autocommit=True, dbname="postgres") as admin:
        admin.execute(f'CREATE DATABASE "{target}"')
    try:
        subprocess.run(
            [
                "pg_restore",
                "--no-owner",
                "--exit-on-error",
                f"--dbname={_named(url, target)}",
                str(dump),
            ],
            check=True,
            capture_output=True,
        )
        restored = _counts(url, target)
        assert restored == _counts(url, source)
        assert restored["evidence_evidence"] > 0
        with psycopg.connect(url, dbname=target) as database:
            applied = database.execute("SELECT count(*) FROM django_migrations").fetchone()[0]
        assert applied > 0  # the migration history came along: upgrades continue from it
    finally:
        with psycopg.connect(url, autocommit=True, dbname="postgres") as admin:
            admin.execute(f'DROP DATABASE "{target}" WITH (FORCE)')


def _named(url: str, dbname: str) -> str:
    return url.rsplit("/", 1)[0] + f"/{dbname}"
