"""Reads for the LTI pages: a district's platforms, linked courses and launch log."""

from django.db.models import QuerySet
from lti_tool.models import Key

from continuum.lti.models import CourseLink, LaunchRecord, Platform
from continuum.people.models import Organization, User
from continuum.people.public import is_district_admin


def platform_list(*, district: Organization) -> QuerySet[Platform]:
    return Platform.objects.filter(district=district).select_related("registration")


def platform_get(*, district: Organization, platform_id: int) -> Platform | None:
    return platform_list(district=district).filter(pk=platform_id).first()


def course_link_list(*, platform: Platform) -> QuerySet[CourseLink]:
    return (
        CourseLink.objects.filter(context__deployment__registration=platform.registration_id)
        .select_related("context", "section", "section__school")
        .order_by("section__title")
    )


def course_link_get(*, link_id: int, user: User) -> CourseLink | None:
    """A course link the user may work on: one of the section's educators, or an admin of
    the platform's district."""
    link = (
        CourseLink.objects.select_related(
            "context__deployment__registration__continuum_platform", "section__school"
        )
        .filter(pk=link_id)
        .first()
    )
    if link is None:
        return None
    platform = link.context.deployment.registration.continuum_platform
    admin = is_district_admin(user) and user.organization_id == platform.district_id
    if admin or link.section.educators.filter(pk=user.pk).exists():
        return link
    return None


def launch_list(*, platform: Platform, limit: int = 50) -> list[LaunchRecord]:
    return list(platform.launches.select_related("person")[:limit])


def public_key_set() -> dict:
    """The tool's published keys (JWKS): the current signing key and those in their grace."""
    return Key.objects.as_jwks()
