"""Who sees and revokes a learner's credits and certificates.

- view_own_credentials (``/credentials/me/``): learners, for their own awards.
- view_credentials (a learner's staff page): the staff with a reason to see the learner —
  the educators who teach them, their counselor, their school's leaders and their
  district's admins. Not the learner or guardians (they have their own page and the
  family view), never a partner.
- revoke_award: the learner's counselor, their school's leaders and their district's
  admins. An educator sees the award but does not take it back.
- download_credentials (a learner's signed badges and CLR, their badges page): the
  learner, their guardians, and the staff who may view their credentials.
"""

import rules

from continuum.people.public import (
    administers_district_of,
    can_view_whole_learner,
    counsels,
    is_counselor,
    is_district_admin,
    is_educator,
    is_leader,
    is_learner,
    leads_school_of,
    teaches,
)

can_revoke = (
    (is_counselor & counsels)
    | (is_leader & leads_school_of)
    | (is_district_admin & administers_district_of)
)

rules.add_perm("credentials.view_own_credentials", is_learner)
can_view = can_revoke | (is_educator & teaches)

rules.add_perm("credentials.view_credentials", can_view)
# the whole learner's people: the learner, guardians and ``can_view``'s staff
rules.add_perm("credentials.download_credentials", can_view_whole_learner)
rules.add_perm("credentials.revoke_award", can_revoke)
