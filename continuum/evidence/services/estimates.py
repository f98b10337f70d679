"""Mastery estimates: recalculated through the engine whenever evidence changes, and
overridden by educators only with a reason."""

from dataclasses import dataclass

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from continuum.evidence.models import Estimate, EstimateStatus, Evidence, Mark
from continuum.evidence.services.engine_input import engine_item
from continuum.evidence.services.policy import policy_for
from continuum.evidence.signals import estimates_changed
from continuum.frameworks.models import FrameworkItem
from continuum.frameworks.public import bands_of, scales_for
from continuum.mastery import (
    Bands,
    EvidenceItem,
    Explanation,
    GradingPolicy,
    policy_explanation,
    policy_status,
    policy_what_if_status,
    status_of,
)
from continuum.people.models import User


def _counted(learner: User, target: FrameworkItem) -> list[Evidence]:
    """Scored evidence in the order the engine sees it (missing and excused never count)."""
    return list(
        Evidence.objects.filter(learner=learner, target=target, mark=Mark.SCORED).order_by(
            "assessed_at", "id"
        )
    )


def status_label(level: float | None, bands: Bands) -> EstimateStatus:
    return EstimateStatus(status_of(level, bands))


def estimate_bands(target: FrameworkItem) -> Bands:
    """The bands an estimate on the target follows: those of the target's scale."""
    return bands_of(scales_for([target])[target.pk]).estimate


def target_policy(learner: User, target: FrameworkItem) -> GradingPolicy:
    """The policy in force for the learner's estimate on the target (the school's, or its
    policy for the target's framework)."""
    return policy_for(organization=learner.organization, framework_id=target.version.framework_id)


def estimate_refresh(*, learner: User, target: FrameworkItem) -> Estimate:
    """Recalculate one learner-target from all of its evidence (the incremental path)."""
    policy = target_policy(learner, target)
    explained = policy_explanation(policy, [engine_item(e) for e in _counted(learner, target)])
    level = explained.estimate if explained else None
    count = len(explained.contributions) if explained else 0
    with transaction.atomic():
        estimate, _ = Estimate.objects.select_for_update().get_or_create(
            learner=learner, target=target, defaults={"computed_at": timezone.now()}
        )
        estimate.level = level
        estimate.status = EstimateStatus(
            policy_status(policy, level, count, estimate_bands(target))
        )
        estimate.method = policy.method
        estimate.policy_version = policy.version
        estimate.evidence_count = count
        estimate.computed_at = timezone.now()
        estimate._change_reason = "Recalculated from evidence"  # type: ignore[attr-defined]
        estimate.save()
        estimates_changed.send(
            sender=Estimate, pairs=frozenset({(learner.pk, target.pk)}), now=estimate.computed_at
        )
    return estimate


@dataclass(frozen=True)
class EstimateExplanation:
    """Why an estimate is what it is: the method, each evidence item's part, what-ifs."""

    estimate: Estimate | None
    explanation: Explanation | None
    evidence: list[Evidence]
    what_if: dict[float, tuple[float, EstimateStatus]]


def estimate_explain(
    *,
    learner: User,
    target: FrameworkItem,
    levels: list[float],
    policy: GradingPolicy | None = None,
) -> EstimateExplanation:
    """The explanation the gradebook popover and the learner's page show, under the policy
    in force (or under ``policy``: a draft's replay compares the two)."""
    policy = policy or target_policy(learner, target)
    evidence = _counted(learner, target)
    items = [engine_item(e) for e in evidence]
    now = timezone.now()
    bands = estimate_bands(target)
    what_if = {}
    for level in levels:
        next_item = EvidenceItem(score=level, assessed_at=now)
        value, status = policy_what_if_status(policy, items, next_item, bands)
        what_if[level] = (value, EstimateStatus(status))
    return EstimateExplanation(
        estimate=Estimate.objects.filter(learner=learner, target=target).first(),
        explanation=policy_explanation(policy, items),
        evidence=evidence,
        what_if=what_if,
    )


def estimate_override(
    *, learner: User, target: FrameworkItem, level: float | None, by: User, reason: str
) -> Estimate:
    """Set (or, with ``level=None``, clear) an educator's override; a reason is required."""
    if not by.has_perm("evidence.override_estimate", learner):
        raise PermissionDenied(f"{learner} is not in any of your sections; you cannot override.")
    if not reason.strip():
        raise ValidationError("An override needs a reason; it is shown with the override.")
    with transaction.atomic():
        estimate = estimate_refresh(learner=learner, target=target)
        estimate.override_level = level
        bands = estimate_bands(target)
        estimate.override_status = status_label(level, bands) if level is not None else None
        estimate.override_reason = reason if level is not None else ""
        estimate.overridden_by = by if level is not None else None
        estimate.overridden_at = timezone.now() if level is not None else None
        estimate._change_reason = reason  # type: ignore[attr-defined]
        estimate._history_user = by  # type: ignore[attr-defined]
        estimate.save()
        estimates_changed.send(
            sender=Estimate, pairs=frozenset({(learner.pk, target.pk)}), now=timezone.now()
        )
    return estimate
