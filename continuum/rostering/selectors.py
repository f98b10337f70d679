"""Reads for the rostering pages, scoped to the asking admin's own district."""

from django.db.models import QuerySet

from continuum.people.models import Organization, Role, User
from continuum.rostering.models import RosterImport


def roster_district_get(*, user: User) -> Organization | None:
    """The district a district admin imports into: their own, and no other."""
    if user.role != Role.DISTRICT_ADMIN or user.organization is None:
        return None
    return user.organization.district


def roster_import_list(*, user: User) -> QuerySet[RosterImport]:
    district = roster_district_get(user=user)
    if district is None:
        return RosterImport.objects.none()
    return RosterImport.objects.filter(district=district).select_related("by").defer("package")


def roster_import_get(*, user: User, import_id: int) -> RosterImport | None:
    return roster_import_list(user=user).filter(pk=import_id).first()
