"""Reads about people, each scoped to what the asking user may see."""

from django.db.models import Count, Q, QuerySet
from django.utils import timezone

from continuum.people.models import Organization, Role, Section, User


def section_list(*, user: User) -> QuerySet[Section]:
    """Sections the user works with: taught (educator), in their school (leader), or in
    their district (district admin). Other roles get none."""
    sections = Section.objects.select_related("school").annotate(
        learner_count=Count("enrollments", distinct=True)
    )
    if user.role == Role.EDUCATOR:
        return sections.filter(educators=user)
    if user.role == Role.LEADER and user.organization_id is not None:
        return sections.filter(school_id=user.organization_id)
    if user.role == Role.DISTRICT_ADMIN and user.organization is not None:
        district = user.organization.district
        return sections.filter(Q(school=district) | Q(school__parent=district))
    return sections.none()


def learner_list(*, user: User) -> QuerySet[User]:
    """Every learner the user has a reason to see (the same relationships as rules.py)."""
    learners = (
        User.objects.filter(role=Role.LEARNER)
        .select_related("organization")
        .order_by("last_name", "first_name")
    )
    match user.role:
        case Role.LEARNER:
            return learners.filter(pk=user.pk)
        case Role.GUARDIAN:
            return learners.filter(guardian_links__guardian=user)
        case Role.EDUCATOR:
            return learners.filter(enrollments__section__educators=user).distinct()
        case Role.COUNSELOR:
            return learners.filter(counselors__counselor=user)
        case Role.LEADER if user.organization_id is not None:
            return learners.filter(organization_id=user.organization_id)
        case Role.DISTRICT_ADMIN if user.organization is not None:
            district = user.organization.district
            return learners.filter(Q(organization=district) | Q(organization__parent=district))
        case Role.PARTNER:  # only while the placement runs, as in rules.hosts_placement_of
            today = timezone.localdate()
            return learners.filter(
                placements_as_learner__partner=user,
                placements_as_learner__starts_on__lte=today,
                placements_as_learner__ends_on__gte=today,
            ).distinct()
    return learners.none()


def learner_list_matching(*, user: User, name: str) -> QuerySet[User]:
    """The learners of ``learner_list`` whose first, last or user name contains every word of
    ``name`` (all of them when it is blank): a long list of learners, filtered."""
    learners = learner_list(user=user)
    for word in name.split():
        learners = learners.filter(
            Q(first_name__icontains=word)
            | Q(last_name__icontains=word)
            | Q(username__icontains=word)
        )
    return learners


def section_get(*, user: User, section_id: int) -> Section:
    """A section the user may see, with its roster; raises Section.DoesNotExist otherwise."""
    return section_list(user=user).prefetch_related("educators").get(pk=section_id)


def roster(*, section: Section) -> QuerySet[User]:
    return section.learners.order_by("last_name", "first_name")


def school_list(*, user: User) -> QuerySet[Organization]:
    schools = Organization.objects.filter(kind=Organization.Kind.SCHOOL)
    if user.organization is None:
        return schools.none()
    district = user.organization.district
    return schools.filter(parent=district)
