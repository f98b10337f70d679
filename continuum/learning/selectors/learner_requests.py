"""What learners are waiting on from an educator: reassessment requests, proposals and
portfolio work, for learners in the educator's sections only."""

from dataclasses import dataclass

from django.db.models import QuerySet

from continuum.evidence.models import Artifact
from continuum.learning.models import Proposal, Reassessment
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
