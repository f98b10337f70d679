"""Reads about requirements: who each applies to (said once: every list of a learner's
requirements, pace and awards ask here), the editor's lists, and learners' elections.

Who a requirement applies to follows from its kind:

- graduation: every learner of the requirement's school (or of every school in its
  district, for a district requirement);
- course credit: the learners enrolled in one of its sections;
- a certificate or pathway: the learners who elected it and whose election a counselor
  or leader confirmed.

A retired requirement applies to no one.
"""

from dataclasses import dataclass

from django.db.models import Q, QuerySet

from continuum.frameworks.models import FrameworkItem, ItemKind
from continuum.frameworks.public import TARGET_ORDER, framework_visible
from continuum.people.models import Enrollment, Organization, Role, Section, User
from continuum.supports.models import Requirement, RequirementElection


def _in_scope(requirement: Requirement) -> Q:
    """Learners of the requirement's organization: the school, or the district's schools.
    The schools are read first, so the learners' query is one indexed IN: PostgreSQL
    planned the OR across a join with the learners' subqueries at seconds a requirement
    when its statistics lagged behind a big insert (the demo school, a roster import)."""
    org = requirement.organization_id
    schools = Organization.objects.filter(Q(pk=org) | Q(parent_id=org)).values_list("pk", flat=True)
    return Q(organization_id__in=list(schools))


def requirement_learners(requirement: Requirement) -> QuerySet[User]:
    """The learners the requirement applies to."""
    if not requirement.active:
        return User.objects.none()
    learners = User.objects.filter(_in_scope(requirement), role=Role.LEARNER)
    if requirement.kind == Requirement.Kind.COURSE_CREDIT:
        sections = requirement.sections.values("pk")
        return learners.filter(
            pk__in=Enrollment.objects.filter(section__in=sections).values("learner_id")
        )
    if requirement.elected:
        confirmed = RequirementElection.objects.filter(
            requirement=requirement, state=RequirementElection.State.CONFIRMED
        ).values("learner_id")
        return learners.filter(pk__in=confirmed)
    return learners


def school_requirements(learner: User) -> QuerySet[Requirement]:
    """The active requirements of the learner's school and of its district."""
    school = learner.organization
    if learner.role != Role.LEARNER or school is None:
        return Requirement.objects.none()
    scope = Q(organization_id=school.pk)
    if school.parent_id:
        scope |= Q(organization_id=school.parent_id)
    return Requirement.objects.filter(scope, active=True)


def applying_to(learner: User) -> QuerySet[Requirement]:
    """The active requirements of the learner's school and district that apply to them."""
    confirmed = RequirementElection.objects.filter(
        learner=learner, state=RequirementElection.State.CONFIRMED
    ).values("requirement_id")
    enrolled = Requirement.objects.filter(sections__enrollments__learner=learner).values("pk")
    return school_requirements(learner).filter(
        Q(kind=Requirement.Kind.GRADUATION)
        | Q(kind=Requirement.Kind.COURSE_CREDIT, pk__in=enrolled)
        | Q(kind__in=Requirement.ELECTED_KINDS, pk__in=confirmed)
    )


def requirements_applying_to(learner: User) -> list[Requirement]:
    """The requirements that apply to the learner, soonest due first."""
    return list(applying_to(learner))


def requirement_applies_to(requirement: Requirement, learner: User) -> bool:
    return applying_to(learner).filter(pk=requirement.pk).exists()


def requirement_list(user: User) -> QuerySet[Requirement]:
    """The requirements a leader (their school's) or district admin (their district's and
    its schools') may edit, retired ones last."""
    if user.role == Role.LEADER and user.organization_id:
        scope = Q(organization_id=user.organization_id)
    elif user.role == Role.DISTRICT_ADMIN and user.organization_id:
        scope = Q(organization_id=user.organization_id) | Q(
            organization__parent_id=user.organization_id
        )
    else:
        return Requirement.objects.none()
    return (
        Requirement.objects.filter(scope)
        .select_related("organization")
        .prefetch_related("competencies", "sections")
        .order_by("-active", "organization__name", "due_on", "title")
    )


def requirement_schools(user: User) -> QuerySet[Organization]:
    """The schools a person may add requirements to."""
    if user.role == Role.LEADER and user.organization_id:
        return Organization.objects.filter(pk=user.organization_id, kind=Organization.Kind.SCHOOL)
    if user.role == Role.DISTRICT_ADMIN and user.organization_id:
        return Organization.objects.filter(
            parent_id=user.organization_id, kind=Organization.Kind.SCHOOL
        ).order_by("name")
    return Organization.objects.none()


def requirement_items(user: User) -> QuerySet[FrameworkItem]:
    """The competencies and targets a requirement may name: those of the frameworks the
    person may read, in the one target order."""
    return (
        FrameworkItem.objects.filter(
            kind__in=[ItemKind.COMPETENCY, ItemKind.TARGET],
            version__framework__in=framework_visible(user=user),
        )
        .select_related("version__framework")
        .order_by(*TARGET_ORDER)
    )


def requirement_sections(schools: QuerySet[Organization]) -> QuerySet[Section]:
    return (
        Section.objects.filter(school__in=schools)
        .select_related("school")
        .order_by("school__name", "title")
    )


def pending_elections(user: User) -> QuerySet[RequirementElection]:
    """Elections waiting for this person's decision: a counselor's caseload learners', a
    leader's school's."""
    waiting = RequirementElection.objects.filter(
        state=RequirementElection.State.ELECTED
    ).select_related("learner", "requirement")
    if user.role == Role.COUNSELOR:
        return waiting.filter(learner__counselors__counselor=user)
    if user.role == Role.LEADER and user.organization_id:
        return waiting.filter(learner__organization_id=user.organization_id)
    return RequirementElection.objects.none()


def learner_elections(learner: User) -> QuerySet[RequirementElection]:
    return RequirementElection.objects.filter(learner=learner).select_related(
        "requirement", "decided_by"
    )


@dataclass
class Offer:
    """A certificate or pathway on offer to a learner, with their latest election of it."""

    requirement: Requirement
    election: RequirementElection | None

    @property
    def can_elect(self) -> bool:
        return self.election is None or not self.election.live


def requirements_on_offer(learner: User) -> QuerySet[Requirement]:
    """The active certificates and pathways of the learner's school and district."""
    return school_requirements(learner).filter(kind__in=Requirement.ELECTED_KINDS)


def offers(learner: User) -> list[Offer]:
    """What the learner may elect, each with their latest election of it."""
    latest: dict[int, RequirementElection] = {}
    for election in learner_elections(learner).order_by("elected_at", "id"):
        latest[election.requirement_id] = election
    return [
        Offer(requirement, latest.get(requirement.pk))
        for requirement in requirements_on_offer(learner)
    ]
