"""Which grading policy applies to a learner: the newest adopted, already effective
version of their school, else of their district, else Continuum's documented default.

The default is true to competency-based grading (docs/mastery.md, "The default and why"):
summative evidence alone determines mastery, through Marzano's power law, so a learner who
shows proficiency after early "not yet" is proficient; formative evidence is shown and
drives feedback and readiness but counts only if the school opts in.
"""

from datetime import date

from django.db.models import Q
from django.utils import timezone

from continuum.evidence.models import GradingPolicyRecord
from continuum.mastery import GradingPolicy, policy_from_dict
from continuum.people.models import Organization

DEFAULT_POLICY = GradingPolicy(version=0, method="power_law", formative_weight=0.0)


def policy_record_for(
    *, organization: Organization | None, on: date | None = None
) -> GradingPolicyRecord | None:
    """The adopted record in force for an organization on a day (today by default): its
    own newest effective version, else its district's; None means the default applies."""
    on = on or timezone.localdate()
    scopes = []
    while organization is not None:
        scopes.append(organization.pk)
        organization = organization.parent
    records = GradingPolicyRecord.objects.filter(
        Q(effective_on__isnull=True) | Q(effective_on__lte=on),
        organization_id__in=scopes,
        state=GradingPolicyRecord.State.ADOPTED,
    )
    by_scope: dict[int, GradingPolicyRecord] = {}
    for record in records.order_by("organization", "-version"):
        by_scope.setdefault(record.organization_id, record)
    for scope in scopes:
        if scope in by_scope:
            return by_scope[scope]
    return None


def policy_for(*, organization: Organization | None) -> GradingPolicy:
    """The policy in force for an organization today (a school inherits its district's)."""
    record = policy_record_for(organization=organization)
    return DEFAULT_POLICY if record is None else policy_from_dict(record.body)
