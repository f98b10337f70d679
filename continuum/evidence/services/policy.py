"""Which grading policy applies to a learner's estimate on a target.

A policy's scope is an organization (a district or a school) and, optionally, one
framework. The narrowest scope wins: the school's policy for the target's framework, else
the school's, else the district's for the framework, else the district's, else
Continuum's documented default. Within a scope the newest adopted version already in
effect applies. A framework scope is how a school grades one course differently (an
estimate belongs to a learner and a target, and a target to one framework, so a course
taught from its own framework gets its own policy without two estimates of one target).

The default is true to competency-based grading (docs/mastery.md, "The default and why"):
summative evidence alone determines mastery, through Marzano's power law, so a learner who
shows proficiency after early "not yet" is proficient; formative evidence is shown and
drives feedback and readiness but counts only if the school opts in.
"""

import math
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from django.db.models import Q
from django.utils import timezone

from continuum.evidence.models import GradingPolicyRecord
from continuum.frameworks.models import FrameworkItem
from continuum.mastery import GradingPolicy, policy_from_dict
from continuum.people.models import Organization

DEFAULT_POLICY = GradingPolicy(version=0, method="power_law", formative_weight=0.0)

PolicyKey = tuple[int | None, int | None]  # (school id, framework id or None: every other)


@dataclass(frozen=True)
class Proposal:
    """A policy considered as if adopted: by ``organization`` (None: by each learner's own
    school) for ``framework`` (None: every framework). A replay compares it with what is
    in force."""

    policy: GradingPolicy
    organization: int | None = None
    framework: int | None = None


@dataclass(frozen=True)
class _Candidate:
    organization: int
    framework: int | None
    version: float  # a proposal is newer than every version
    policy: GradingPolicy
    record: GradingPolicyRecord | None


def _resolve(
    candidates: list[_Candidate], chain: list[int], framework: int | None
) -> _Candidate | None:
    """The newest candidate of the narrowest scope along ``chain`` (school, district)."""
    for organization in chain:
        for scope in (framework, None) if framework is not None else (None,):
            found = [
                c for c in candidates if c.organization == organization and c.framework == scope
            ]
            if found:
                return max(found, key=lambda c: c.version)
    return None


def _chains(organizations: Iterable[int | None]) -> dict[int | None, list[int]]:
    """Each organization followed by its ancestors (a school, then its district)."""
    organizations = list(organizations)
    parent: dict[int, int | None] = {}
    pending = {pk for pk in organizations if pk is not None}
    while pending:  # two levels a query: a school's district and the district's parent
        found = Organization.objects.filter(pk__in=pending).values_list(
            "pk", "parent_id", "parent__parent_id"
        )
        for pk, up, upper in found:
            parent[pk] = up
            if up is not None:
                parent[up] = upper
        pending = {p for p in parent.values() if p is not None and p not in parent}
    chains: dict[int | None, list[int]] = {None: []}
    for start in organizations:
        chain, at = [], start
        while at is not None and at in parent and at not in chain:
            chain.append(at)
            at = parent[at]
        chains[start] = chain
    return chains


def _candidates(organizations: set[int], on: date) -> list[_Candidate]:
    records = GradingPolicyRecord.objects.filter(
        Q(effective_on__isnull=True) | Q(effective_on__lte=on),
        organization_id__in=organizations,
        state=GradingPolicyRecord.State.ADOPTED,
    )
    return [
        _Candidate(r.organization_id, r.framework_id, r.version or 0, policy_from_dict(r.body), r)
        for r in records
    ]


def policy_record_for(
    *, organization: Organization | None, framework_id: int | None = None, on: date | None = None
) -> GradingPolicyRecord | None:
    """The adopted record in force for an organization (and a framework's targets) on a day
    (today by default); None means the default applies."""
    if organization is None:
        return None
    chain = _chains([organization.pk])[organization.pk]
    found = _resolve(_candidates(set(chain), on or timezone.localdate()), chain, framework_id)
    return None if found is None else found.record


def policy_for(
    *, organization: Organization | None, framework_id: int | None = None
) -> GradingPolicy:
    """The policy in force today for an organization's estimates on a framework's targets
    (a school inherits its district's; framework None: the policy for every framework)."""
    record = policy_record_for(organization=organization, framework_id=framework_id)
    return DEFAULT_POLICY if record is None else policy_from_dict(record.body)


@dataclass(frozen=True)
class PolicyBook:
    """The policies in force for some schools' learners, for the batch paths (recompute and
    replay), read in a few queries whatever the number of schools. ``framework_of`` maps the
    targets of frameworks that have a policy of their own somewhere in these schools'
    scopes; every other target follows its school's policy for every framework."""

    by_key: dict[PolicyKey, GradingPolicy]
    framework_of: dict[int, int]

    def key(self, school: int | None, target: int) -> PolicyKey:
        return (school, self.framework_of.get(target))

    def __getitem__(self, key: PolicyKey) -> GradingPolicy:
        return self.by_key.get(key) or self.by_key[(key[0], None)]


def policy_book(
    schools: Iterable[int | None], *, on: date | None = None, proposal: Proposal | None = None
) -> PolicyBook:
    """The policies in force for these schools on a day (today by default), or, with a
    proposal, the policies that would be in force were it adopted."""
    schools = set(schools)
    chains = _chains(schools)
    in_scope = {pk for chain in chains.values() for pk in chain}
    candidates = _candidates(in_scope, on or timezone.localdate())
    if proposal is not None:
        adopters = [proposal.organization] if proposal.organization is not None else schools
        candidates += [
            _Candidate(pk, proposal.framework, math.inf, proposal.policy, None)
            for pk in adopters
            if pk is not None
        ]
    frameworks = {c.framework for c in candidates if c.framework is not None}
    by_key: dict[PolicyKey, GradingPolicy] = {}
    for school in schools:
        for framework in (None, *frameworks):
            found = _resolve(candidates, chains[school], framework)
            by_key[(school, framework)] = DEFAULT_POLICY if found is None else found.policy
    framework_of = (
        dict(
            FrameworkItem.objects.filter(version__framework__in=frameworks).values_list(
                "pk", "version__framework_id"
            )
        )
        if frameworks
        else {}
    )
    return PolicyBook(by_key=by_key, framework_of=framework_of)
