"""Loads a school's learning signals in a fixed number of queries: scored evidence,
proficient estimates, open reassessment requests and requirements. Shared by the flag and
pace services; no demographic field is read here (only ids, levels and dates)."""

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from math import ceil

from django.db.models import Q
from django.utils import timezone

from continuum.evidence.models import Estimate, Evidence, Mark
from continuum.frameworks.models import FrameworkItem, ItemKind
from continuum.frameworks.public import TARGET_ORDER, scales_for
from continuum.learning.models import Reassessment
from continuum.mastery import RollupRule
from continuum.people.models import Organization, User
from continuum.supports.models import Requirement


@dataclass
class SchoolSignals:
    # learner → target → [(day, not_yet)]
    evidence: dict[int, dict[int, list[tuple[date, bool]]]] = field(default_factory=dict)
    proficient: dict[int, set[int]] = field(default_factory=dict)
    mastered_on: dict[int, dict[int, date]] = field(default_factory=dict)
    requests: dict[int, dict[int, date]] = field(default_factory=dict)
    labels: dict[int, str] = field(default_factory=dict)
    # learner → target → the level an estimate shows (for a rule's floor)
    levels: dict[int, dict[int, float]] = field(default_factory=dict)


def requirements_for(school: Organization) -> list[Requirement]:
    scope = Q(organization=school)
    if school.parent_id:
        scope |= Q(organization_id=school.parent_id)
    return list(
        Requirement.objects.filter(scope, active=True).prefetch_related("competencies", "sections")
    )


def requirement_targets(requirement: Requirement) -> list[FrameworkItem]:
    """The learning targets the requirement's rule reads, in the one target order: those
    under its competencies, and any target chosen by name."""
    chosen = requirement.competencies.all()
    return list(
        FrameworkItem.objects.filter(
            Q(parent__in=chosen) | Q(pk__in=chosen), kind=ItemKind.TARGET
        ).order_by(*TARGET_ORDER)
    )


def requirement_rule(requirement: Requirement) -> RollupRule:
    """The requirement's rule as the mastery engine reads it (defaults filled in)."""
    return RollupRule(
        name=requirement.rule.get("name", "all_proficient"),
        parameters=requirement.rule.get("parameters", {}),
    )


def needed_count(requirement: Requirement, total: int) -> int:
    """How many targets the rule needs proficient: a share for share_proficient, the
    points for points (a requirement's targets each earn one point), else all."""
    rule = requirement_rule(requirement)
    if rule.name == "share_proficient":
        return min(total, ceil(rule.parameters["share"] * total - 1e-9))
    if rule.name == "points":
        return min(total, ceil(rule.parameters["points"] - 1e-9))
    return total


def floor_of(requirement: Requirement) -> float | None:
    """The level no target may be below (share_proficient's floor), else None."""
    rule = requirement_rule(requirement)
    return rule.parameters["floor"] if rule.name == "share_proficient" else None


def below_floor(levels: dict[int, float], targets: list[int], floor: float | None) -> set[int]:
    """The targets whose shown level is below ``floor``; a target with no estimate yet has
    no level to hold it back (it is simply not mastered)."""
    if floor is None:
        return set()
    return {t for t in targets if t in levels and levels[t] < floor}


def _local_day(moment) -> date:
    return timezone.localtime(moment).date()


def school_signals(learners: list[User]) -> SchoolSignals:
    signals = SchoolSignals()
    ids = [learner.pk for learner in learners]
    rows = list(
        Evidence.objects.filter(learner_id__in=ids, mark=Mark.SCORED, level__isnull=False)
        .order_by("assessed_at", "id")
        .values_list("learner_id", "target_id", "level", "assessed_at")
    )
    targets = FrameworkItem.objects.filter(pk__in={row[1] for row in rows})
    cuts = {
        pk: (scale.proficiency_cut if scale else None) for pk, scale in scales_for(targets).items()
    }
    evidence: dict[int, dict[int, list[tuple[date, bool]]]] = defaultdict(lambda: defaultdict(list))
    first_at_cut: dict[int, dict[int, date]] = defaultdict(dict)
    for learner, target, level, assessed in rows:
        cut = cuts.get(target)
        day = _local_day(assessed)
        not_yet = cut is not None and level is not None and level < cut
        evidence[learner][target].append((day, not_yet))
        if cut is not None and not not_yet:
            first_at_cut[learner].setdefault(target, day)
    signals.evidence = {k: dict(v) for k, v in evidence.items()}
    met = (
        Estimate.objects.filter(learner_id__in=ids)
        .at_least_proficient()
        .values_list("learner_id", "target_id", "computed_at")
    )
    for learner, target, computed in met:
        signals.proficient.setdefault(learner, set()).add(target)
        day = first_at_cut[learner].get(target, _local_day(computed))
        signals.mastered_on.setdefault(learner, {})[target] = day
    shown = (
        Estimate.objects.filter(learner_id__in=ids)
        .with_shown()
        .filter(level_shown__isnull=False)
        .values_list("learner_id", "target_id", "level_shown")
    )
    for learner, target, level in shown:
        signals.levels.setdefault(learner, {})[target] = level
    for learner, target, asked in Reassessment.objects.filter(
        learner_id__in=ids, status=Reassessment.Status.REQUESTED
    ).values_list("learner_id", "target_id", "requested_at"):
        signals.requests.setdefault(learner, {})[target] = _local_day(asked)
    labelled = set(targets.values_list("pk", flat=True)) | {
        t for per in signals.requests.values() for t in per
    }
    signals.labels = {
        pk: code or f"target {pk}"
        for pk, code in FrameworkItem.objects.filter(pk__in=labelled).values_list(
            "pk", "human_coding_scheme"
        )
    }
    return signals
