"""Which grading policy applies to a learner: the newest of their school, else of their
district, else Continuum's documented default.

The default is true to competency-based grading (docs/mastery.md, "The default and why"):
summative evidence alone determines mastery, through Marzano's power law, so a learner who
shows proficiency after early "not yet" is proficient; formative evidence is shown and
drives feedback and readiness but counts only if the school opts in.
"""

from continuum.evidence.models import GradingPolicyRecord
from continuum.mastery import GradingPolicy, policy_from_dict
from continuum.people.models import Organization

DEFAULT_POLICY = GradingPolicy(version=0, method="power_law", formative_weight=0.0)


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
