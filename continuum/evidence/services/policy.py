"""Which grading policy applies to a learner: the newest of their school, else of their
district, else Continuum's documented default (decaying average, w = 0.65)."""

from continuum.evidence.models import GradingPolicyRecord
from continuum.mastery import GradingPolicy, policy_from_dict
from continuum.people.models import Organization

DEFAULT_POLICY = GradingPolicy(version=0, method="decaying_average", parameters={"w": 0.65})


def policy_for(*, organization: Organization | None) -> GradingPolicy:
    """The policy in force for an organization (a school inherits its district's)."""
    scopes = []
    while organization is not None:
        scopes.append(organization.pk)
        organization = organization.parent
    records = GradingPolicyRecord.objects.filter(organization_id__in=scopes)
    by_scope: dict[int, GradingPolicyRecord] = {}
    for record in records.order_by("organization", "-version"):
        by_scope.setdefault(record.organization_id, record)
    for scope in scopes:
        if scope in by_scope:
            return policy_from_dict(by_scope[scope].body)
    return DEFAULT_POLICY
