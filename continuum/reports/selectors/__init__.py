"""Reads of the reports app: periods, one learner's report card for one period, and batches."""

from continuum.reports.selectors.batches import (
    batch_learner_list,
    batch_section_list,
    report_batch_get,
    report_batch_list,
)
from continuum.reports.selectors.periods import (
    observation_list,
    period_current,
    period_get,
    period_list,
    report_comment_get,
    work_habit_list,
)
from continuum.reports.selectors.report_card import ReportCard, report_card_get

__all__ = [
    "ReportCard",
    "batch_learner_list",
    "batch_section_list",
    "observation_list",
    "period_current",
    "period_get",
    "period_list",
    "report_batch_get",
    "report_batch_list",
    "report_card_get",
    "report_comment_get",
    "work_habit_list",
]
