"""What needs a counselor's, educator's or leader's attention among some learners, counted
for their home pages and navigation: behind pace, flagged without a plan, plans to review.

Each count is one query whatever the number of learners; "behind" and "flag" mean what
the caseload means by them (an active requirement's pace; an open or acknowledged flag).
"""

from dataclasses import dataclass
from datetime import date, timedelta

from django.db.models import Count, Q, QuerySet

from continuum.mastery.pace import PaceStatus
from continuum.people.models import User
from continuum.supports.models import Flag, LearnerPace, SupportPlan
from continuum.supports.selectors.supports import LIVE

REVIEW_AHEAD = timedelta(days=7)  # a plan whose review falls within a week is "due"


@dataclass(frozen=True)
class SupportTodos:
    paced: int  # learners with a computed pace to at least one active requirement
    behind: int  # of those, learners behind pace on at least one
    flagged_without_plan: int  # learners with a live flag and no active support plan
    open_flags: int  # live flags, counted one by one
    reviews_due: int  # active plans whose review date is past or within a week

    @property
    def on_pace_share(self) -> int | None:
        """Whole percent of paced learners behind on nothing; None when no one is paced."""
        if not self.paced:
            return None
        return round(100 * (self.paced - self.behind) / self.paced)


def flagged_without_plan(*, learners: QuerySet[User]) -> QuerySet[User]:
    """The learners among ``learners`` with a live flag and no active support plan."""
    return (
        User.objects.filter(pk__in=learners.values("pk"), flags__state__in=LIVE)
        .exclude(support_plans__status=SupportPlan.Status.ACTIVE)
        .distinct()
    )


def support_todos(*, learners: QuerySet[User], today: date) -> SupportTodos:
    """The counts above for ``learners`` (a user's ``learner_list``): four queries."""
    ids = learners.values("pk")
    paces = LearnerPace.objects.filter(learner__in=ids, requirement__active=True).aggregate(
        paced=Count("learner", distinct=True),
        behind=Count("learner", distinct=True, filter=Q(status=PaceStatus.BEHIND)),
    )
    return SupportTodos(
        paced=paces["paced"],
        behind=paces["behind"],
        flagged_without_plan=flagged_without_plan(learners=learners).count(),
        open_flags=Flag.objects.filter(learner__in=ids, state__in=LIVE).count(),
        reviews_due=SupportPlan.objects.filter(
            learner__in=ids,
            status=SupportPlan.Status.ACTIVE,
            review_on__lte=today + REVIEW_AHEAD,
        ).count(),
    )
