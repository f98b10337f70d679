"""What the grading pages read: the scopes a person may change, a scope's versions and
drafts, and a draft's replay over the real evidence of the schools it would apply to."""

from collections import Counter
from dataclasses import dataclass, field

from django.db.models import QuerySet
from django.utils import timezone

from continuum.credentials.public import requirements_met
from continuum.evidence.models import Estimate, GradingPolicyRecord
from continuum.evidence.public import (
    DEFAULT_POLICY,
    Change,
    ReplayReport,
    policy_record_for,
    policy_replay,
)
from continuum.frameworks.models import Framework, FrameworkItem
from continuum.frameworks.public import framework_visible
from continuum.grading.rules import can_edit_policy
from continuum.mastery import GradingPolicy, Status, policy_from_dict
from continuum.people.models import Organization, Role, Section, User
from continuum.supports.models import Requirement
from continuum.supports.public import supports_preview

State = GradingPolicyRecord.State
SHOWN_CHANGES = 50  # the replay lists this many changed estimates; the counts cover all


def policy_scopes(user: User) -> list[Organization]:
    """The district (for its admins) and the schools whose policy the person may change."""
    if user.organization is None or user.role not in (Role.DISTRICT_ADMIN, Role.LEADER):
        return []
    if user.role == Role.LEADER:
        return [user.organization]
    schools = Organization.objects.filter(parent=user.organization).order_by("name")
    return [user.organization, *schools]


def policy_record_get(*, user: User, record_id: int) -> GradingPolicyRecord | None:
    """A policy record the person may read (any of their scopes'; a leader also reads their
    district's default), or None."""
    record = (
        GradingPolicyRecord.objects.select_related("organization", "adopted_by", "created_by")
        .filter(pk=record_id)
        .first()
    )
    if record is None:
        return None
    readable = {scope.pk for scope in policy_scopes(user)}
    if user.role == Role.LEADER and user.organization is not None:
        readable.add(user.organization.parent_id or user.organization.pk)
    return record if record.organization_id in readable else None


@dataclass(frozen=True)
class InForce:
    """The policy in force in a scope (for every framework, or for one framework's targets)
    and the record it comes from (None: Continuum's default)."""

    scope: Organization
    in_force: GradingPolicyRecord | None
    framework: Framework | None = None

    @property
    def in_force_policy(self) -> GradingPolicy:
        return DEFAULT_POLICY if self.in_force is None else policy_from_dict(self.in_force.body)

    @property
    def inherited(self) -> bool:
        """Whether it comes from elsewhere: the district, or the policy for every framework."""
        record = self.in_force
        return record is not None and (
            record.organization_id != self.scope.pk
            or record.framework_id != (self.framework.pk if self.framework else None)
        )


@dataclass(frozen=True)
class ScopePolicies(InForce):
    """One scope's policy page: what applies today and where it comes from (for every
    framework, then for each framework with a policy of its own here or in the district),
    the versions adopted (newest first), drafts and discarded drafts."""

    frameworks: list[InForce] = field(default_factory=list)
    versions: list[GradingPolicyRecord] = field(default_factory=list)
    drafts: list[GradingPolicyRecord] = field(default_factory=list)
    discarded: list[GradingPolicyRecord] = field(default_factory=list)
    choosable: list[Framework] = field(default_factory=list)
    editable: bool = False


def scope_policies(*, user: User, scope: Organization) -> ScopePolicies:
    records = list(
        GradingPolicyRecord.objects.filter(organization=scope).select_related(
            "adopted_by", "created_by", "framework"
        )
    )
    by_state: dict[str, list[GradingPolicyRecord]] = {state: [] for state in State.values}
    for each in records:
        by_state[each.state].append(each)
    with_own = Framework.objects.filter(
        grading_policies__organization__in=[scope.pk, scope.parent_id],
        grading_policies__state=State.ADOPTED,
    ).distinct()
    editable = can_edit_policy(user, scope)
    return ScopePolicies(
        scope=scope,
        in_force=policy_record_for(organization=scope),
        frameworks=[
            InForce(scope, policy_record_for(organization=scope, framework_id=f.pk), f)
            for f in with_own.order_by("title")
        ],
        versions=sorted(by_state[State.ADOPTED], key=lambda r: -(r.version or 0)),
        drafts=sorted(by_state[State.DRAFT], key=lambda r: r.created_at, reverse=True),
        discarded=sorted(by_state[State.DISCARDED], key=lambda r: r.created_at, reverse=True),
        choosable=list(framework_visible(user=user).order_by("title")) if editable else [],
        editable=editable,
    )


def replay_schools(scope: Organization) -> QuerySet[Organization]:
    """The schools a draft of this scope would be replayed on (a district's: all of them;
    a school with a narrower policy of its own shows no change there)."""
    if scope.kind == Organization.Kind.SCHOOL:
        return Organization.objects.filter(pk=scope.pk)
    return Organization.objects.filter(parent=scope, kind=Organization.Kind.SCHOOL)


@dataclass(frozen=True)
class ChangeRow:
    """A changed estimate as the replay lists it."""

    change: Change
    learner: User
    target: FrameworkItem

    @property
    def moved(self) -> bool:
        return self.change.status_before != self.change.status_after


@dataclass(frozen=True)
class RequirementChange:
    """A credit or certificate whose rule the draft would meet (or no longer meet)."""

    learner: User
    requirement: Requirement
    met: bool


@dataclass(frozen=True)
class PaceChange:
    """A learner's pace to a requirement that the draft would change."""

    learner: User
    requirement: Requirement
    before: str
    after: str


@dataclass(frozen=True)
class FlagChange:
    """A flag the draft would raise on a learner, or clear."""

    learner: User
    kind: str
    raised: bool


@dataclass
class DraftReplay:
    """A draft's replay summed over the schools it would apply to."""

    estimates: int = 0
    changed: int = 0
    by_transition: Counter = field(default_factory=Counter)
    by_target: list[tuple[FrameworkItem, int]] = field(default_factory=list)
    by_section: list[tuple[Section, int]] = field(default_factory=list)
    rows: list[ChangeRow] = field(default_factory=list)
    learners: int = 0
    requirements: list[RequirementChange] = field(default_factory=list)
    paces: list[PaceChange] = field(default_factory=list)
    flags: list[FlagChange] = field(default_factory=list)

    @property
    def status_moves(self) -> list[tuple[Status, Status, int]]:
        return [
            (before, after, n)
            for (before, after), n in sorted(self.by_transition.items())
            if before != after
        ]

    @property
    def status_changed(self) -> int:
        return sum(n for _, _, n in self.status_moves)


def draft_replay(record: GradingPolicyRecord) -> DraftReplay:
    """What adopting the draft would change, school by school, summed. Reads only."""
    proposed = policy_from_dict(record.body)
    schools = list(replay_schools(record.organization))
    reports = [
        policy_replay(
            proposed=proposed,
            school=school,
            adopter=record.organization,
            framework_id=record.framework_id,
        )
        for school in schools
    ]
    result = _summed(reports)
    result.requirements = _requirement_changes([c for r in reports for c in r.changes])
    for school, report in zip(schools, reports, strict=True):
        paces, flags = _supports_changes(school, report.changes)
        result.paces += paces
        result.flags += flags
    return result


def _supports_changes(
    school: Organization, changes: tuple[Change, ...]
) -> tuple[list[PaceChange], list[FlagChange]]:
    """Pace and flags of the learners whose estimates change, as they stand and under the
    draft (supports' own computation, writing nothing)."""
    if not changes:
        return [], []
    learners = list(User.objects.filter(pk__in={c.learner for c in changes}).order_by("pk"))
    today = timezone.localdate()
    draft = {
        (c.learner, c.target): (c.level_after, c.status_after >= Status.PROFICIENT) for c in changes
    }
    now = supports_preview(school=school, learners=learners, today=today)
    then = supports_preview(school=school, learners=learners, draft=draft, today=today)
    learner_of = {learner.pk: learner for learner in learners}
    requirement_of = Requirement.objects.in_bulk(
        {r for _, r in now.paces} | {r for _, r in then.paces}
    )
    paces = []
    for pair, status in sorted(now.paces.items()):
        after = then.paces.get(pair, status)
        if after != status:
            learner, requirement = pair
            paces.append(
                PaceChange(learner_of[learner], requirement_of[requirement], status, after)
            )
    flags = [
        FlagChange(learner_of[learner], kind, raised)
        for learner in sorted(learner_of)
        for kind, raised in _flag_moves(now.flags.get(learner), then.flags.get(learner))
    ]
    return paces, flags


def _flag_moves(
    before: frozenset[str] | None, after: frozenset[str] | None
) -> list[tuple[str, bool]]:
    """(kind, raised) for each flag raised under the draft, then each cleared."""
    before, after = before or frozenset(), after or frozenset()
    return [(kind, True) for kind in sorted(after - before)] + [
        (kind, False) for kind in sorted(before - after)
    ]


def _requirement_changes(changes: list[Change]) -> list[RequirementChange]:
    """Credits and certificates whose rule is met today (by the stored estimates) and not
    under the draft, or the other way round, for the learners whose estimates change."""
    if not changes:
        return []
    learners = list(User.objects.filter(pk__in={c.learner for c in changes}))
    now: dict[tuple[int, int], tuple[float | None, Status]] = {
        (learner, target): (level, Status(status))
        for learner, target, level, status in Estimate.objects.filter(
            learner__in=learners
        ).values_list("learner_id", "target_id", "level", "status")
    }
    draft = {
        **now,
        **{(c.learner, c.target): (c.level_after, c.status_after) for c in changes},
    }
    before = requirements_met(learners=learners, levels=now)
    after = requirements_met(learners=learners, levels=draft)
    moved = sorted(before ^ after)
    learner_of = {learner.pk: learner for learner in learners}
    requirement_of = Requirement.objects.in_bulk({requirement for _, requirement in moved})
    return [
        RequirementChange(
            learner_of[learner], requirement_of[requirement], (learner, requirement) in after
        )
        for learner, requirement in moved
    ]


def _summed(reports: list[ReplayReport]) -> DraftReplay:
    result = DraftReplay()
    targets: Counter[int] = Counter()
    sections: Counter[int] = Counter()
    changes: list[Change] = []
    for report in reports:
        result.estimates += report.estimates
        result.changed += report.changed
        result.by_transition.update(report.by_transition)
        targets.update(report.by_target)
        sections.update(report.by_section)
        changes += report.changes
    result.learners = len({change.learner for change in changes})
    target_of = FrameworkItem.objects.in_bulk(targets)
    result.by_target = [(target_of[t], n) for t, n in targets.most_common() if t in target_of]
    section_of = Section.objects.in_bulk(sections)
    result.by_section = [(section_of[s], n) for s, n in sections.most_common() if s in section_of]
    # status moves first, then the biggest level changes
    changes.sort(key=lambda c: (c.status_before == c.status_after, -abs(_gap(c))))
    shown = changes[:SHOWN_CHANGES]
    learner_of = User.objects.in_bulk({c.learner for c in shown})
    result.rows = [
        ChangeRow(change, learner_of[change.learner], target_of[change.target]) for change in shown
    ]
    return result


def _gap(change: Change) -> float:
    return (change.level_after or 0.0) - (change.level_before or 0.0)
