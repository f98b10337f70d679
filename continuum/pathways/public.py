"""What the pathways app offers the other apps (their only way in besides ``models``).

- Writes, each checking the permission itself: ``profile_update``, ``goal_create``,
  ``goal_comment_add``, ``goal_check_in``, ``experience_save`` and ``plan_draft`` (the
  learning plan drafted by the recommender); ``plan_relearn_add``, Continuum's own step,
  puts targets to re-learn in a plan when a course ends without credit.
- ``plan_next_step`` (→ ``PlanRow``): the first step of a learner's plan still to do, for
  their home page.
- Its domain event, ``check_in_recorded`` (decision 0012).
"""

from continuum.pathways.selectors import PlanRow, plan_next_step
from continuum.pathways.services import (
    experience_save,
    goal_check_in,
    goal_comment_add,
    goal_create,
    plan_draft,
    plan_relearn_add,
    profile_update,
)
from continuum.pathways.signals import check_in_recorded

__all__ = [
    "PlanRow",
    "check_in_recorded",
    "experience_save",
    "goal_check_in",
    "goal_comment_add",
    "goal_create",
    "plan_draft",
    "plan_next_step",
    "plan_relearn_add",
    "profile_update",
]
