"""What learners are waiting on from an educator: reassessment requests, proposals and
portfolio work, for learners in the educator's sections only; and their counts, for the
educator's home page and navigation badge."""

from dataclasses import dataclass
from datetime import date, timedelta

from django.db.models import Count, Q, QuerySet

from continuum.evidence.models import Artifact
from continuum.learning.models import Proposal, Reassessment
from continuum.learning.selectors.progress import OPEN
from continuum.people.models import User


@dataclass(frozen=True)
class LearnerRequests:
    to_decide: list[Reassessment]
    to_reassess: list[Reassessment]
    proposals: list[Proposal]
    artifacts: list[Artifact]

    @property
    def count(self) -> int:
        return (
            len(self.to_decide) + len(self.to_reassess) + len(self.proposals) + len(self.artifacts)
        )


def _taught(queryset: QuerySet, educator: User) -> QuerySet:
    taught = User.objects.filter(enrollments__section__educators=educator)
    return queryset.filter(learner__in=taught).select_related("learner", "target")


def learner_requests(*, educator: User) -> LearnerRequests:
    """Pending requests of the educator's learners, oldest first (first come, first served)."""
    reassessments = _taught(Reassessment.objects.all(), educator).order_by("requested_at", "id")
    status = Reassessment.Status
    return LearnerRequests(
        to_decide=list(reassessments.filter(status=status.REQUESTED)),
        to_reassess=list(
            reassessments.filter(status=status.SCHEDULED).order_by("scheduled_for", "id")
        ),
        proposals=list(
            _taught(Proposal.objects.filter(status=Proposal.Status.PROPOSED), educator).order_by(
                "proposed_at", "id"
            )
        ),
        artifacts=list(
            Artifact.objects.filter(
                status=Artifact.Status.SUBMITTED,
                learner__in=User.objects.filter(enrollments__section__educators=educator),
            )
            .select_related("learner")
            .prefetch_related("targets")
            .order_by("uploaded_at", "id")
        ),
    )


def _waiting_querysets(educator: User) -> tuple[QuerySet, QuerySet, QuerySet]:
    """The rows of the queue above, unloaded: open reassessments, proposals, portfolio work."""
    taught = User.objects.filter(enrollments__section__educators=educator)
    return (
        Reassessment.objects.filter(learner__in=taught, status__in=OPEN),
        Proposal.objects.filter(learner__in=taught, status=Proposal.Status.PROPOSED),
        Artifact.objects.filter(learner__in=taught, status=Artifact.Status.SUBMITTED),
    )


@dataclass(frozen=True)
class RequestCounts:
    """How many of each kind of request wait on an educator, for their home page."""

    to_decide: int  # reassessments asked for, not yet approved or declined
    to_reassess: int  # approved and scheduled, not yet reassessed
    scheduled_today: int
    scheduled_this_week: int  # today and the six days after
    proposals: int
    artifacts: int

    @property
    def waiting(self) -> int:
        """The queue's whole count, as ``LearnerRequests.count`` gives it."""
        return self.to_decide + self.to_reassess + self.proposals + self.artifacts


def learner_request_counts(*, educator: User, today: date) -> RequestCounts:
    """The counts of ``learner_requests`` without loading a row: three queries."""
    reassessments, proposals, artifacts = _waiting_querysets(educator)
    status = Reassessment.Status
    scheduled = Q(status=status.SCHEDULED)
    counts = reassessments.aggregate(
        to_decide=Count("pk", filter=Q(status=status.REQUESTED)),
        to_reassess=Count("pk", filter=scheduled),
        today=Count("pk", filter=scheduled & Q(scheduled_for__date=today)),
        week=Count(
            "pk",
            filter=scheduled & Q(scheduled_for__date__range=(today, today + timedelta(days=6))),
        ),
    )
    return RequestCounts(
        to_decide=counts["to_decide"],
        to_reassess=counts["to_reassess"],
        scheduled_today=counts["today"],
        scheduled_this_week=counts["week"],
        proposals=proposals.count(),
        artifacts=artifacts.count(),
    )


def learner_requests_waiting(*, educator: User) -> int:
    """The queue's whole count in one query, for the navigation badge on every page."""
    reassessments, proposals, artifacts = _waiting_querysets(educator)
    return (
        reassessments.values_list("pk")
        .union(proposals.values_list("pk"), artifacts.values_list("pk"), all=True)
        .count()
    )
