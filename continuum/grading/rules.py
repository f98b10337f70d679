"""Who owns a grading policy: a district's admins own its default and its schools'
overrides; a school's leaders own their school's override."""

from continuum.people.models import Organization, Role, User


def can_edit_policy(user: User, organization: Organization) -> bool:
    if user.role == Role.DISTRICT_ADMIN and user.organization_id is not None:
        return user.organization_id in (organization.pk, organization.parent_id)
    if user.role == Role.LEADER:
        return user.organization_id == organization.pk
    return False
