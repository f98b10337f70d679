"""Receivers that turn other apps' domain events into notifications. Those apps send the
events from the service that made the transition and do not know who listens (decision
0012); nothing here hears a model's ``save()``.

- ``evidence.signals.feedback_given`` → the learner and their guardians (kind
  ``feedback``), unless the evidence is a reassessment's result;
- ``evidence.signals.reassessment_decided`` (scheduled, declined or completed) → the
  learner and their guardians (kind ``reassessment_decision``);
- ``pathways.signals.check_in_recorded`` → the learner and their guardians (kind
  ``goal_checkin``);
- ``credentials.signals.award_recorded`` → the learner (link: their credits and
  certificates) and their guardians (link: the family view) (kind ``award``);
- ``learning.signals.proposal_reviewed`` (approved, or changes asked for) → the learner
  only: a proposal is a plan between learner and educator, and the family hears of the
  evidence it leads to (kind ``proposal_decision``, link: the proposal);
- ``learning.signals.artifact_reviewed`` → accepted as evidence: the learner and their
  guardians; returned with a note: the learner only, who has the work to redo (kind
  ``portfolio_review``, link: the work's page, which guardians may also open);
- ``supports.signals.flags_opened`` → the learner's counselors and the educators of their
  sections, never the learner or the family (kind ``flag``, link: the learner's supports).

Reassessment decisions link to the request's page, for the learner and the guardians.
"""

from typing import TYPE_CHECKING

from django.db.models import Q
from django.urls import NoReverseMatch, reverse
from django.utils import formats, timezone
from django.utils.functional import lazy
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from continuum.credentials.models import Award
from continuum.credentials.public import award_recorded
from continuum.evidence.models import Artifact, Evidence, EvidenceSource
from continuum.evidence.public import feedback_given
from continuum.learning.models import Proposal, Reassessment
from continuum.learning.public import artifact_reviewed, proposal_reviewed, reassessment_decided
from continuum.notifications.models import Kind
from continuum.notifications.services import notify
from continuum.pathways.models import CheckIn
from continuum.pathways.public import check_in_recorded
from continuum.people.models import User
from continuum.supports.models import Flag, Requirement
from continuum.supports.public import flags_opened

if TYPE_CHECKING:
    from django.utils.functional import _StrPromise

DECIDED: dict[str, "_StrPromise"] = {
    Reassessment.Status.SCHEDULED: _("Reassessment approved: {code}"),
    Reassessment.Status.DECLINED: _("Reassessment not yet approved: {code}"),
    Reassessment.Status.COMPLETED: _("Reassessed: {code}"),
}
DECIDED_FOR: dict[str, "_StrPromise"] = {
    Reassessment.Status.SCHEDULED: _("{name}'s reassessment approved: {code}"),
    Reassessment.Status.DECLINED: _("{name}'s reassessment not yet approved: {code}"),
    Reassessment.Status.COMPLETED: _("{name} was reassessed: {code}"),
}


def _url(name: str, *args: int) -> str:
    try:
        return reverse(name, args=args)
    except NoReverseMatch:
        return ""


def _guardians(learner: User) -> list[User]:
    return list(User.objects.filter(guarded_links__learner=learner))


def _tell_family(
    learner: User,
    kind: str,
    own_title,
    family_title,
    body,
    own_url: str | None = None,
    family_url: str | None = None,
) -> None:
    """The learner's notice links to ``own_url`` (by default their evidence); their
    guardians' to ``family_url`` (by default the family view)."""
    notify(
        recipients=[learner],
        kind=kind,
        title=own_title,
        body=body,
        url=_url("learner_evidence", learner.pk) if own_url is None else own_url,
    )
    notify(
        recipients=_guardians(learner),
        kind=kind,
        title=family_title,
        body=body,
        url=_url("family_learner", learner.pk) if family_url is None else family_url,
    )


def _code(target) -> str:
    """How a notice names a target: its code, else the start of its statement."""
    return target.human_coding_scheme or target.full_statement[:40]


# Evidence whose own decision's notice ("Reassessed", "Your work was accepted") carries
# its feedback: no second notice for it.
_TOLD_BY_THEIR_DECISION = frozenset({EvidenceSource.REASSESSMENT, EvidenceSource.PORTFOLIO})


def feedback_heard(sender, evidence: Evidence, **kwargs) -> None:
    if evidence.source in _TOLD_BY_THEIR_DECISION:
        return
    code = _code(evidence.target)
    _tell_family(
        evidence.learner,
        Kind.FEEDBACK,
        format_lazy(_("New feedback on {code}"), code=code),
        format_lazy(
            _("New feedback for {name} on {code}"), name=evidence.learner.first_name, code=code
        ),
        evidence.feedback,
    )


def reassessment_decided_heard(
    sender, reassessment: Reassessment, before: str, after: str, **kwargs
) -> None:
    if after not in DECIDED:
        return
    code = _code(reassessment.target)
    when = ""
    if after == Reassessment.Status.SCHEDULED and reassessment.scheduled_for:
        when = timezone.localtime(reassessment.scheduled_for).strftime("%Y-%m-%d %H:%M")
    feedback = reassessment.evidence.feedback if reassessment.evidence else ""
    body = "\n".join(part for part in (when, reassessment.decision_note, feedback) if part)
    _tell_family(
        reassessment.learner,
        Kind.REASSESSMENT_DECISION,
        format_lazy(DECIDED[after], code=code),
        format_lazy(DECIDED_FOR[after], name=reassessment.learner.first_name, code=code),
        body,
        own_url=_url("reassessment_detail", reassessment.pk),
        family_url=_url("reassessment_detail", reassessment.pk),
    )


def check_in_heard(sender, check_in: CheckIn, **kwargs) -> None:
    learner, goal = check_in.goal.learner, str(check_in.goal)
    _tell_family(
        learner,
        Kind.GOAL_CHECKIN,
        format_lazy(_("Goal check-in: {goal}"), goal=goal),
        format_lazy(_("{name} had a goal check-in: {goal}"), name=learner.first_name, goal=goal),
        check_in.note,
    )


# The date in the recipient's language: ``notify`` renders each notice under it.
_date = lazy(formats.date_format, str)


def award_heard(sender, award: Award, **kwargs) -> None:
    learner, requirement = award.learner, award.requirement.title
    kind = Requirement.Kind(award.kind).label
    _tell_family(
        learner,
        Kind.AWARD,
        format_lazy(_("You earned {requirement}"), requirement=requirement),
        format_lazy(
            _("{name} earned {requirement}"), name=learner.first_name, requirement=requirement
        ),
        format_lazy(_("{kind}, awarded on {day}."), kind=kind, day=_date(award.awarded_on)),
        own_url=_url("my_credentials"),
    )


def proposal_reviewed_heard(sender, proposal: Proposal, **kwargs) -> None:
    approved = proposal.status == Proposal.Status.APPROVED
    title = (
        _("Your proposal was approved: {code}")
        if approved
        else _("Your proposal needs changes: {code}")
    )
    notify(
        recipients=[proposal.learner],
        kind=Kind.PROPOSAL_DECISION,
        title=format_lazy(title, code=_code(proposal.target)),
        body=proposal.review_note,
        url=_url("proposal_detail", proposal.pk),
    )


def artifact_reviewed_heard(sender, artifact: Artifact, **kwargs) -> None:
    learner, url = artifact.learner, _url("artifact_detail", artifact.pk)
    if artifact.status == Artifact.Status.RETURNED:
        notify(
            recipients=[learner],
            kind=Kind.PORTFOLIO_REVIEW,
            title=format_lazy(_("Your work was returned: {title}"), title=artifact.title),
            body=artifact.review_note,
            url=url,
        )
        return
    _tell_family(
        learner,
        Kind.PORTFOLIO_REVIEW,
        format_lazy(_("Your work was accepted as evidence: {title}"), title=artifact.title),
        format_lazy(
            _("{name}'s work was accepted as evidence: {title}"),
            name=learner.first_name,
            title=artifact.title,
        ),
        artifact.review_note,
        own_url=url,
        family_url=url,
    )


def _staff_of(learner: User) -> list[User]:
    """The learner's counselors and the educators of the sections they are enrolled in."""
    return list(
        User.objects.filter(
            Q(caseload__learner=learner) | Q(sections_taught__enrollments__learner=learner)
        ).distinct()
    )


def flags_opened_heard(sender, learner: User, flags: list[Flag], **kwargs) -> None:
    kinds = ", ".join(str(Flag.Kind(flag.kind).label) for flag in flags)
    notify(
        recipients=_staff_of(learner),
        kind=Kind.FLAG,
        title=format_lazy(
            _("New early-warning flag for {name}: {kinds}"), name=str(learner), kinds=kinds
        ),
        body="\n".join(flag.explanation for flag in flags),
        url=_url("learner_supports", learner.pk),
    )


def connect() -> None:
    feedback_given.connect(feedback_heard, dispatch_uid="notify_feedback")
    reassessment_decided.connect(reassessment_decided_heard, dispatch_uid="notify_reassessment")
    check_in_recorded.connect(check_in_heard, dispatch_uid="notify_check_in")
    award_recorded.connect(award_heard, dispatch_uid="notify_award")
    proposal_reviewed.connect(proposal_reviewed_heard, dispatch_uid="notify_proposal")
    artifact_reviewed.connect(artifact_reviewed_heard, dispatch_uid="notify_artifact")
    flags_opened.connect(flags_opened_heard, dispatch_uid="notify_flags")
