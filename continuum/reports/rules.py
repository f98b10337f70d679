"""Who may read and write report cards.

A report card is the whole learner's record for a period, so it is open to exactly the
people who open the family view: the learner, their guardians, and staff with a reason
(their educators, counselors, the school's leaders, the district's admins); not community
partners, who see only their placement's targets. Educators who teach the learner record
work habits and the comment; leaders set their own school's periods and habits. Educators
and leaders start batches of cards (the service checks the section or school); a batch is
opened by whoever asked for it, or by staff who may view every card in it.
"""

import rules

from continuum.people.models import User
from continuum.people.public import (
    can_view_whole_learner,
    is_educator,
    is_guardian,
    is_leader,
    is_learner,
    is_staff_member,
    teaches,
)


@rules.predicate
def leads_school(user, obj) -> bool:
    """The user leads the school a period or habit belongs to."""
    return obj is not None and user.organization_id == obj.school_id


rules.add_perm("reports.view_report_card", can_view_whole_learner)
rules.add_perm("reports.open_my_report_cards", is_learner | is_guardian)
rules.add_perm("reports.record_observations", is_educator & teaches)
rules.add_perm("reports.manage_periods", is_leader)
rules.add_perm("reports.change_period", is_leader & leads_school)


@rules.predicate
def may_open_batch(user, batch) -> bool:
    """The one who asked for it, or staff who may read every learner's card in it (a ZIP
    discloses them all, so anyone less would learn about a learner they may not see)."""
    if batch is None:
        return False
    if batch.requested_by_id == user.pk:
        return True
    learners = User.objects.filter(pk__in=batch.learner_ids).select_related("organization")
    return is_staff_member(user) and all(
        can_view_whole_learner(user, learner) for learner in learners
    )


rules.add_perm("reports.start_batch", is_educator | is_leader)
rules.add_perm("reports.open_batch", may_open_batch)
