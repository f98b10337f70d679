"""What each role's home page shows: ``staff`` (educator, counselor, leader, district
admin, partner), ``learners`` (learner and guardian) and ``badges`` (the navigation's
counts). ``home_get`` picks the reader's page by role."""

from collections.abc import Callable
from datetime import datetime

from continuum.home.selectors.badges import Badge, badges_for
from continuum.home.selectors.learners import (
    GuardianHome,
    LearnerHome,
    guardian_home,
    learner_home,
)
from continuum.home.selectors.staff import (
    AdminHome,
    CounselorHome,
    EducatorHome,
    LeaderHome,
    PartnerHome,
    admin_home,
    counselor_home,
    educator_home,
    leader_home,
    partner_home,
)
from continuum.home.selectors.todos import Todo
from continuum.people.models import Role, User

HomePage = (
    LearnerHome | GuardianHome | EducatorHome | CounselorHome | LeaderHome | AdminHome | PartnerHome
)
_BY_ROLE: dict[str, Callable[..., HomePage]] = {
    Role.LEARNER: learner_home,
    Role.GUARDIAN: guardian_home,
    Role.EDUCATOR: educator_home,
    Role.COUNSELOR: counselor_home,
    Role.LEADER: leader_home,
    Role.DISTRICT_ADMIN: admin_home,
    Role.PARTNER: partner_home,
}


def home_get(*, user: User, now: datetime) -> HomePage:
    """The user's home page: its template and what it shows, scoped to the people and
    objects the user may see (an unknown role gets the partner's empty page)."""
    return _BY_ROLE.get(user.role, partner_home)(user=user, now=now)


__all__ = ["Badge", "HomePage", "Todo", "badges_for", "home_get"]
