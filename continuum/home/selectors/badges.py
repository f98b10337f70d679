"""The navigation's badges: how much waits behind a place, on every page.

At most one query per page, the same whatever the data: an educator's learner requests
waiting (the Requests queue's whole count), a counselor's flagged learners without a
support plan (Supports). Other roles have none (the notifications badge is everyone's).
Counted afresh on each page rather than cached: a badge that still says 8 after the
educator decided the eighth request would be wrong at the very moment it is read.
"""

from dataclasses import dataclass

from django.urls import reverse
from django.utils.translation import gettext as _

from continuum.learning.public import learner_requests_waiting
from continuum.people.models import Role, User
from continuum.people.public import learner_list
from continuum.supports.public import flagged_without_plan


@dataclass(frozen=True)
class Badge:
    url: str  # the navigation entry it sits on
    count: int
    words: str  # read after the count by a screen reader: "8 waiting"


def badges_for(user: User) -> list[Badge]:
    """The user's badges with a count above zero."""
    if user.role == Role.EDUCATOR:
        url, words = reverse("learner_requests"), _("waiting")
        count = learner_requests_waiting(educator=user)
    elif user.role == Role.COUNSELOR:
        url, words = reverse("caseload"), _("flagged without a plan")
        count = flagged_without_plan(learners=learner_list(user=user)).count()
    else:
        return []
    return [Badge(url, count, words)] if count else []
