"""Who may record, see and decide about evidence.

Seeing evidence follows ``people.view_learner``; a community partner sees only the slice
of their placement (``selectors.scope``), and never the rest of the record
(``view_record``: reassessment requests, proposals, the portfolio and its files).
Recording evidence, overriding an estimate and deciding reassessments need a teaching
relationship: an educator whose section the learner is enrolled in. Learners ask, propose
and upload for themselves only.
"""

import rules

from continuum.people.public import (
    can_view_learner,
    is_educator,
    is_leader,
    is_learner,
    is_partner,
    is_self,
    teaches,
)

educator_of = is_educator & teaches

rules.add_perm("evidence.view_evidence", can_view_learner)
rules.add_perm("evidence.view_record", can_view_learner & ~is_partner)
rules.add_perm("evidence.record_evidence", educator_of)
rules.add_perm("evidence.override_estimate", educator_of)
rules.add_perm("evidence.request_reassessment", (is_learner & is_self) | educator_of)
rules.add_perm("evidence.decide_reassessment", educator_of)
rules.add_perm("evidence.propose_evidence", is_learner & is_self)
rules.add_perm("evidence.review_proposal", educator_of)
rules.add_perm("evidence.upload_artifact", is_learner & is_self)
rules.add_perm("evidence.validate_artifact", educator_of)
rules.add_perm("evidence.create_assessment", is_educator | is_leader)
rules.add_perm("evidence.use_gradebook", is_educator | is_leader)
