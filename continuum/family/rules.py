"""Who may open a child's family view: the child, their guardians, and staff with a reason
to see the learner (to preview what the family reads). Community partners see only their
placement's targets elsewhere, so not this whole-child summary."""

import rules

from continuum.people.public import (
    can_view_whole_learner,
    is_guardian,
    is_learner,
)

rules.add_perm("family.view_family", can_view_whole_learner)
rules.add_perm("family.open_family_home", is_guardian | is_learner)
rules.add_perm("family.choose_language", rules.is_authenticated)
