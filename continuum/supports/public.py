"""What the supports app offers the other apps (their only way in besides ``models``).

- ``learner_paces``: a learner's latest computed pace to each requirement that applies.
- ``family_summary``: the plain-language summaries of the support plans shared with the
  learner's family.
- ``supports_compute``: compute a school's pace and flags now (the background job's work);
  ``supports_preview`` (→ ``SupportsPreview``): the same with a draft grading policy's
  estimates in place of the stored ones, writing nothing (the policy replay shows it).
- Support plans: ``plan_create``, ``action_add``, ``note_add`` and ``plan_review``, each
  audited with the person who made the change.
- Requirements: who one applies to (``requirements_applying_to``,
  ``requirement_applies_to``, ``requirement_learners``: graduation, everyone at the school;
  course credit, its sections' learners; certificates and pathways, confirmed elections),
  what its rule reads (``requirement_targets``) and the rule itself (``requirement_rule``).
- Editing them: ``requirement_create``, ``requirement_update``, ``requirement_retire``;
  electing: ``election_create``, ``election_withdraw``, ``election_decide``.
- For home pages and the navigation: ``support_todos`` (→ ``SupportTodos``: among some
  learners, how many are behind pace, flagged without a plan, with a plan review due) and
  ``flagged_without_plan`` (those learners, for a one-query badge).
- Its domain event, ``flags_opened`` (decision 0012): new early-warning flags for a learner.
"""

from continuum.supports.selectors import (
    family_summary,
    learner_paces,
    requirement_applies_to,
    requirement_learners,
    requirements_applying_to,
)
from continuum.supports.selectors.todos import SupportTodos, flagged_without_plan, support_todos
from continuum.supports.services.compute import supports_compute
from continuum.supports.services.elections import (
    election_create,
    election_decide,
    election_withdraw,
)
from continuum.supports.services.plans import action_add, note_add, plan_create, plan_review
from continuum.supports.services.preview import SupportsPreview, supports_preview
from continuum.supports.services.requirements import (
    requirement_create,
    requirement_retire,
    requirement_update,
)
from continuum.supports.services.signals import requirement_rule, requirement_targets
from continuum.supports.signals import flags_opened

__all__ = [
    "SupportTodos",
    "SupportsPreview",
    "action_add",
    "election_create",
    "election_decide",
    "election_withdraw",
    "family_summary",
    "flagged_without_plan",
    "flags_opened",
    "learner_paces",
    "note_add",
    "plan_create",
    "plan_review",
    "requirement_applies_to",
    "requirement_create",
    "requirement_learners",
    "requirement_retire",
    "requirement_rule",
    "requirement_targets",
    "requirement_update",
    "requirements_applying_to",
    "support_todos",
    "supports_compute",
    "supports_preview",
]
