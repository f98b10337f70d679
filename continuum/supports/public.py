"""What the supports app offers the other apps (their only way in besides ``models``).

- ``learner_paces``: a learner's latest computed pace to each requirement.
- ``family_summary``: the plain-language summaries of the support plans shared with the
  learner's family.
- ``supports_compute``: compute a school's pace and flags now (the background job's work).
- Support plans: ``plan_create``, ``action_add``, ``note_add`` and ``plan_review``, each
  audited with the person who made the change.
"""

from continuum.supports.selectors import family_summary, learner_paces
from continuum.supports.services.compute import supports_compute
from continuum.supports.services.plans import action_add, note_add, plan_create, plan_review

__all__ = [
    "action_add",
    "family_summary",
    "learner_paces",
    "note_add",
    "plan_create",
    "plan_review",
    "supports_compute",
]
