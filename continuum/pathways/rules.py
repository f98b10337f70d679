"""Who may see and change a learner's profile, goals and plan, and who curates the catalog.

A learner's pathway is visible to the learner, their guardians, the educators who teach
them, their counselor, their school's leaders and their district's admins (not to a
community partner: a placement is about its targets, not the learner's life). The
accommodations on a profile are for the learner's educators and counselor only.
Guardians may comment on goals; educators and the counselor also record check-ins.
The catalog is open to everyone signed in, each seeing their own district's entries
(decision 0009: the selectors scope it). An entry is changed by the educators and leaders
of the school (or district) it belongs to; a partner's opportunity by that partner only.
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
    is_partner,
    is_self,
    leads_school_of,
    teaches,
)

learner_self = is_learner & is_self
educator_of = is_educator & teaches
counselor_of = is_counselor & counsels
guardian_of = is_guardian & guards

can_view_pathway = (
    learner_self
    | guardian_of
    | educator_of
    | counselor_of
    | (is_leader & leads_school_of)
    | (is_district_admin & administers_district_of)
)


@rules.predicate
def offers(user, experience) -> bool:
    return experience is not None and experience.partner_id == user.pk


@rules.predicate
def curates_where_it_belongs(user, experience) -> bool:
    """The entry belongs to the curator's school, or to the district over that school.
    A partner's opportunity is never a curator's to change."""
    if experience is None or experience.partner_id is not None:
        return False
    home = user.organization
    belongs = experience.organization_id
    return home is not None and belongs is not None and belongs in {home.pk, home.parent_id}


curator = is_educator | is_leader

rules.add_perm("pathways.view_pathway", can_view_pathway)
rules.add_perm("pathways.edit_profile", learner_self | educator_of | counselor_of)
rules.add_perm("pathways.view_accommodations", educator_of | counselor_of)
rules.add_perm("pathways.set_goal", learner_self | educator_of)
rules.add_perm("pathways.comment_goal", learner_self | guardian_of | educator_of | counselor_of)
rules.add_perm("pathways.check_in_goal", educator_of | counselor_of)
rules.add_perm("pathways.edit_plan", learner_self | educator_of)
rules.add_perm("pathways.agree_plan", learner_self | educator_of)
rules.add_perm("pathways.view_catalog", rules.is_authenticated)
rules.add_perm("pathways.add_experience", curator | is_partner)
rules.add_perm(
    "pathways.change_experience", (curator & curates_where_it_belongs) | (is_partner & offers)
)
