"""Support plans: open (optionally from a flag), add actions and notes, review, close,
share with the family; and acknowledging or resolving flags. Every change is audited by
simple-history, with the person who made it."""

from datetime import date

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from continuum.frameworks.models import FrameworkItem
from continuum.people.models import User
from continuum.supports.models import Flag, SupportAction, SupportNote, SupportPlan


def _check(by: User, learner: User) -> None:
    if not by.has_perm("supports.manage_supports", learner):
        raise PermissionDenied("Only the learner's educators, counselor and leaders can do this.")


def _audited(obj, by: User, reason: str) -> None:
    obj._history_user = by
    obj._change_reason = reason


@transaction.atomic
def plan_create(
    *,
    learner: User,
    by: User,
    tier: int,
    concern: str,
    goal: str,
    review_on: date,
    targets: list[FrameworkItem] = (),  # type: ignore[assignment]
    flag: Flag | None = None,
) -> SupportPlan:
    _check(by, learner)
    if review_on < timezone.localdate():
        raise ValidationError("The review date cannot be in the past.")
    if flag is not None and flag.learner_id != learner.pk:
        raise ValidationError("That flag is about another learner.")
    plan = SupportPlan(
        learner=learner, tier=tier, concern=concern, goal=goal, review_on=review_on, created_by=by
    )
    _audited(plan, by, "Plan opened")
    plan.save()
    plan.targets.set(targets)
    if flag is not None:
        plan.flags.add(flag)
        if flag.state == Flag.State.OPEN:
            flag_update(flag=flag, by=by, state=Flag.State.ACKNOWLEDGED, note="A plan was opened.")
    return plan


@transaction.atomic
def plan_review(
    *,
    plan: SupportPlan,
    by: User,
    review_on: date,
    outcome: str,
    close: bool,
    shared_with_family: bool,
    family_summary: str,
) -> SupportPlan:
    _check(by, plan.learner)
    if close and not outcome.strip():
        raise ValidationError("Say what the outcome was before closing the plan.")
    if shared_with_family and not family_summary.strip():
        raise ValidationError("Write the family summary before sharing the plan with the family.")
    plan.review_on, plan.outcome = review_on, outcome.strip()
    plan.status = SupportPlan.Status.CLOSED if close else SupportPlan.Status.ACTIVE
    plan.shared_with_family, plan.family_summary = shared_with_family, family_summary.strip()
    _audited(plan, by, "Plan reviewed")
    plan.save()
    return plan


def action_add(
    *, plan: SupportPlan, by: User, description: str, owner: User, due_on: date
) -> SupportAction:
    _check(by, plan.learner)
    if not owner.has_perm("supports.manage_supports", plan.learner):
        raise ValidationError(f"{owner.display_name} does not work with this learner.")
    action = SupportAction(plan=plan, description=description, owner=owner, due_on=due_on)
    _audited(action, by, "Action added")
    action.save()
    return action


def action_complete(*, action: SupportAction, by: User) -> SupportAction:
    _check(by, action.plan.learner)
    if action.done_at is not None:
        raise ValidationError("That action is already done.")
    action.done_at = timezone.now()
    _audited(action, by, "Action done")
    action.save()
    return action


def note_add(*, plan: SupportPlan, by: User, text: str) -> SupportNote:
    _check(by, plan.learner)
    if not text.strip():
        raise ValidationError("A progress note needs some text.")
    note = SupportNote(plan=plan, author=by, text=text.strip())
    _audited(note, by, "Progress note")
    note.save()
    return note


def flag_update(*, flag: Flag, by: User, state: str, note: str = "") -> Flag:
    """Acknowledge or resolve a flag (a resolved flag stays resolved: a new signal opens
    a new flag)."""
    _check(by, flag.learner)
    if state not in (Flag.State.ACKNOWLEDGED, Flag.State.RESOLVED):
        raise ValidationError("A flag can be acknowledged or resolved.")
    if flag.state == Flag.State.RESOLVED:
        raise ValidationError("This flag is already resolved.")
    flag.state = state
    if note:
        flag.note = note
    if flag.owner_id is None:
        flag.owner = by
    _audited(flag, by, f"Flag {state}")
    flag.save()
    return flag
