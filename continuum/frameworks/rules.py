"""Who reads and who changes a framework. Districts are tenants (decision 0009).

Everyone signed in reads the frameworks of their own districts, shared ones and
platform-wide ones (no organization). Only the owning district's admins change a
framework or share it; a platform-wide framework is changed by superusers only.
Checked with the object: a framework, or anything inside one (version, item, association).
"""

import rules

from continuum.frameworks.models import Association, Framework, FrameworkItem, FrameworkVersion
from continuum.frameworks.tenancy import district_ids
from continuum.people.public import is_district_admin

FrameworkPart = Framework | FrameworkVersion | FrameworkItem | Association


def framework_of(thing: FrameworkPart) -> Framework:
    if isinstance(thing, Framework):
        return thing
    if isinstance(thing, FrameworkVersion):
        return thing.framework
    return thing.version.framework


@rules.predicate
def sees_framework(user, thing: FrameworkPart | None) -> bool:
    """Without an object (a list page) the selector scopes the rows instead."""
    if thing is None or user.is_superuser:
        return True
    framework = framework_of(thing)
    return (
        framework.organization_id is None
        or framework.shared
        or framework.organization_id in district_ids(user)
    )


@rules.predicate
def owns_framework(user, thing: FrameworkPart | None) -> bool:
    if thing is None:
        return False
    organization_id = framework_of(thing).organization_id
    return organization_id is not None and organization_id in district_ids(user)


rules.add_perm("frameworks.view_framework", rules.is_authenticated & sees_framework)
rules.add_perm(
    "frameworks.change_framework", rules.is_superuser | (is_district_admin & owns_framework)
)
rules.add_perm("frameworks.import_framework", is_district_admin)
