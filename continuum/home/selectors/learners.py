"""The learner's and the guardian's home pages, in the reader's language: the learner's
next plan step, their requests, feedback of the past week and pace to each requirement
(said as the dashboard says it); a guardian's one summary per child and one thing to do
with them this week (as the family view suggests it)."""

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import ClassVar

from django.urls import reverse
from django.utils import timezone
from django.utils.safestring import SafeString
from django.utils.translation import gettext as _

from continuum.dashboard.public import PaceLine, pace_lines
from continuum.evidence.models import Evidence
from continuum.family.public import family_children, help_at_home, requirement_paces_in_words
from continuum.frameworks.models import FrameworkItem
from continuum.frameworks.public import framework_texts
from continuum.learning.models import Proposal
from continuum.learning.public import OPEN_REASSESSMENTS, learner_requests_of
from continuum.pathways.public import PlanRow, plan_next_step
from continuum.people.models import User
from continuum.supports.public import learner_paces

FEEDBACK_DAYS = 7  # "new" feedback: of the past week
RECENT_DECISIONS = timedelta(days=14)  # decided requests stay on the page this long
FEEDBACK_SHOWN = 3


@dataclass(frozen=True)
class RequestLine:
    """One of the learner's reassessment requests or proposals and where it stands."""

    kind: str
    target: FrameworkItem
    state: str
    open: bool
    url: str
    at: datetime


@dataclass(frozen=True)
class LearnerHome:
    template: ClassVar[str] = "home/_learner.html"
    learner: User
    next_step: PlanRow | None
    requests: list[RequestLine]
    feedback: list[Evidence]
    paces: list[PaceLine]

    @property
    def open_requests(self) -> int:
        return sum(line.open for line in self.requests)


def _requests(learner: User, now: datetime) -> list[RequestLine]:
    """Open requests, and those decided in the past two weeks, newest first."""
    reassessments, proposals = learner_requests_of(learner=learner)
    lines = [
        RequestLine(
            _("Reassessment"),
            r.target,
            r.get_status_display(),
            r.status in OPEN_REASSESSMENTS,
            reverse("reassessment_detail", args=[r.pk]),
            r.requested_at,
        )
        for r in reassessments
        if r.status in OPEN_REASSESSMENTS
        or (r.decided_at and r.decided_at >= now - RECENT_DECISIONS)
    ] + [
        RequestLine(
            _("Proposal"),
            p.target,
            p.get_status_display(),
            p.status == Proposal.Status.PROPOSED,
            reverse("proposal_detail", args=[p.pk]),
            p.proposed_at,
        )
        for p in proposals
        if p.status == Proposal.Status.PROPOSED
        or (p.decided_at and p.decided_at >= now - RECENT_DECISIONS)
    ]
    return sorted(lines, key=lambda line: line.at, reverse=True)


def _feedback(learner: User, now: datetime) -> list[Evidence]:
    return list(
        Evidence.objects.filter(
            learner=learner, assessed_at__gte=now - timedelta(days=FEEDBACK_DAYS)
        )
        .exclude(feedback="")
        .select_related("target")
        .order_by("-assessed_at", "-id")
    )


def learner_home(*, user: User, now: datetime) -> LearnerHome:
    return LearnerHome(
        learner=user,
        next_step=plan_next_step(learner=user),
        requests=_requests(user, now),
        feedback=_feedback(user, now),
        paces=pace_lines(
            list(learner_paces(user)),
            today=timezone.localdate(now),
            you=True,
            name=user.first_name or user.display_name,
        ),
    )


@dataclass(frozen=True)
class ChildLine:
    learner: User
    name: str
    paces: list[str]  # pace to each requirement, one sentence each
    this_week: SafeString | str  # the one thing to do with them this week


def _this_week(child: User, name: str) -> SafeString | str:
    """The family view's suggestion for the next step of the child's plan; without a
    plan, the question the family view asks about what comes next."""
    step = plan_next_step(learner=child)
    if step is None:
        return _("Ask %(name)s what they will learn next.") % {"name": name}
    target = step.item.target
    return help_at_home(
        name=name,
        statement=framework_texts([target]).statement(target),
        status=step.status,
    )


@dataclass(frozen=True)
class GuardianHome:
    template: ClassVar[str] = "home/_guardian.html"
    children: list[ChildLine]


def guardian_home(*, user: User, now: datetime) -> GuardianHome:
    lines = []
    for child in family_children(user=user):
        name = child.first_name or child.display_name
        lines.append(
            ChildLine(child, name, requirement_paces_in_words(child, name), _this_week(child, name))
        )
    return GuardianHome(lines)
