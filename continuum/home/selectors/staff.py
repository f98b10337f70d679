"""The staff's home pages: what waits on an educator, a counselor, a school leader, a
district admin and a community partner today, each count linked to the page that clears
it. Every read is scoped by ``people.public.learner_list`` (or the user's own district)
and costs a fixed number of queries whatever the number of learners."""

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import ClassVar

from django.db.models import Count
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import ngettext

from continuum.evidence.models import Estimate, EstimateStatus
from continuum.home.selectors.todos import Todo
from continuum.learning.public import learner_request_counts
from continuum.lti.models import LaunchOutcome, LaunchRecord
from continuum.people.models import Organization, Placement, Section, User
from continuum.people.public import learner_list, school_list, section_list
from continuum.rostering.models import RosterImport
from continuum.supports.public import SupportTodos, support_todos

RECENT_LAUNCHES = timedelta(days=7)
RECENT_IMPORTS = timedelta(days=30)


def _flagged_todo(todos: SupportTodos) -> Todo:
    n = todos.flagged_without_plan
    return Todo(
        n,
        ngettext(
            "%(n)d flagged learner without a support plan",
            "%(n)d flagged learners without a support plan",
            n,
        )
        % {"n": n},
        reverse("caseload"),
    )


def _support_todos(todos: SupportTodos) -> list[Todo]:
    """Behind pace, flagged without a plan, reviews due: the caseload clears each."""
    caseload = reverse("caseload")
    behind = Todo(
        todos.behind,
        ngettext("%(n)d learner behind pace", "%(n)d learners behind pace", todos.behind)
        % {"n": todos.behind},
        caseload,
    )
    reviews = Todo(
        todos.reviews_due,
        ngettext(
            "%(n)d support plan to review this week",
            "%(n)d support plans to review this week",
            todos.reviews_due,
        )
        % {"n": todos.reviews_due},
        caseload,
    )
    return [behind, _flagged_todo(todos), reviews]


@dataclass(frozen=True)
class EducatorHome:
    template: ClassVar[str] = "home/_educator.html"
    todos: list[Todo]
    scheduled: list[Todo]
    sections: list[Section]


def educator_home(*, user: User, now: datetime) -> EducatorHome:
    today = timezone.localdate(now)
    counts = learner_request_counts(educator=user, today=today)
    supports = support_todos(learners=learner_list(user=user), today=today)
    queue = reverse("learner_requests")
    todos = [
        Todo(
            counts.to_decide,
            ngettext(
                "%(n)d reassessment request to approve or decline",
                "%(n)d reassessment requests to approve or decline",
                counts.to_decide,
            )
            % {"n": counts.to_decide},
            queue,
        ),
        Todo(
            counts.proposals,
            ngettext("%(n)d proposal to review", "%(n)d proposals to review", counts.proposals)
            % {"n": counts.proposals},
            queue,
        ),
        Todo(
            counts.artifacts,
            ngettext(
                "%(n)d piece of portfolio work to review",
                "%(n)d pieces of portfolio work to review",
                counts.artifacts,
            )
            % {"n": counts.artifacts},
            queue,
        ),
        _flagged_todo(supports),  # pace and plan reviews are the counselor's
    ]
    scheduled = [
        Todo(
            counts.scheduled_today,
            ngettext(
                "%(n)d reassessment scheduled today",
                "%(n)d reassessments scheduled today",
                counts.scheduled_today,
            )
            % {"n": counts.scheduled_today},
            queue,
        ),
        Todo(
            counts.scheduled_this_week,
            ngettext(
                "%(n)d reassessment scheduled in the next 7 days",
                "%(n)d reassessments scheduled in the next 7 days",
                counts.scheduled_this_week,
            )
            % {"n": counts.scheduled_this_week},
            queue,
        ),
    ]
    return EducatorHome(todos, scheduled, list(section_list(user=user)))


@dataclass(frozen=True)
class CounselorHome:
    template: ClassVar[str] = "home/_counselor.html"
    todos: list[Todo]
    learners: int


def counselor_home(*, user: User, now: datetime) -> CounselorHome:
    learners = learner_list(user=user)
    todos = support_todos(learners=learners, today=timezone.localdate(now))
    return CounselorHome(_support_todos(todos), learners.count())


@dataclass(frozen=True)
class LeaderHome:
    template: ClassVar[str] = "home/_leader.html"
    school: Organization | None
    learners: int
    statuses: list[tuple[EstimateStatus, int]]
    supports: SupportTodos
    todos: list[Todo] = field(default_factory=list)


def leader_home(*, user: User, now: datetime) -> LeaderHome:
    """The school at a glance: its learners' estimates by shown status, the share on pace,
    open flags; the heatmaps and the caseload hold the detail."""
    learners = learner_list(user=user)
    found = dict(
        Estimate.objects.filter(learner__in=learners.values("pk"))
        .with_shown()
        .values_list("shown")
        .annotate(n=Count("pk"))
    )
    supports = support_todos(learners=learners, today=timezone.localdate(now))
    open_flags = Todo(
        supports.open_flags,
        ngettext("%(n)d open flag", "%(n)d open flags", supports.open_flags)
        % {"n": supports.open_flags},
        reverse("caseload"),
    )
    org = user.organization
    school = org if org is not None and org.kind == Organization.Kind.SCHOOL else None
    return LeaderHome(
        school=school,
        learners=learners.count(),
        statuses=[(status, found.get(status.value, 0)) for status in EstimateStatus],
        supports=supports,
        todos=[open_flags, *_support_todos(supports)],
    )


@dataclass(frozen=True)
class AdminHome:
    template: ClassVar[str] = "home/_admin.html"
    todos: list[Todo]
    last_import: RosterImport | None
    schools: list[Organization]


def admin_home(*, user: User, now: datetime) -> AdminHome:
    """The district's health: the latest roster import, imports that failed or were
    refused this month, LTI launches refused this week; its schools."""
    district_id = user.organization.district_pk if user.organization else None
    imports = RosterImport.objects.filter(district_id=district_id)
    failed = imports.filter(
        state__in=[RosterImport.State.FAILED, RosterImport.State.REFUSED],
        created_at__gte=now - RECENT_IMPORTS,
    ).count()
    refused = (
        LaunchRecord.objects.filter(
            platform__district_id=district_id, at__gte=now - RECENT_LAUNCHES
        )
        .exclude(outcome=LaunchOutcome.LANDED)
        .count()
    )
    todos = [
        Todo(
            failed,
            ngettext(
                "%(n)d roster import failed or refused in the last 30 days",
                "%(n)d roster imports failed or refused in the last 30 days",
                failed,
            )
            % {"n": failed},
            reverse("rostering_home"),
        ),
        Todo(
            refused,
            ngettext(
                "%(n)d LMS launch refused in the last 7 days",
                "%(n)d LMS launches refused in the last 7 days",
                refused,
            )
            % {"n": refused},
            reverse("lti_platforms"),
        ),
    ]
    return AdminHome(todos, imports.first(), list(school_list(user=user)))


@dataclass(frozen=True)
class PartnerHome:
    template: ClassVar[str] = "home/_partner.html"
    placements: list[Placement]
    today: date


def partner_home(*, user: User, now: datetime) -> PartnerHome:
    """The partner's placements running now or still to come, soonest first."""
    today = timezone.localdate(now)
    placements = (
        Placement.objects.filter(partner=user, ends_on__gte=today)
        .select_related("learner")
        .order_by("starts_on", "pk")
    )
    return PartnerHome(list(placements), today)
