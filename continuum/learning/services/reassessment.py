"""Reassessment: a learner (or their educator) asks when ready, saying how they prepared;
the educator approves and schedules it, or says "not yet approved" with a note; the result
becomes evidence that joins the body of evidence.

The request moves through a small state machine; every move that is not in ``_MOVES``
is refused with a message that says where the request stands.
"""

from datetime import datetime

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from continuum.evidence.models import EvidenceKind, EvidenceSource
from continuum.evidence.public import evidence_record
from continuum.frameworks.models import FrameworkItem, ItemKind
from continuum.learning.models import Reassessment
from continuum.learning.signals import reassessment_decided
from continuum.people.models import User

PREPARATION_MIN_LENGTH = 20
Status = Reassessment.Status
OPEN = (Status.REQUESTED, Status.SCHEDULED)

# Which statuses each action may start from.
_MOVES = {
    "schedule": OPEN,
    "decline": OPEN,
    "complete": (Status.SCHEDULED,),
    "withdraw": OPEN,
}
_VERBS = {
    "schedule": "scheduled",
    "decline": "declined",
    "complete": "completed",
    "withdraw": "withdrawn",
}


def _move(reassessment: Reassessment, action: str) -> Reassessment:
    """Lock the request and check that ``action`` may start from where it stands."""
    locked = Reassessment.objects.select_for_update().get(pk=reassessment.pk)
    if locked.status not in _MOVES[action]:
        hint = " It must be approved and scheduled first." if action == "complete" else ""
        raise ValidationError(
            f"This request is {locked.get_status_display().lower()}; "
            f"it cannot be {_VERBS[action]}.{hint}"
        )
    return locked


def _save(reassessment: Reassessment, *, by: User, reason: str) -> None:
    reassessment._history_user = by  # type: ignore[attr-defined]
    reassessment._change_reason = reason[:100]  # type: ignore[attr-defined]
    reassessment.save()


def _announce(reassessment: Reassessment, *, before: str) -> None:
    """Send ``reassessment_decided`` when the decision moved the request; moving the date
    of a request that is already scheduled is not a new decision."""
    if reassessment.status != before:
        reassessment_decided.send(
            sender=Reassessment,
            reassessment=reassessment,
            before=before,
            after=reassessment.status,
        )


def _require_decider(by: User, reassessment: Reassessment) -> None:
    if not by.has_perm("evidence.decide_reassessment", reassessment.learner):
        raise PermissionDenied(
            f"{reassessment.learner} is not in any of your sections; you cannot decide this."
        )


def reassessment_request(
    *, learner: User, target: FrameworkItem, by: User, preparation: str
) -> Reassessment:
    """Open a request; the learner (or their educator) says how they prepared."""
    if not by.has_perm("evidence.request_reassessment", learner):
        raise PermissionDenied("Only the learner or their educator may ask for reassessment.")
    if target.kind != ItemKind.TARGET:
        raise ValidationError(f"{target.human_coding_scheme} is not a learning target.")
    preparation = preparation.strip()
    if len(preparation) < PREPARATION_MIN_LENGTH:
        raise ValidationError(
            f"Say how you prepared in at least {PREPARATION_MIN_LENGTH} characters "
            "(what you practised, with whom, what changed)."
        )
    with transaction.atomic():
        # Lock the learner's row so two requests sent at once cannot both open.
        User.objects.select_for_update().get(pk=learner.pk)
        if Reassessment.objects.filter(learner=learner, target=target, status__in=OPEN).exists():
            raise ValidationError(
                f"There is already an open reassessment request on "
                f"{target.human_coding_scheme}; withdraw it or wait for its result."
            )
        reassessment = Reassessment(
            learner=learner, target=target, requested_by=by, preparation=preparation
        )
        _save(reassessment, by=by, reason="Requested")
    return reassessment


def reassessment_schedule(
    *, reassessment: Reassessment, by: User, scheduled_for: datetime, note: str = ""
) -> Reassessment:
    """Approve a request and set (or move) its date and time."""
    _require_decider(by, reassessment)
    if timezone.is_naive(scheduled_for):
        scheduled_for = timezone.make_aware(scheduled_for)
    with transaction.atomic():
        locked = _move(reassessment, "schedule")
        before = locked.status
        locked.status = Status.SCHEDULED
        locked.reviewer = by
        locked.scheduled_for = scheduled_for
        locked.decision_note = note.strip()
        locked.decided_at = timezone.now()
        _save(locked, by=by, reason=f"Scheduled for {scheduled_for:%Y-%m-%d %H:%M}")
        _announce(locked, before=before)
    return locked


def reassessment_decline(*, reassessment: Reassessment, by: User, note: str) -> Reassessment:
    """Not yet approved: the note tells the learner what to do before asking again."""
    _require_decider(by, reassessment)
    if not note.strip():
        raise ValidationError(
            "Say what the learner should do before asking again; the note is shown to them."
        )
    with transaction.atomic():
        locked = _move(reassessment, "decline")
        before = locked.status
        locked.status = Status.DECLINED
        locked.reviewer = by
        locked.decision_note = note.strip()
        locked.decided_at = timezone.now()
        _save(locked, by=by, reason="Not yet approved")
        _announce(locked, before=before)
    return locked


def reassessment_complete(
    *,
    reassessment: Reassessment,
    by: User,
    level: float,
    feedback: str = "",
    assessed_at: datetime | None = None,
) -> Reassessment:
    """Record the reassessment's result as evidence (source "reassessment") and close the
    request. The level is checked against the target's scale by ``evidence_record``."""
    _require_decider(by, reassessment)
    with transaction.atomic():
        locked = _move(reassessment, "complete")
        before = locked.status
        evidence = evidence_record(
            learner=locked.learner,
            target=locked.target,
            scorer=by,
            level=level,
            assessed_at=assessed_at or timezone.now(),
            kind=EvidenceKind.SUMMATIVE,
            feedback=feedback.strip(),
            source=EvidenceSource.REASSESSMENT,
            reason="Reassessment",
        )
        locked.status = Status.COMPLETED
        locked.evidence = evidence
        locked.reviewer = locked.reviewer or by
        _save(locked, by=by, reason=f"Reassessed at level {level:g}")
        _announce(locked, before=before)
    return locked


def reassessment_withdraw(*, reassessment: Reassessment, by: User) -> Reassessment:
    """The learner (or their educator) takes back a request that is still open."""
    if not by.has_perm("evidence.request_reassessment", reassessment.learner):
        raise PermissionDenied("Only the learner or their educator may withdraw this request.")
    with transaction.atomic():
        locked = _move(reassessment, "withdraw")
        locked.status = Status.WITHDRAWN
        _save(locked, by=by, reason="Withdrawn")
    return locked
