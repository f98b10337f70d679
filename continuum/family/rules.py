"""Who may open a child's family view: the child, their guardians, and staff with a reason
to see the learner (to preview what the family reads). Community partners see only their
placement's targets elsewhere, so not this whole-child summary."""

import rules

from continuum.people.public import (
    administers_district_of,
    counsels,
    guards,
    is_counselor,
    is_district_admin,
    is_educator,
    is_guardian,
    is_leader,
    is_learner,
    is_self,
    leads_school_of,
    teaches,
)

can_view_family = (
    (is_learner & is_self)
    | (is_guardian & guards)
    | (is_educator & teaches)
    | (is_counselor & counsels)
    | (is_leader & leads_school_of)
    | (is_district_admin & administers_district_of)
)

rules.add_perm("family.view_family", can_view_family)
rules.add_perm("family.open_family_home", is_guardian | is_learner)
rules.add_perm("family.choose_language", rules.is_authenticated)
