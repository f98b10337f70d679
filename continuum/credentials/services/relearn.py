"""Courses that ended without credit: the records of them, and their targets in the plans.

The targets to re-learn are those not yet proficient when the sync found the due date
passed; they enter each learner's learning plan through pathways (``plan_relearn_add``)
with a reason that names the course and the day it ended. Written in bulk: a course's end
is recorded for all its learners in a fixed number of queries.
"""

from collections.abc import Mapping, Sequence
from datetime import date

from simple_history.utils import bulk_create_with_history

from continuum.credentials.models import CreditNotEarned
from continuum.frameworks.models import FrameworkItem
from continuum.pathways.public import plan_relearn_add
from continuum.people.models import User
from continuum.supports.models import Requirement

RELEARN_REASON = "Re-learn for {course}: not yet proficient when the course ended on {day}."
NOT_EARNED = "Course ended without credit"


def relearn_reason(requirement: Requirement) -> str:
    return RELEARN_REASON.format(course=requirement.title, day=requirement.due_on.isoformat())


def credits_not_earned_record(
    *,
    requirement: Requirement,
    relearn: Mapping[User, Sequence[FrameworkItem]],
    today: date,
) -> list[CreditNotEarned]:
    """Record that ``requirement`` was not earned by each learner of ``relearn``, with the
    targets they are to re-learn, and put those in their plans (inside ``awards_sync``'s
    transaction, which has checked that none is recorded yet)."""
    records = bulk_create_with_history(
        [
            CreditNotEarned(
                learner=learner,
                requirement=requirement,
                recorded_on=today,
                added_to_plan=bool(targets),
            )
            for learner, targets in relearn.items()
        ],
        CreditNotEarned,
        default_change_reason=NOT_EARNED,
    )
    through = CreditNotEarned.targets.through
    through.objects.bulk_create(
        through(creditnotearned_id=record.pk, frameworkitem_id=target.pk)
        for record in records
        for target in relearn[record.learner]
    )
    plan_relearn_add(relearn=relearn, reason=relearn_reason(requirement))
    return records
