"""Receivers that turn events elsewhere into notifications, without touching those apps.

- new evidence with feedback → the learner and their guardians (kind ``feedback``);
- a reassessment scheduled, declined or completed → the learner and their guardians
  (kind ``reassessment_decision``);
- a goal check-in recorded → the learner and their
  guardians (kind ``goal_checkin``).
"""

from typing import TYPE_CHECKING

from django.db.models.signals import post_save, pre_save
from django.urls import NoReverseMatch, reverse
from django.utils import timezone
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from continuum.evidence.models import Evidence, EvidenceSource, Reassessment
from continuum.notifications.models import Kind
from continuum.notifications.services import notify
from continuum.pathways.models import CheckIn
from continuum.people.models import User

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


def _url(name: str, learner_id: int) -> str:
    try:
        return reverse(name, args=[learner_id])
    except NoReverseMatch:
        return ""


def _guardians(learner: User) -> list[User]:
    return list(User.objects.filter(guarded_links__learner=learner))


def _tell_family(learner: User, kind: str, own_title, family_title, body) -> None:
    """The learner's notice links to their evidence; their guardians' to the family view."""
    notify(
        recipients=[learner],
        kind=kind,
        title=own_title,
        body=body,
        url=_url("learner_evidence", learner.pk),
    )
    notify(
        recipients=_guardians(learner),
        kind=kind,
        title=family_title,
        body=body,
        url=_url("family_learner", learner.pk),
    )


def evidence_saved(sender, instance: Evidence, created: bool, raw: bool = False, **kwargs) -> None:
    if raw or not created or not instance.feedback.strip():
        return
    if instance.source == EvidenceSource.REASSESSMENT:
        return  # the reassessment's own notice ("Reassessed") carries this feedback
    code = instance.target.human_coding_scheme or instance.target.full_statement[:40]
    _tell_family(
        instance.learner,
        Kind.FEEDBACK,
        format_lazy(_("New feedback on {code}"), code=code),
        format_lazy(
            _("New feedback for {name} on {code}"), name=instance.learner.first_name, code=code
        ),
        instance.feedback,
    )


def reassessment_remember(sender, instance: Reassessment, raw: bool = False, **kwargs) -> None:
    """Keep the status before the save, so the receiver below can see a change."""
    before = None
    if not raw and instance.pk is not None:
        before = (
            Reassessment.objects.filter(pk=instance.pk).values_list("status", flat=True).first()
        )
    setattr(instance, "_status_before", before)  # noqa: B010  # not a model field


def reassessment_saved(sender, instance: Reassessment, raw: bool = False, **kwargs) -> None:
    status = instance.status
    if raw or status not in DECIDED or getattr(instance, "_status_before", None) == status:
        return
    code = instance.target.human_coding_scheme or instance.target.full_statement[:40]
    when = ""
    if status == Reassessment.Status.SCHEDULED and instance.scheduled_for:
        when = timezone.localtime(instance.scheduled_for).strftime("%Y-%m-%d %H:%M")
    feedback = instance.evidence.feedback if instance.evidence else ""
    body = "\n".join(part for part in (when, instance.decision_note, feedback) if part)
    _tell_family(
        instance.learner,
        Kind.REASSESSMENT_DECISION,
        format_lazy(DECIDED[status], code=code),
        format_lazy(DECIDED_FOR[status], name=instance.learner.first_name, code=code),
        body,
    )


def _learner_of(check_in) -> User | None:
    learner = getattr(check_in, "learner", None)
    if learner is None:
        goal = getattr(check_in, "goal", None)
        learner = getattr(goal, "learner", None)
    return learner


def check_in_saved(sender, instance, created: bool, raw: bool = False, **kwargs) -> None:
    learner = _learner_of(instance)
    if raw or not created or learner is None:
        return
    goal = getattr(instance, "goal", None)
    about = str(goal) if goal is not None else ""
    note = next(
        (
            str(getattr(instance, field))
            for field in ("note", "notes", "comment", "summary", "reflection")
            if getattr(instance, field, "")
        ),
        "",
    )
    _tell_family(
        learner,
        Kind.GOAL_CHECKIN,
        format_lazy(_("Goal check-in: {goal}"), goal=about),
        format_lazy(_("{name} had a goal check-in: {goal}"), name=learner.first_name, goal=about),
        note,
    )


def connect() -> None:
    post_save.connect(evidence_saved, sender=Evidence, dispatch_uid="notify_evidence")
    pre_save.connect(reassessment_remember, sender=Reassessment, dispatch_uid="notify_reass_pre")
    post_save.connect(reassessment_saved, sender=Reassessment, dispatch_uid="notify_reassessment")
    post_save.connect(check_in_saved, sender=CheckIn, dispatch_uid="notify_check_in")
