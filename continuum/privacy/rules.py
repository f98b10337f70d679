"""Who may use the privacy pages: district admins only, and only for their own district.

The record of disclosures is the district's (each admin sees rows of their district);
exporting or deleting a learner needs the admin of that learner's district. School leaders
may not: deletion is irreversible and FERPA places these requests with the district.
"""

import rules

from continuum.people.public import administers_district_of, is_district_admin, is_learner

rules.add_perm("privacy.view_disclosures", is_district_admin)


@rules.predicate
def is_a_learner(user, learner) -> bool:
    return learner is not None and is_learner(learner)


rules.add_perm(
    "privacy.manage_learner_data", is_district_admin & is_a_learner & administers_district_of
)
