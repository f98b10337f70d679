"""``continuum serve``: the production start, one command for a systemd unit or a container.

Applies migrations (unless ``--no-migrate``) and collects static files for whitenoise,
then runs gunicorn and the django-tasks
database worker as child processes, queues the worker's heartbeat, and stops both
gracefully on SIGTERM or SIGINT. Exits non-zero when a child dies, so systemd or the
container runtime restarts the whole service.
"""

import logging
import os
import sys

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import DatabaseError, connection

from continuum.ops.services import heartbeat_request
from continuum.ops.supervisor import Supervisor

logger = logging.getLogger("continuum.ops.serve")


class Command(BaseCommand):
    help = "Run Continuum in production: migrate, then gunicorn and the background worker."

    def add_arguments(self, parser):
        parser.add_argument("--bind", default=settings.CONTINUUM_BIND, help="host:port to serve")
        parser.add_argument(
            "--workers", type=int, default=settings.CONTINUUM_WEB_WORKERS, help="gunicorn workers"
        )
        parser.add_argument(
            "--no-migrate",
            action="store_false",
            dest="migrate",
            help="skip `migrate` (when several servers share a database: migrate once first)",
        )

    def handle(self, *args, bind: str, workers: int, migrate: bool, **options):
        if workers < 1:
            raise CommandError(f"--workers must be at least 1, not {workers}")
        if migrate:
            call_command("migrate", interactive=False, verbosity=options["verbosity"])
        call_command("collectstatic", interactive=False, verbosity=0)
        connection.close()  # the children open their own; none is inherited
        python = sys.executable
        grace = settings.CONTINUUM_SHUTDOWN_SECONDS
        children = {
            "web": [
                python, "-m", "gunicorn", "continuum.wsgi:application",
                "--config", "python:continuum.ops.gunicorn_conf",
                "--bind", bind, "--workers", str(workers), "--graceful-timeout", str(grace),
            ],
            "worker": [python, "-m", "continuum", "db_worker", "--no-reload", "--interval", "1"],
        }  # fmt: skip
        env = {**os.environ, "CONTINUUM_LOG_FORMAT": settings.CONTINUUM_LOG_FORMAT}
        supervisor = Supervisor(
            children=children,
            grace_seconds=grace + 5,  # gunicorn gets its own graceful timeout first
            tick=_heartbeat,
            tick_seconds=settings.CONTINUUM_HEARTBEAT_SECONDS,
            env=env,
        )
        status = supervisor.run()
        if status:
            sys.exit(status)


def _heartbeat() -> None:
    """Queue a heartbeat for the worker; a database that is down is logged (and reported by
    /healthz), not a reason to stop serving."""
    try:
        heartbeat_request()
    except DatabaseError:
        logger.exception("could not queue the worker's heartbeat")
    finally:
        connection.close()
