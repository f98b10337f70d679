"""A scope's grading policy from draft to adoption: drafted by the people who own the
scope, replayed on real evidence (selectors), then adopted with a reason and an effective
date, or discarded. Every step is recorded in the policy's history with who, when and why
(decision 0002); adoption recomputes the estimates in the background (``adoption``).
"""

from datetime import date
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from continuum.evidence.models import GradingPolicyRecord
from continuum.evidence.public import PolicyError, policy_from_data
from continuum.frameworks.models import Framework
from continuum.frameworks.public import framework_visible
from continuum.grading.rules import can_edit_policy
from continuum.grading.services.adoption import adoption_recompute_request
from continuum.people.models import Organization, User

State = GradingPolicyRecord.State


def _check(user: User, organization: Organization) -> None:
    if not can_edit_policy(user, organization):
        raise PermissionDenied(f"You cannot change {organization}'s grading policy.")


def _reason(reason: str, what: str) -> str:
    if not reason.strip():
        raise ValidationError(f"Say why you {what}; the reason is kept with the policy's history.")
    return reason.strip()


def policy_draft_create(
    *,
    by: User,
    organization: Organization,
    body: dict[str, Any],
    note: str = "",
    framework: Framework | None = None,
) -> GradingPolicyRecord:
    """A draft from a policy body (the engine's dict without ``version``), for every
    framework or for one the person's district may read; an invalid body is refused with
    the engine's reason and nothing is saved."""
    _check(by, organization)
    if framework is not None and not framework_visible(user=by).filter(pk=framework.pk).exists():
        raise PermissionDenied("That framework is not one your district uses.")
    try:
        policy = policy_from_data(body)
    except PolicyError as error:
        raise ValidationError(str(error)) from None
    record = GradingPolicyRecord(
        organization=organization,
        framework=framework,
        state=State.DRAFT,
        body={**policy.to_dict(), "version": 0},
        note=note.strip(),
        created_by=by,
    )
    record._change_reason = "Drafted"  # type: ignore[attr-defined]
    record._history_user = by  # type: ignore[attr-defined]
    record.save()
    return record


def _draft(record: GradingPolicyRecord, by: User) -> None:
    _check(by, record.organization)
    if record.state != State.DRAFT:
        raise ValidationError(f"This policy is {record.get_state_display().lower()}, not a draft.")


@transaction.atomic
def policy_adopt(
    *, record: GradingPolicyRecord, by: User, reason: str, effective_on: date | None = None
) -> GradingPolicyRecord:
    """Adopt a draft as its organization's next version (numbered across its frameworks,
    so a version names one record), effective from a day (today by default,
    never in the past), and queue the recompute of every school it applies to."""
    record = GradingPolicyRecord.objects.select_for_update().get(pk=record.pk)
    _draft(record, by)
    why = _reason(reason, "adopt this policy")
    today = timezone.localdate()
    effective_on = effective_on or today
    if effective_on < today:
        raise ValidationError("A policy cannot take effect in the past; choose today or later.")
    latest = GradingPolicyRecord.objects.filter(organization=record.organization).aggregate(
        latest=Max("version")
    )["latest"]
    record.version = (latest or 0) + 1
    record.body = {**record.body, "version": record.version}
    record.state = State.ADOPTED
    record.note = why
    record.effective_on = effective_on
    record.adopted_by, record.adopted_at = by, timezone.now()
    record._change_reason = why  # type: ignore[attr-defined]
    record._history_user = by  # type: ignore[attr-defined]
    record.save()
    adoption_recompute_request(record=record)
    return record


@transaction.atomic
def policy_discard(*, record: GradingPolicyRecord, by: User, reason: str) -> GradingPolicyRecord:
    """Set a draft aside; it stays readable with the reason it was not adopted."""
    record = GradingPolicyRecord.objects.select_for_update().get(pk=record.pk)
    _draft(record, by)
    why = _reason(reason, "discard this draft")
    record.state = State.DISCARDED
    record.note = why
    record._change_reason = why  # type: ignore[attr-defined]
    record._history_user = by  # type: ignore[attr-defined]
    record.save()
    return record
