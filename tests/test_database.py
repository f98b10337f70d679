"""The suite runs on the database it was asked for (make test runs it on both)."""

from django.db import connection


def test_the_suite_runs_on_the_requested_database(request, db):
    expected = "postgresql" if request.config.getoption("--postgres") else "sqlite"
    assert connection.vendor == expected
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        assert cursor.fetchone()[0] == 1
