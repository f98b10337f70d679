"""Learner agency: a learner proposes how they will show learning on a target, and their
educator approves it against the target's level descriptors or asks for a revision."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from continuum.frameworks.models import FrameworkItem, ItemKind
from continuum.learning.models import Proposal
from continuum.learning.signals import proposal_reviewed
from continuum.people.models import User

DESCRIPTION_MIN_LENGTH = 20
Status = Proposal.Status


def _locked(proposal: Proposal, *, allowed: tuple[str, ...], verb: str) -> Proposal:
    locked = Proposal.objects.select_for_update().get(pk=proposal.pk)
    if locked.status not in allowed:
        raise ValidationError(
            f"This proposal is {locked.get_status_display().lower()}; it cannot be {verb}."
        )
    return locked


def proposal_create(
    *, learner: User, target: FrameworkItem, by: User, way: str, description: str
) -> Proposal:
    """A learner's own proposal for one target."""
    if not by.has_perm("evidence.propose_evidence", learner):
        raise PermissionDenied("Only the learner may propose how they will show their learning.")
    if target.kind != ItemKind.TARGET:
        raise ValidationError(f"{target.human_coding_scheme} is not a learning target.")
    if way not in Proposal.Way.values:
        raise ValidationError(f"“{way}” is not a way of showing learning we know.")
    description = description.strip()
    if len(description) < DESCRIPTION_MIN_LENGTH:
        raise ValidationError(
            f"Describe your idea in at least {DESCRIPTION_MIN_LENGTH} characters: "
            "what you will make or do, and how it shows the target."
        )
    return Proposal.objects.create(learner=learner, target=target, way=way, description=description)


def proposal_review(*, proposal: Proposal, by: User, approve: bool, note: str = "") -> Proposal:
    """Approve a proposal, or ask for a revision (a note saying what to change is required)."""
    if not by.has_perm("evidence.review_proposal", proposal.learner):
        raise PermissionDenied(
            f"{proposal.learner} is not in any of your sections; you cannot review this."
        )
    if not approve and not note.strip():
        raise ValidationError("Say what to revise; the note is shown to the learner.")
    with transaction.atomic():
        locked = _locked(proposal, allowed=(Status.PROPOSED,), verb="reviewed")
        locked.status = Status.APPROVED if approve else Status.REVISE
        locked.reviewer = by
        locked.review_note = note.strip()
        locked.decided_at = timezone.now()
        locked.save()
        proposal_reviewed.send(sender=Proposal, proposal=locked)
    return locked


def proposal_withdraw(*, proposal: Proposal, by: User) -> Proposal:
    """The learner takes back a proposal that is waiting or sent back for revision."""
    if not by.has_perm("evidence.propose_evidence", proposal.learner):
        raise PermissionDenied("Only the learner may withdraw their proposal.")
    with transaction.atomic():
        locked = _locked(proposal, allowed=(Status.PROPOSED, Status.REVISE), verb="withdrawn")
        locked.status = Status.WITHDRAWN
        locked.save()
    return locked
