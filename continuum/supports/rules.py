"""Who sees and works on supports.

- view_supports / manage_supports (a learner's flags and plans): the educators who
  teach the learner, their counselor, and their school's leaders; district admins may
  view. Learners, guardians and partners may not: plans are staff working documents.
- view_pace (the pace page, and pace wherever else it is shown: the dashboard, the
  profile, the family view) and view_family_summary: the learner, their guardians, and
  everyone who may view supports. Never a partner.
- view_caseload: educators, counselors and leaders (each sees only their own learners).
"""

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

can_manage = (is_educator & teaches) | (is_counselor & counsels) | (is_leader & leads_school_of)
can_view = can_manage | (is_district_admin & administers_district_of)
# Pace is the family's business too: the family view was built to show it.
can_view_pace = can_view | (is_learner & is_self) | (is_guardian & guards)

rules.add_perm("supports.view_supports", can_view)
rules.add_perm("supports.manage_supports", can_manage)
rules.add_perm("supports.view_pace", can_view_pace)
rules.add_perm("supports.view_family_summary", can_view_pace)
rules.add_perm("supports.view_caseload", is_educator | is_counselor | is_leader)
