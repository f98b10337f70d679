"""Who sees and works on supports.

- view_supports / manage_supports (a learner's flags and plans): the educators who
  teach the learner, their counselor, and their school's leaders; district admins may
  view. Learners, guardians and partners may not: plans are staff working documents.
- view_pace (the pace page, and pace wherever else it is shown: the dashboard, the
  profile, the family view) and view_family_summary: the learner, their guardians, and
  everyone who may view supports. Never a partner.
- view_caseload: educators, counselors and leaders (each sees only their own learners).
- edit_requirements (the list) and edit_requirement (one): a school's leaders for their
  school, a district's admins for its schools.
- elect_requirements: learners, for themselves. decide_election (about a learner): their
  counselor and their school's leaders confirm or decline what the learner elected.
"""

import rules

from continuum.people.models import Organization, Role, User
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

can_manage = (is_educator & teaches) | (is_counselor & counsels) | (is_leader & leads_school_of)
can_view = can_manage | (is_district_admin & administers_district_of)
# Pace is the family's business too: the family view was built to show it.
can_view_pace = can_view | (is_learner & is_self) | (is_guardian & guards)

rules.add_perm("supports.view_supports", can_view)
rules.add_perm("supports.manage_supports", can_manage)
rules.add_perm("supports.view_pace", can_view_pace)
rules.add_perm("supports.view_family_summary", can_view_pace)
rules.add_perm("supports.view_caseload", is_educator | is_counselor | is_leader)
rules.add_perm(
    "supports.decide_election", (is_counselor & counsels) | (is_leader & leads_school_of)
)
rules.add_perm("supports.elect_requirements", is_learner)


def edits_school(user: User, organization: Organization) -> bool:
    """A school's leaders, and the admins of its district (or of the district itself)."""
    if not user.is_authenticated or user.organization_id is None:
        return False
    if user.role == Role.LEADER:
        return organization.pk == user.organization_id
    if user.role == Role.DISTRICT_ADMIN:
        return user.organization_id in (organization.pk, organization.parent_id)
    return False


@rules.predicate
def edits_requirement(user: User, requirement) -> bool:
    return requirement is not None and edits_school(user, requirement.organization)


rules.add_perm("supports.edit_requirements", is_leader | is_district_admin)
rules.add_perm("supports.edit_requirement", edits_requirement)
