"""The worker's heartbeat: one row per name, touched by a task the worker runs."""

from django.db import models

# The heartbeat row of the background worker(s).
WORKER = "worker"


class Heartbeat(models.Model):
    """When a background worker last ran the heartbeat task.

    The row proves more than a live process: the worker claimed a queued task from the
    database and finished it, which is what every real background job needs too.
    """

    name = models.CharField(max_length=50, unique=True)
    beat_at = models.DateTimeField()

    def __str__(self) -> str:
        return f"{self.name} at {self.beat_at:%Y-%m-%d %H:%M:%S}"
