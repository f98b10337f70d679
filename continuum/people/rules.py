"""Object permissions: who may see a learner, and who may run the district.

Least privilege: a learner's data is visible to that learner, their guardians, and staff
with a reason (their sections, their caseload, their school's leaders, their district's
admins, or a partner with a placement). Everything else is denied.
"""

import rules
from django.utils import timezone

from continuum.people.models import Role, User


def _has_role(*roles: str):
    @rules.predicate(name=f"has_role_{'_'.join(roles)}")
    def predicate(user: User) -> bool:
        return bool(user.is_authenticated and user.role in roles)

    return predicate


is_learner = _has_role(Role.LEARNER)
is_guardian = _has_role(Role.GUARDIAN)
is_educator = _has_role(Role.EDUCATOR)
is_counselor = _has_role(Role.COUNSELOR)
is_leader = _has_role(Role.LEADER)
is_district_admin = _has_role(Role.DISTRICT_ADMIN)
is_partner = _has_role(Role.PARTNER)
is_staff_member = _has_role(Role.EDUCATOR, Role.COUNSELOR, Role.LEADER, Role.DISTRICT_ADMIN)


@rules.predicate
def is_self(user: User, learner: User | None) -> bool:
    return learner is not None and user.pk == learner.pk


@rules.predicate
def guards(user: User, learner: User | None) -> bool:
    return learner is not None and user.guarded_links.filter(learner=learner).exists()


@rules.predicate
def teaches(user: User, learner: User | None) -> bool:
    return learner is not None and learner.enrollments.filter(section__educators=user).exists()


@rules.predicate
def counsels(user: User, learner: User | None) -> bool:
    return learner is not None and user.caseload.filter(learner=learner).exists()


@rules.predicate
def leads_school_of(user: User, learner: User | None) -> bool:
    return (
        learner is not None
        and learner.organization_id is not None
        and user.organization_id == learner.organization_id
    )


@rules.predicate
def administers_district_of(user: User, learner: User | None) -> bool:
    if learner is None or learner.organization is None or user.organization is None:
        return False
    return learner.organization.district_pk == user.organization.district_pk


@rules.predicate
def hosts_placement_of(user: User, learner: User | None) -> bool:
    today = timezone.localdate()
    return (
        learner is not None
        and user.placements.filter(
            learner=learner, starts_on__lte=today, ends_on__gte=today
        ).exists()
    )


# The whole learner (family view, report cards, transcript): the learner, their guardians
# and the staff with a reason. Partners see only their placement's targets, so not this.
can_view_whole_learner = (
    (is_learner & is_self)
    | (is_guardian & guards)
    | (is_educator & teaches)
    | (is_counselor & counsels)
    | (is_leader & leads_school_of)
    | (is_district_admin & administers_district_of)
)
can_view_learner = can_view_whole_learner | (is_partner & hosts_placement_of)

rules.add_perm("people.view_learner", can_view_learner)
rules.add_perm("people.view_section", is_educator | is_leader | is_district_admin)
