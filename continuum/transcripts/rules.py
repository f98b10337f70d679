"""Who may read, issue and revoke transcripts, and set a school's grade conversion.

A transcript is the learner's whole record across years, so it is open to exactly the
people who open the family view and the report card: the learner, their guardians, their
educators and counselors, the school's leaders and the district's admins; not community
partners. Any of them may issue it (a learner sends it to a college). Withdrawing an
issued document is the school's: its leaders and the district's admins. Leaders set their
own school's conversion table. The verification page needs no permission at all.
"""

import rules

from continuum.people.public import (
    administers_district_of,
    can_view_whole_learner,
    is_district_admin,
    is_guardian,
    is_leader,
    is_learner,
    leads_school_of,
)

rules.add_perm("transcripts.view_transcript", can_view_whole_learner)
rules.add_perm("transcripts.open_my_transcripts", is_learner | is_guardian)
rules.add_perm(
    "transcripts.revoke_transcript",
    (is_leader & leads_school_of) | (is_district_admin & administers_district_of),
)
rules.add_perm("transcripts.manage_conversions", is_leader)
