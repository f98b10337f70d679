"""Who may see insight pages and manage groups.

A section's heatmap and groups: the educators who teach it, the leaders of its school and
the admins of its district (read). Forming, editing and dissolving groups: the section's
educators only. A school's heatmap: its leaders and its district's admins.
"""

import rules

from continuum.people.models import Organization, Section, User
from continuum.people.public import is_district_admin, is_educator, is_leader


@rules.predicate
def teaches_section(user: User, section: Section | None) -> bool:
    return section is not None and section.educators.filter(pk=user.pk).exists()


@rules.predicate
def leads_school(user: User, place: Section | Organization | None) -> bool:
    school_id = place.school_id if isinstance(place, Section) else getattr(place, "pk", None)
    return school_id is not None and user.organization_id == school_id


@rules.predicate
def administers_district(user: User, place: Section | Organization | None) -> bool:
    if place is None or user.organization is None:
        return False
    school = place.school if isinstance(place, Section) else place
    return school.district_pk == user.organization.district_pk


rules.add_perm("insights.use_insights", is_educator | is_leader | is_district_admin)
rules.add_perm(
    "insights.view_section",
    (is_educator & teaches_section)
    | (is_leader & leads_school)
    | (is_district_admin & administers_district),
)
rules.add_perm("insights.manage_groups", is_educator & teaches_section)
rules.add_perm(
    "insights.view_school",
    (is_leader & leads_school) | (is_district_admin & administers_district),
)
