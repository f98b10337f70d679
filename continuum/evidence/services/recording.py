"""Recording and changing evidence. Every write checks the scale and the scorer's right
to score the learner, is audited with its reason, and refreshes the estimate."""

import math
from datetime import UTC, date, datetime, timedelta

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from continuum.evidence.models import (
    Alignment,
    Artifact,
    Assessment,
    Evidence,
    EvidenceKind,
    EvidenceSource,
    Mark,
)
from continuum.evidence.selectors.corrections import CORRECTABLE
from continuum.evidence.services.estimates import estimate_refresh
from continuum.evidence.signals import feedback_given
from continuum.frameworks.models import FrameworkItem, ItemKind, ProficiencyScale
from continuum.frameworks.public import level_check, scales_for
from continuum.people.models import User

# The bounds every piece of evidence keeps, whichever way it arrives (gradebook, API, CSV).
# One non-finite weight would turn the learner's estimate into "not started".
MAX_WEIGHT = 100.0
MAX_LEVEL = 1000.0
EARLIEST_ASSESSED = datetime(1990, 1, 1, tzinfo=UTC)
FUTURE_SLACK = timedelta(days=1)  # clocks and time zones of integrations differ a little


def evidence_values_check(
    *, level: float | None, weight: float, assessed_at: datetime, now: datetime | None = None
) -> None:
    """Refuse a level or weight that is not a finite number in bounds, and an assessment
    date before 1990 or more than a day ahead. The ValidationError is keyed by field and
    each message names its field, so the API and the CSV import can say what is wrong."""
    now = now or timezone.now()
    if timezone.is_naive(assessed_at):
        assessed_at = timezone.make_aware(assessed_at)
    errors: dict[str, str] = {}
    if level is not None and not (math.isfinite(level) and abs(level) <= MAX_LEVEL):
        errors["level"] = f"level must be a finite number of at most {MAX_LEVEL:g}."
    if not (math.isfinite(weight) and 0 <= weight <= MAX_WEIGHT):
        errors["weight"] = f"weight must be a number from 0 to {MAX_WEIGHT:g}."
    if not EARLIEST_ASSESSED <= assessed_at <= now + FUTURE_SLACK:
        errors["assessed_at"] = (
            f"assessed_at must be between {EARLIEST_ASSESSED:%Y-%m-%d} and a day from now."
        )
    if errors:
        raise ValidationError(errors)


# The gradebook's Undo: how long after recording, and the reason the audit log keeps.
UNDO_WINDOW = timedelta(minutes=5)
UNDONE = "Undone by the educator"


def _check(
    *,
    scorer: User,
    learner: User,
    target: FrameworkItem,
    mark: str,
    level: float | None,
    correcting: bool = False,
):
    if not scorer.has_perm("evidence.record_evidence", learner):
        raise PermissionDenied(f"{learner} is not in any of your sections; you cannot score them.")
    scale = scales_for([target])[target.pk] if mark == Mark.SCORED else None
    evidence_entry_check(target=target, mark=mark, level=level, scale=scale, correcting=correcting)


def evidence_entry_check(
    *,
    target: FrameworkItem,
    mark: str,
    level: float | None,
    scale: ProficiencyScale | None,
    correcting: bool = False,
) -> None:
    """A learning target, and a level on its ``scale`` exactly when the mark is "scored";
    the bulk path passes scales it loaded for all rows at once. Only a correction may
    withdraw evidence: new evidence is never recorded as withdrawn."""
    if target.kind != ItemKind.TARGET:
        raise ValidationError(f"{target.human_coding_scheme} is not a learning target.")
    if mark == Mark.WITHDRAWN and not correcting:
        raise ValidationError(
            "New evidence cannot be withdrawn; record it, then correct it to withdraw it."
        )
    if mark == Mark.SCORED:
        if level is None:
            raise ValidationError(
                "Scored evidence needs a level (use missing or excused otherwise)."
            )
        level_check(target=target, level=level, scale=scale)
    elif level is not None:
        raise ValidationError(f"{mark.capitalize()} evidence has no level.")


def evidence_record(
    *,
    learner: User,
    target: FrameworkItem,
    scorer: User,
    assessed_at: datetime,
    level: float | None = None,
    mark: str = Mark.SCORED,
    kind: str = EvidenceKind.SUMMATIVE,
    weight: float = 1.0,
    assessment: Assessment | None = None,
    alignment: Alignment | None = None,
    artifact: Artifact | None = None,
    attempt: int | None = None,
    due_on: date | None = None,
    feedback: str = "",
    source: str = EvidenceSource.ASSESSMENT,
    reason: str = "Recorded",
) -> Evidence:
    """Add one piece of evidence to the learner's body of evidence on the target."""
    _check(scorer=scorer, learner=learner, target=target, mark=mark, level=level)
    evidence_values_check(level=level, weight=weight, assessed_at=assessed_at)
    with transaction.atomic():
        if attempt is None:
            attempt = (
                Evidence.objects.filter(
                    learner=learner, target=target, assessment=assessment
                ).count()
                + 1
            )
        evidence = Evidence(
            learner=learner,
            target=target,
            scorer=scorer,
            assessed_at=assessed_at,
            level=level,
            mark=mark,
            kind=kind,
            weight=weight,
            assessment=assessment,
            alignment=alignment,
            artifact=artifact,
            attempt=attempt,
            due_on=due_on,
            feedback=feedback,
            source=source,
        )
        evidence._change_reason = reason  # type: ignore[attr-defined]
        evidence._history_user = scorer  # type: ignore[attr-defined]
        evidence.save()
        estimate_refresh(learner=learner, target=target)
        if feedback.strip():
            feedback_given.send(sender=Evidence, evidence=evidence)
    return evidence


def evidence_update(
    *,
    evidence: Evidence,
    by: User,
    reason: str,
    level: float | None,
    mark: str = Mark.SCORED,
    feedback: str | None = None,
    kind: str | None = None,
    weight: float | None = None,
    assessed_at: datetime | None = None,
) -> Evidence:
    """Correct a recorded score (a grade change). The reason is required and kept with
    who and when in the evidence's history, which is what the correction history shows;
    a "correction" that changes nothing is refused so the history holds only real ones.
    ``None`` for feedback, kind, weight or date keeps the recorded value."""
    if not reason.strip():
        raise ValidationError("Changing a score needs a reason.")
    _check(
        scorer=by,
        learner=evidence.learner,
        target=evidence.target,
        mark=mark,
        level=level,
        correcting=True,
    )
    if kind is not None and kind not in EvidenceKind.values:
        raise ValidationError({"kind": f"{kind} is not a kind of evidence."})
    weight = evidence.weight if weight is None else weight
    assessed_at = evidence.assessed_at if assessed_at is None else assessed_at
    evidence_values_check(level=level, weight=weight, assessed_at=assessed_at)
    changed = {
        "mark": mark,
        "level": level,
        "kind": evidence.kind if kind is None else kind,
        "weight": weight,
        "assessed_at": assessed_at,
        "feedback": evidence.feedback if feedback is None else feedback,
    }
    if all(getattr(evidence, field) == changed[field] for field in CORRECTABLE):
        raise ValidationError("Nothing to correct: these are the values already recorded.")
    with transaction.atomic():
        for field, value in changed.items():
            setattr(evidence, field, value)
        evidence._change_reason = reason.strip()  # type: ignore[attr-defined]
        evidence._history_user = by  # type: ignore[attr-defined]
        evidence.save()
        estimate_refresh(learner=evidence.learner, target=evidence.target)
    return evidence


def evidence_undo(*, evidence: Evidence, by: User, now: datetime | None = None) -> Evidence:
    """Withdraw a piece of evidence its scorer recorded moments ago (the gradebook's Undo).
    It is a correction like any other: the evidence stays, marked withdrawn, and its
    history keeps who, when and why; the estimate is recalculated without it. After
    ``UNDO_WINDOW`` the score is corrected on its correction page, with a reason."""
    now = now or timezone.now()
    if evidence.scorer_id != by.pk:
        raise PermissionDenied("Only the educator who recorded this evidence can undo it.")
    if evidence.mark == Mark.WITHDRAWN:
        raise ValidationError("This evidence was already undone.")
    if now - evidence.recorded_at > UNDO_WINDOW:
        minutes = int(UNDO_WINDOW.total_seconds() // 60)
        raise ValidationError(
            f"Undo is possible for {minutes} minutes after recording; "
            "correct the score instead, with a reason."
        )
    return evidence_update(evidence=evidence, by=by, reason=UNDONE, mark=Mark.WITHDRAWN, level=None)
