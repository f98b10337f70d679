"""Learners elect the certificates and pathways on offer at their school; their counselor
or a school leader confirms or declines; the learner may withdraw. Only a confirmed
election makes the requirement apply (and count in pace and awards). Each step is audited
by simple-history, with who and when."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from continuum.people.models import User
from continuum.supports.models import Requirement, RequirementElection
from continuum.supports.selectors import requirements_on_offer
from continuum.supports.services.compute import learner_pace_refresh


def _audited(election: RequirementElection, by: User, reason: str) -> None:
    election._history_user = by  # type: ignore[attr-defined]
    election._change_reason = reason  # type: ignore[attr-defined]


@transaction.atomic
def election_create(
    *, learner: User, requirement: Requirement, by: User, why: str = ""
) -> RequirementElection:
    """The learner chooses a certificate or pathway; it waits for a counselor."""
    if by.pk != learner.pk:
        raise PermissionDenied(_("Learners choose their own certificates and pathways."))
    if not requirements_on_offer(learner).filter(pk=requirement.pk).exists():
        raise ValidationError(_("That certificate or pathway is not on offer at your school."))
    live = RequirementElection.objects.select_for_update().filter(
        learner=learner, requirement=requirement, state__in=RequirementElection.LIVE
    )
    if live.exists():
        raise ValidationError(_("You have already chosen %(title)s.") % {"title": requirement})
    election = RequirementElection(
        learner=learner, requirement=requirement, why=why.strip(), elected_at=timezone.now()
    )
    _audited(election, by, "Elected by the learner")
    election.save()
    return election


@transaction.atomic
def election_withdraw(*, election: RequirementElection, by: User) -> RequirementElection:
    """The learner takes back a choice (waiting or confirmed); it stops applying."""
    if by.pk != election.learner_id:
        raise PermissionDenied(_("Only the learner can withdraw their choice."))
    if not election.live:
        raise ValidationError(_("This choice was already decided or withdrawn."))
    was_confirmed = election.state == RequirementElection.State.CONFIRMED
    election.state = RequirementElection.State.WITHDRAWN
    _audited(election, by, "Withdrawn by the learner")
    election.save(update_fields=["state"])
    if was_confirmed:
        learner_pace_refresh(learner=election.learner)
    return election


@transaction.atomic
def election_decide(
    *, election: RequirementElection, by: User, confirm: bool, note: str = ""
) -> RequirementElection:
    """A counselor or leader confirms (the requirement now applies) or declines (with a
    note for the learner) a waiting election."""
    if not by.has_perm("supports.decide_election", election.learner):
        raise PermissionDenied(_("Only the learner's counselor and school leaders can decide."))
    if election.state != RequirementElection.State.ELECTED:
        raise ValidationError(_("This choice is not waiting for a decision."))
    if not confirm and not note.strip():
        raise ValidationError(_("Tell the learner why: a declined choice needs a note."))
    election.state = (
        RequirementElection.State.CONFIRMED if confirm else RequirementElection.State.DECLINED
    )
    election.decided_by, election.decided_at = by, timezone.now()
    election.decision_note = note.strip()
    _audited(election, by, "Confirmed" if confirm else "Declined")
    election.save()
    if confirm:
        learner_pace_refresh(learner=election.learner)
    return election
