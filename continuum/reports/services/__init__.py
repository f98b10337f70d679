"""Writes of the reports app: periods, work habits and observations (``periods``), and batches
of report cards made in the background worker (``batches``)."""

from continuum.reports.services.batches import report_batch_request, report_batch_task
from continuum.reports.services.periods import (
    observations_record,
    period_create,
    period_update,
    work_habit_create,
)

__all__ = [
    "observations_record",
    "period_create",
    "period_update",
    "report_batch_request",
    "report_batch_task",
    "work_habit_create",
]
