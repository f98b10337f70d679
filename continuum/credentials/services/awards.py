"""Record what learners have earned, take an award back, and note a course that ended
without credit.

Sync rule (``awards_sync``): for every requirement that applies to a learner, an award is
recorded the first time the rule is met by the learner's shown estimates, with a snapshot
of the rule and of the evidence behind it. An award is never removed because an estimate
later drops: a person revokes it (``award_revoke``), with a reason. A revoked award is not
recorded again on the same evidence: only once scored evidence on the requirement's
targets has been recorded after the revocation. Each award recorded is issued as a signed
Open Badge in the same transaction, and revoking an award revokes its signed credentials
(``issuing.py``). A course-credit requirement whose due date
has passed with the rule not met is recorded once as not earned (``relearn.py``).
"""

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Max, QuerySet
from django.utils import timezone
from simple_history.utils import bulk_create_with_history

from continuum.credentials.models import Award, CreditNotEarned
from continuum.credentials.services.issuing import badges_issue, badges_revoke
from continuum.credentials.services.relearn import credits_not_earned_record
from continuum.credentials.services.rules_met import (
    Applicable,
    applicable_list,
    level_columns,
    met_learners,
)
from continuum.credentials.signals import award_recorded
from continuum.evidence.models import Estimate, Evidence, Mark
from continuum.frameworks.models import FrameworkItem
from continuum.mastery import Status
from continuum.people.models import Organization, Role, User
from continuum.supports.models import Requirement

RULE_MET = "Rule met"


@dataclass(frozen=True)
class Shown:
    """What a learner's estimate on a target showed when the sync read it."""

    estimate: int
    level: float | None
    status: Status


@dataclass(frozen=True)
class SyncResult:
    learners: int
    awarded: int
    not_earned: int


def _learners(learners: Iterable[User] | None, school: Organization | None) -> list[User]:
    if learners is None and school is None:
        raise ValueError("Name the learners or the school whose awards to sync.")
    found = User.objects.filter(role=Role.LEARNER).select_related("organization")
    if school is not None:
        found = found.filter(organization=school)
    if isinstance(learners, QuerySet):
        found = found.filter(pk__in=learners.values("pk"))
    elif learners is not None:
        found = found.filter(pk__in=[learner.pk for learner in learners])
    return list(found.order_by("pk"))


def _shown(learners: list[User], applicable: list[Applicable]) -> dict[tuple[int, int], Shown]:
    """Every learner's shown estimate on every target any requirement reads: one query."""
    targets = {pk for each in applicable for pk in each.target_ids}
    rows = (
        Estimate.objects.filter(learner__in=learners, target_id__in=targets)
        .with_shown()
        .values_list("learner_id", "target_id", "pk", "level_shown", "shown")
    )
    return {
        (learner, target): Shown(pk, level, Status(shown))
        for learner, target, pk, level, shown in rows
    }


def _revoked_at(
    learners: list[User], applicable: list[Applicable]
) -> dict[tuple[int, int], datetime]:
    """The latest revocation of each (learner, requirement) that has one."""
    rows = (
        Award.objects.filter(
            learner__in=learners,
            requirement__in=[a.requirement for a in applicable],
            state=Award.State.REVOKED,
        )
        .values("learner_id", "requirement_id")
        .annotate(last=Max("revoked_at"))
    )
    return {(row["learner_id"], row["requirement_id"]): row["last"] for row in rows}


def _new_evidence_since(learner: int, applicable: Applicable, moment: datetime) -> bool:
    return Evidence.objects.filter(
        learner_id=learner,
        target_id__in=applicable.target_ids,
        mark=Mark.SCORED,
        recorded_at__gt=moment,
    ).exists()


def _rule_versions(requirements: Iterable[Requirement]) -> dict[int, int]:
    """Each requirement's newest audit-history id: the rule version an award names."""
    rows = (
        Requirement.history.filter(id__in=[r.pk for r in requirements])
        .values("id")
        .annotate(latest=Max("history_id"))
    )
    return {row["id"]: row["latest"] for row in rows}


def _rule_snapshot(applicable: Applicable) -> dict:
    requirement = applicable.requirement
    return {
        "title": requirement.title,
        "name": applicable.rule.name,
        "parameters": dict(applicable.rule.parameters),
        "due_on": requirement.due_on.isoformat(),
        "targets": [
            {"id": t.pk, "code": t.human_coding_scheme, "statement": t.full_statement}
            for t in applicable.targets
        ],
    }


def _evidence_snapshot(
    learner: int,
    applicable: Applicable,
    shown: dict[tuple[int, int], Shown],
    evidence: dict[tuple[int, int], list[int]],
) -> list[dict]:
    snapshot = []
    for target in applicable.target_ids:
        seen = shown.get((learner, target))
        snapshot.append(
            {
                "target": target,
                "estimate": seen.estimate if seen else None,
                "level": seen.level if seen else None,
                "status": int(seen.status if seen else Status.NOT_STARTED),
                "evidence": evidence.get((learner, target), []),
            }
        )
    return snapshot


def _record(
    due: list[tuple[int, Applicable]],
    shown: dict[tuple[int, int], Shown],
    by_pk: dict[int, User],
    today: date,
) -> list[Award]:
    """Record the awards of ``due`` (learner id, requirement), each with its snapshots: the
    evidence behind them in one query, the rule versions in another."""
    if not due:
        return []
    versions = _rule_versions({a.requirement for _, a in due})
    evidence: dict[tuple[int, int], list[int]] = defaultdict(list)
    for learner, target, pk in (
        Evidence.objects.filter(
            learner_id__in={learner for learner, _ in due},
            target_id__in={t for _, a in due for t in a.target_ids},
            mark=Mark.SCORED,
        )
        .order_by("assessed_at", "id")
        .values_list("learner_id", "target_id", "pk")
    ):
        evidence[(learner, target)].append(pk)
    awards = bulk_create_with_history(
        [
            Award(
                learner=by_pk[learner],
                requirement=applicable.requirement,
                kind=applicable.requirement.kind,
                awarded_on=today,
                rule_version=versions.get(applicable.requirement.pk),
                rule=_rule_snapshot(applicable),
                evidence=_evidence_snapshot(learner, applicable, shown, evidence),
            )
            for learner, applicable in due
        ],
        Award,
        default_change_reason=RULE_MET,
    )
    badges_issue(awards=awards)
    for award in awards:
        award_recorded.send(sender=Award, award=award)
    return awards


@transaction.atomic
def awards_sync(
    *,
    learners: Iterable[User] | None = None,
    school: Organization | None = None,
    today: date,
) -> SyncResult:
    """Record the awards the learners (or a school's learners) have newly earned, and the
    course credits whose due date passed unearned; a fixed number of queries per
    requirement, none per learner-target."""
    found = _learners(learners, school)
    applicable = applicable_list(found)
    if not applicable:
        return SyncResult(len(found), 0, 0)
    by_pk = {learner.pk: learner for learner in found}
    shown = _shown(found, applicable)
    levels = {pair: (seen.level, seen.status) for pair, seen in shown.items()}
    live = set(
        Award.objects.filter(learner__in=found, requirement__in=[a.requirement for a in applicable])
        .filter(state=Award.State.AWARDED)
        .values_list("learner_id", "requirement_id")
    )
    revoked = _revoked_at(found, applicable)
    due: list[tuple[int, Applicable]] = []
    unmet: list[tuple[int, Applicable]] = []
    columns = level_columns(levels)
    for each in applicable:
        met = met_learners(each, columns)
        for learner in sorted(each.learners):
            key = (learner, each.requirement.pk)
            if key in live:
                continue
            if learner not in met:
                unmet.append((learner, each))
            elif key not in revoked or _new_evidence_since(learner, each, revoked[key]):
                due.append((learner, each))
    awarded = _record(due, shown, by_pk, today)
    not_earned = _not_earned(unmet, levels, by_pk, today)
    return SyncResult(len(found), len(awarded), not_earned)


def _not_earned(
    unmet: list[tuple[int, Applicable]],
    levels: dict[tuple[int, int], tuple[float | None, Status]],
    by_pk: dict[int, User],
    today: date,
) -> int:
    """Record each course credit whose due date has passed unmet, once per learner."""
    ended = [
        (learner, each)
        for learner, each in unmet
        if each.requirement.kind == Requirement.Kind.COURSE_CREDIT
        and each.requirement.due_on < today
    ]
    if not ended:
        return 0
    recorded = set(
        CreditNotEarned.objects.filter(
            learner_id__in={learner for learner, _ in ended},
            requirement__in={each.requirement for _, each in ended},
        ).values_list("learner_id", "requirement_id")
    )
    relearn: dict[Requirement, dict[User, list[FrameworkItem]]] = defaultdict(dict)
    for learner, each in ended:
        if (learner, each.requirement.pk) not in recorded:
            relearn[each.requirement][by_pk[learner]] = [
                target
                for target in each.targets
                if levels.get((learner, target.pk), (None, Status.NOT_STARTED))[1]
                < Status.PROFICIENT
            ]
    return sum(
        len(credits_not_earned_record(requirement=requirement, relearn=learners, today=today))
        for requirement, learners in relearn.items()
    )


@transaction.atomic
def award_revoke(*, award: Award, by: User, reason: str) -> Award:
    """Take an award back: the learner's counselor, school leaders or district admins
    only, with a reason, audited (who, when, why). The award stays readable as revoked."""
    if not by.has_perm("credentials.revoke_award", award.learner):
        raise PermissionDenied(
            "Only the learner's counselor, school leaders and district admins can revoke awards."
        )
    reason = reason.strip()
    if not reason:
        raise ValidationError("Say why the award is revoked: a reason is required.")
    award = Award.objects.select_for_update().get(pk=award.pk)
    if award.state != Award.State.AWARDED:
        raise ValidationError("This award has already been revoked.")
    award.state = Award.State.REVOKED
    award.revoked_by, award.revoked_at, award.revoke_reason = by, timezone.now(), reason
    award._history_user = by  # type: ignore[attr-defined]
    award._change_reason = reason  # type: ignore[attr-defined]
    award.save()
    badges_revoke(award=award, reason=reason)
    return award
