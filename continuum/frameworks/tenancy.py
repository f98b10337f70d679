"""Districts are tenants: which districts a person belongs to, for scoping reads and edits.

Staff, learners and district admins belong to their own organization's district. A guardian
also belongs to the districts of the children they are linked to, and a community partner
(who has no organization) to the districts of the learners placed with them. Everything
a district owns (frameworks, CASE imports, catalog experiences) is scoped by this set.
"""

from django.db.models import Q, QuerySet

from continuum.people.models import Organization, Role, User

_CACHE = "_continuum_district_ids"


def district_queryset(user: User) -> QuerySet[Organization]:
    """The user's districts as a lazy queryset: inside a filter it becomes a subquery, so
    scoping a list costs no query of its own."""
    if not user.is_authenticated:
        return Organization.objects.none()
    homes = Q(pk=user.organization_id) if user.organization_id else Q(pk__in=[])
    if user.role == Role.GUARDIAN:
        homes |= Q(people__guardian_links__guardian=user)
    if user.role == Role.PARTNER:
        homes |= Q(people__placements_as_learner__partner=user)
    home = Organization.objects.filter(homes).values("pk")
    # A school's district is its parent; a district (or a school with no parent) is its own.
    return Organization.objects.filter(
        Q(pk__in=home, parent__isnull=True) | Q(children__in=home)
    ).distinct()


def district_ids(user: User) -> frozenset[int]:
    """The ids of the districts ``user`` belongs to (empty when signed out).

    Remembered on the user object: rules ask several times per request.
    """
    cached = getattr(user, _CACHE, None)
    if cached is None:
        cached = frozenset(district_queryset(user).values_list("pk", flat=True))
        setattr(user, _CACHE, cached)
    return cached


def in_districts(user: User, field: str) -> Q:
    """Rows whose ``field`` (an organization: a district or one of its schools) lies in one
    of the user's districts."""
    districts = district_queryset(user).values("pk")
    return Q(**{f"{field}__in": districts}) | Q(**{f"{field}__parent__in": districts})
