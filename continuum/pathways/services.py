"""Writes for pathways: the profile, goals with comments and check-ins, the catalog, and
the learning plan (drafted by the recommender, edited and agreed by learner and educator).

Every service checks the permission again (views check it first), validates its input and
changes nothing when it refuses. Plan rule: any edit to an agreed plan clears both
agreements, so what was agreed is always what the plan says.
"""

from collections.abc import Iterable, Mapping, Sequence
from datetime import date

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Max, Model
from django.utils import timezone
from simple_history.utils import bulk_create_with_history, bulk_update_with_history

from continuum.evidence.public import learner_map_get
from continuum.frameworks.models import FrameworkItem, ItemKind
from continuum.frameworks.public import district_ids, framework_visible, retired_refuse
from continuum.mastery import CatalogEntry, PlanPace, recommendations
from continuum.pathways.models import (
    CheckIn,
    Goal,
    GoalComment,
    LearnerProfile,
    LearningExperience,
    LearningPlan,
    PlanItem,
)
from continuum.pathways.selectors import experience_visible
from continuum.pathways.signals import check_in_recorded
from continuum.people.models import Organization, Role, User

LEARNER_FIELDS = ("strengths", "needs", "interests", "aspirations", "preferred_ways", "languages")
PLAN_SIZE = 5


def _require(user: User, permission: str, obj: Model | None) -> None:
    if not user.has_perm(permission, obj):
        raise PermissionDenied(f"You may not do this ({permission}).")


def tags_clean(values: Iterable[str], *, lower: bool = True) -> list[str]:
    """Short tags (lowercase unless told), each once, in the order given."""
    tags = [value.strip() for value in values if value.strip()]
    tags = [tag.lower() for tag in tags] if lower else tags
    too_long = [tag for tag in tags if len(tag) > 40]
    if too_long:
        raise ValidationError(f"A tag is at most 40 characters: “{too_long[0][:40]}…”.")
    return list(dict.fromkeys(tags))


@transaction.atomic
def profile_update(
    *, learner: User, by: User, changes: dict, accommodations: str | None = None
) -> LearnerProfile:
    """Save the learner's own fields; ``accommodations`` only from their educators and
    counselor (None leaves it alone)."""
    _require(by, "pathways.edit_profile", learner)
    unknown = set(changes) - set(LEARNER_FIELDS)
    if unknown:
        raise ValidationError(f"Unknown profile fields: {', '.join(sorted(unknown))}.")
    profile = LearnerProfile.objects.filter(learner=learner).first() or LearnerProfile(
        learner=learner
    )
    for name, value in changes.items():
        if name in ("interests", "preferred_ways", "languages"):
            value = tags_clean(value, lower=name != "languages")
        setattr(profile, name, value)
    if accommodations is not None:
        _require(by, "pathways.view_accommodations", learner)
        profile.accommodations = accommodations
    profile.save()
    return profile


@transaction.atomic
def goal_create(
    *,
    learner: User,
    by: User,
    title: str,
    targets: Iterable[FrameworkItem],
    by_when: date,
    how: str = "",
    today: date | None = None,
) -> Goal:
    _require(by, "pathways.set_goal", learner)
    chosen = list(targets)
    if not chosen:
        raise ValidationError("Choose at least one learning target for the goal.")
    if any(t.kind != ItemKind.TARGET for t in chosen):
        raise ValidationError("A goal is set on learning targets.")
    retired_refuse(chosen)
    if by_when < (today or timezone.localdate()):
        raise ValidationError("“By when” must be today or later.")
    if not title.strip():
        raise ValidationError("Give the goal a title.")
    goal = Goal.objects.create(
        learner=learner, title=title.strip(), by_when=by_when, how=how.strip(), created_by=by
    )
    goal.targets.set(chosen)
    return goal


@transaction.atomic
def goal_comment_add(*, goal: Goal, by: User, text: str) -> GoalComment:
    """A reflection when the learner writes it, a comment from anyone else."""
    _require(by, "pathways.comment_goal", goal.learner)
    if not text.strip():
        raise ValidationError("Write something first.")
    kind = GoalComment.Kind.REFLECTION if by.pk == goal.learner_id else GoalComment.Kind.COMMENT
    return GoalComment.objects.create(goal=goal, author=by, kind=kind, text=text.strip())


@transaction.atomic
def goal_check_in(*, goal: Goal, by: User, note: str, progress: str, on: date) -> CheckIn:
    _require(by, "pathways.check_in_goal", goal.learner)
    if progress not in CheckIn.Progress.values:
        raise ValidationError(f"Unknown progress “{progress}”.")
    if on > timezone.localdate():
        raise ValidationError("A check-in cannot be in the future.")
    if not note.strip():
        raise ValidationError("Write a note about the check-in.")
    check_in = CheckIn.objects.create(
        goal=goal, author=by, note=note.strip(), progress=progress, date=on
    )
    check_in_recorded.send(sender=CheckIn, check_in=check_in)
    return check_in


@transaction.atomic
def goal_status_set(*, goal: Goal, by: User, status: str) -> Goal:
    _require(by, "pathways.set_goal", goal.learner)
    if status not in Goal.Status.values:
        raise ValidationError(f"Unknown goal status “{status}”.")
    goal.status = status
    goal.save(update_fields=["status"])
    return goal


@transaction.atomic
def experience_save(
    *,
    by: User,
    fields: dict,
    targets: Iterable[FrameworkItem],
    experience: LearningExperience | None = None,
) -> LearningExperience:
    """Create or change a catalog entry. A partner's entries are always theirs.

    A new entry belongs to its curator's school (decision 0009); a partner's to the one
    district their placed learners are in, else it is platform-wide.
    """
    if experience is None:
        _require(by, "pathways.add_experience", None)
        experience = LearningExperience(curated_by=by, organization=_home_of(by))
    else:
        _require(by, "pathways.change_experience", experience)
    for name, value in fields.items():
        setattr(experience, name, tags_clean(value) if name == "interests" else value)
    if by.role == Role.PARTNER:
        experience.partner = by
    elif experience.partner is not None and experience.partner.role != Role.PARTNER:
        raise ValidationError("The partner must be a community partner.")
    targets = list(targets)
    foreign = FrameworkItem.objects.filter(pk__in=[t.pk for t in targets]).exclude(
        version__framework__in=framework_visible(user=by)
    )
    if foreign.exists():
        raise ValidationError("A target belongs to a framework your district cannot read.")
    experience.full_clean(exclude=["targets"])
    experience.save()
    experience.targets.set(targets)
    return experience


def _home_of(curator: User) -> Organization | None:
    if curator.organization is not None:
        return curator.organization
    districts = district_ids(curator)
    return Organization.objects.get(pk=next(iter(districts))) if len(districts) == 1 else None


def _require_offered(experience: LearningExperience | None, learner: User) -> None:
    if experience is None:
        return
    if not experience.active:
        raise ValidationError("That experience is no longer offered.")
    if not experience_visible(user=learner).filter(pk=experience.pk).exists():
        raise ValidationError("That experience is not offered in this learner's district.")


# ---- the learning plan --------------------------------------------------------------


def _plan_for(learner: User) -> LearningPlan:
    plan, _ = LearningPlan.objects.select_for_update().get_or_create(learner=learner)
    return plan


def _changed(plan: LearningPlan) -> None:
    """An edit after agreement clears it: the plan must be agreed again."""
    plan.agreed_by_learner_at = plan.agreed_by_educator_at = None
    plan.agreed_by_educator = None
    plan.save()


@transaction.atomic
def plan_draft(*, learner: User, by: User, today: date | None = None) -> list[PlanItem]:
    """Replace the plan's open suggestions with the recommender's draft.

    Items the learner or an educator accepted, added or dropped stay; the draft never
    suggests their targets again."""
    _require(by, "pathways.edit_plan", learner)
    plan = _plan_for(learner)
    plan.items.filter(status=PlanItem.Status.SUGGESTED).delete()
    kept = list(plan.items.all())
    found = learner_map_get(learner=learner, with_model=True)
    profile = LearnerProfile.objects.filter(learner=learner).first()
    catalog = [
        CatalogEntry(
            e.pk,
            frozenset(t.pk for t in e.targets.all()),
            frozenset(e.interests),
            e.setting,
        )
        for e in experience_visible(user=learner).filter(active=True).prefetch_related("targets")
    ]
    open_items = [i for i in kept if i.status != PlanItem.Status.DROPPED]
    suggestions = recommendations(
        [t.pk for t in found.targets],
        found.edges,
        found.statuses,
        interests=profile.interests if profile else (),
        catalog=catalog,
        pace=PlanPace(
            count=max(PLAN_SIZE - len(open_items), 0),
            start=today or timezone.localdate(),
        ),
        exclude={i.target_id for i in kept} | {t.pk for t in found.targets if t.retired_at},
        labels={t.pk: t.human_coding_scheme or str(t.pk) for t in found.targets},
        likelihood=found.likelihood,
    )
    start = (plan.items.aggregate(top=Max("position"))["top"] or 0) + 1
    created = [
        PlanItem.objects.create(
            plan=plan,
            target_id=s.target,
            experience_id=s.experience,
            position=start + index,
            due_on=s.due_on,
            stretch=s.stretch,
            reason="\n".join(s.reasons),
            added_by=PlanItem.AddedBy.SYSTEM,
        )
        for index, s in enumerate(suggestions)
    ]
    _changed(plan)
    return created


@transaction.atomic
def plan_item_add(
    *,
    learner: User,
    by: User,
    target: FrameworkItem,
    experience: LearningExperience | None = None,
    due_on: date | None = None,
) -> PlanItem:
    _require(by, "pathways.edit_plan", learner)
    if target.kind != ItemKind.TARGET:
        raise ValidationError("A plan step is a learning target.")
    retired_refuse([target])
    _require_offered(experience, learner)
    plan = _plan_for(learner)
    if plan.items.filter(target=target).exclude(status=PlanItem.Status.DROPPED).exists():
        raise ValidationError("That target is already in the plan.")
    plan.items.filter(target=target).delete()  # a dropped step comes back fresh
    top = plan.items.aggregate(top=Max("position"))["top"] or 0
    item = PlanItem.objects.create(
        plan=plan,
        target=target,
        experience=experience,
        due_on=due_on,
        position=top + 1,
        status=PlanItem.Status.ACCEPTED,
        added_by=PlanItem.AddedBy.LEARNER if by.pk == learner.pk else PlanItem.AddedBy.EDUCATOR,
    )
    _changed(plan)
    return item


@transaction.atomic
def plan_relearn_add(
    *, relearn: Mapping[User, Sequence[FrameworkItem]], reason: str
) -> list[PlanItem]:
    """Put each learner's targets to re-learn in their plan with ``reason``, for many
    learners at once (Continuum's own step when a course ends without credit, so no
    person's permission). Accepted, not suggested, so the recommender's next draft keeps
    them; a target already in a plan keeps its step and gains the reason; a dropped step
    comes back. Each plan touched must then be agreed again, as after any edit."""
    learners = [learner for learner, targets in relearn.items() if targets]
    found = LearningPlan.objects.select_for_update().filter(learner__in=learners)
    plans = {plan.learner_id: plan for plan in found}
    new_plans = [LearningPlan(learner=learner) for learner in learners if learner.pk not in plans]
    plans |= {p.learner_id: p for p in bulk_create_with_history(new_plans, LearningPlan)}
    items = PlanItem.objects.filter(plan__in=plans.values())
    existing = {(step.plan_id, step.target_id): step for step in items}
    top = {plan.pk: 0 for plan in plans.values()}
    for step in existing.values():
        top[step.plan_id] = max(top[step.plan_id], step.position)
    kept: list[PlanItem] = []
    fresh: list[PlanItem] = []
    dropped: list[int] = []
    touched: set[int] = set()
    for learner in learners:
        plan = plans[learner.pk]
        for target in relearn[learner]:
            item = existing.get((plan.pk, target.pk))
            if item is not None and item.status != PlanItem.Status.DROPPED:
                if reason not in item.reasons:
                    item.reason = "\n".join([*item.reasons, reason])
                    kept.append(item)
                    touched.add(plan.pk)
                continue
            if item is not None:
                dropped.append(item.pk)  # a dropped step comes back fresh
            top[plan.pk] += 1
            touched.add(plan.pk)
            fresh.append(
                PlanItem(
                    plan=plan,
                    target=target,
                    position=top[plan.pk],
                    status=PlanItem.Status.ACCEPTED,
                    reason=reason,
                    added_by=PlanItem.AddedBy.SYSTEM,
                )
            )
    PlanItem.objects.filter(pk__in=dropped).delete()
    bulk_update_with_history(kept, PlanItem, ["reason"], default_change_reason=reason)
    created = bulk_create_with_history(fresh, PlanItem, default_change_reason=reason)
    changed = [plan for plan in plans.values() if plan.pk in touched]
    now = timezone.now()
    for plan in changed:  # as ``_changed``: the plan must be agreed again
        plan.agreed_by_learner_at = plan.agreed_by_educator_at = plan.agreed_by_educator = None
        plan.updated_at = now
    agreement = ["agreed_by_learner_at", "agreed_by_educator_at", "agreed_by_educator"]
    bulk_update_with_history(changed, LearningPlan, [*agreement, "updated_at"])
    return kept + created


ACTIONS = ("accept", "start", "done", "drop", "restore", "up", "down", "schedule")


@transaction.atomic
def plan_item_change(
    *,
    item: PlanItem,
    by: User,
    action: str,
    due_on: date | None = None,
    experience: LearningExperience | None = None,
) -> PlanItem:
    """Accept, start, finish, drop or restore a step, move it up or down, or set its date
    and experience (``schedule``)."""
    plan = _plan_for(item.plan.learner)
    _require(by, "pathways.edit_plan", plan.learner)
    if action not in ACTIONS:
        raise ValidationError(f"Unknown action “{action}”.")
    statuses = {
        "accept": PlanItem.Status.ACCEPTED,
        "start": PlanItem.Status.IN_PROGRESS,
        "done": PlanItem.Status.DONE,
        "drop": PlanItem.Status.DROPPED,
        "restore": PlanItem.Status.ACCEPTED,
    }
    if action in statuses:
        item.status = statuses[action]
        item.save(update_fields=["status"])
    elif action in ("up", "down"):
        _move(plan, item, -1 if action == "up" else 1)
    else:
        _require_offered(experience, plan.learner)
        item.due_on, item.experience = due_on, experience
        item.save(update_fields=["due_on", "experience"])
    _changed(plan)
    return item


def _move(plan: LearningPlan, item: PlanItem, step: int) -> None:
    items = list(plan.items.order_by("position", "id"))
    index = next(i for i, other in enumerate(items) if other.pk == item.pk)
    other = index + step
    if 0 <= other < len(items):
        items[index], items[other] = items[other], items[index]
    for position, each in enumerate(items, start=1):
        if each.position != position:
            each.position = position
            each.save(update_fields=["position"])


@transaction.atomic
def plan_agree(*, learner: User, by: User) -> LearningPlan:
    """The learner or one of their educators agrees the plan as it stands."""
    _require(by, "pathways.agree_plan", learner)
    plan = _plan_for(learner)
    if not plan.items.exclude(status=PlanItem.Status.DROPPED).exists():
        raise ValidationError("Add at least one step before agreeing the plan.")
    now = timezone.now()
    if by.pk == learner.pk:
        plan.agreed_by_learner_at = now
    else:
        plan.agreed_by_educator_at, plan.agreed_by_educator = now, by
    plan.save()
    return plan
