"""Requirements: create, edit (with a reason) and retire, by a school's leaders and its
district's admins. Each is audited by simple-history (who, when, why).

A rule never mixes learning areas: lifelong skills and behaviours are reported apart from
academics, so a requirement's targets are all academic or all lifelong learning (a school
adds a separate lifelong-learning requirement). The rules offered:

- ``all_proficient``: every target proficient;
- ``share_proficient``: at least ``share`` of the targets proficient, none below ``floor``;
- ``named_targets``: the targets chosen by name, all proficient (stored as
  ``all_proficient`` over those targets);
- ``points``: at least ``points`` targets proficient (each earns one point).

After a change the school's pace is recomputed in the background.
"""

from collections.abc import Iterable
from datetime import date

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from continuum.frameworks.models import FrameworkItem, ItemKind, LearningArea
from continuum.frameworks.public import framework_visible, scales_for
from continuum.people.models import Organization, Section, User
from continuum.supports.models import LearnerPace, Requirement
from continuum.supports.rules import edits_school
from continuum.supports.services.compute import supports_compute_request

NAMED = "named_targets"
RULES = ("all_proficient", "share_proficient", NAMED, "points")


def _codes(items: Iterable[FrameworkItem]) -> str:
    return ", ".join(sorted(item.human_coding_scheme or item.full_statement[:40] for item in items))


def _check_items(*, by: User, items: list[FrameworkItem], rule: str) -> list[FrameworkItem]:
    """The targets the rule will read; refuses items that cannot be read, that have no
    targets, that are not targets for named targets, or that mix learning areas."""
    if not items:
        raise ValidationError(_("Choose at least one competency or target."))
    visible = set(
        FrameworkItem.objects.filter(
            pk__in=[i.pk for i in items], version__framework__in=framework_visible(user=by)
        ).values_list("pk", flat=True)
    )
    hidden = [i for i in items if i.pk not in visible]
    if hidden or any(i.kind not in (ItemKind.COMPETENCY, ItemKind.TARGET) for i in items):
        raise ValidationError(_("Choose competencies or learning targets of your frameworks."))
    if rule == NAMED and any(i.kind != ItemKind.TARGET for i in items):
        competencies = [i for i in items if i.kind != ItemKind.TARGET]
        raise ValidationError(
            _("Named targets are learning targets; %(codes)s are competencies.")
            % {"codes": _codes(competencies)}
        )
    targets = {item.pk: {item.learning_area} for item in items if item.kind == ItemKind.TARGET}
    under = FrameworkItem.objects.filter(parent__in=items, kind=ItemKind.TARGET)
    for parent, area in under.values_list("parent_id", "learning_area"):
        targets.setdefault(parent, set()).add(area)
    empty = [i for i in items if not targets.get(i.pk)]
    if empty:
        raise ValidationError(_("%(codes)s have no learning targets.") % {"codes": _codes(empty)})
    _check_areas(items, targets)
    read = {target.pk: target for target in under}
    read.update((i.pk, i) for i in items if i.kind == ItemKind.TARGET)
    return list(read.values())


def _check_areas(items: list[FrameworkItem], areas: dict[int, set[str]]) -> None:
    """One learning area per requirement, naming what is academic and what is not."""
    found = {area for per in areas.values() for area in per}
    if len(found) < 2:
        return
    labels = dict(LearningArea.choices)
    parts = [
        f"{labels.get(area, area)}: {_codes(i for i in items if area in areas[i.pk])}"
        for area in LearningArea.values
        if area in found
    ]
    raise ValidationError(
        _(
            "A requirement's targets must all be academic or all lifelong learning "
            "(%(parts)s). Make a separate requirement for the lifelong-learning ones."
        )
        % {"parts": "; ".join(parts)}
    )


def _floor_bounds(targets: list[FrameworkItem]) -> list[tuple[FrameworkItem, float, float]]:
    """Each target's lowest level and proficiency cut (the usual 1–4 scale, cut 3, when
    it has no scale)."""
    bounds = []
    scales = scales_for(targets)
    for target in targets:
        scale = scales[target.pk]
        if scale is None:
            bounds.append((target, 1.0, 3.0))
        else:
            levels = [level.value for level in scale.levels.all()]
            bounds.append((target, min(levels, default=0.0), scale.proficiency_cut))
    return bounds


def build_rule(
    *,
    rule: str,
    targets: list[FrameworkItem],
    share: float | None = None,
    floor: float | None = None,
    points: float | None = None,
) -> dict:
    """The rule as stored, after checking its parameters against the targets."""
    if rule not in RULES:
        raise ValidationError(_("Choose one of the rules offered."))
    if rule in ("all_proficient", NAMED):
        return {"name": "all_proficient", "parameters": {}}
    if rule == "points":
        if points is None or not 1 <= points <= len(targets):
            raise ValidationError(
                _("Points must be between 1 and the number of targets (%(count)d).")
                % {"count": len(targets)}
            )
        return {"name": "points", "parameters": {"points": float(points)}}
    if share is None or not 0 < share <= 1:
        raise ValidationError(_("The share must be more than 0 and at most 1 (e.g. 0.8)."))
    if floor is None:
        raise ValidationError(_("Give the floor: the level no target may be below."))
    for target, lowest, cut in _floor_bounds(targets):
        if not lowest <= floor <= cut:
            raise ValidationError(
                _(
                    "The floor must lie between the lowest level (%(lowest)g) and "
                    "proficient (%(cut)g) on the scale of %(target)s."
                )
                % {"lowest": lowest, "cut": cut, "target": target.human_coding_scheme}
            )
    return {"name": "share_proficient", "parameters": {"share": share, "floor": floor}}


def _check_sections(*, kind: str, school: Organization, sections: list[Section]) -> None:
    if kind == Requirement.Kind.COURSE_CREDIT and not sections:
        raise ValidationError(_("Course credit needs at least one section: its learners."))
    if kind != Requirement.Kind.COURSE_CREDIT and sections:
        raise ValidationError(_("Only course credit is tied to sections."))
    other = [s for s in sections if s.school_id != school.pk]
    if other:
        raise ValidationError(
            _("%(sections)s belong to another school.")
            % {"sections": ", ".join(s.title for s in other)}
        )


def _check(by: User, school: Organization) -> None:
    if not edits_school(by, school):
        raise PermissionDenied(_("Only the school's leaders and district admins can do this."))


def _check_fields(*, title: str, starts_on: date, due_on: date) -> None:
    if not title.strip():
        raise ValidationError(_("A requirement needs a title."))
    if due_on <= starts_on:
        raise ValidationError(_("The due date must come after the start date."))


def _recompute(requirement: Requirement, by: User) -> None:
    """Pace follows the change: recompute the school's pace in the background."""
    if requirement.organization.kind == Organization.Kind.SCHOOL:
        supports_compute_request(school=requirement.organization, by=by)


def _save(
    requirement: Requirement,
    by: User,
    reason: str,
    competencies: list[FrameworkItem],
    sections: list[Section],
    *,
    created: bool,
) -> None:
    """Save the requirement and its competencies and sections as ONE history record (with
    who and why), holding the rule and both lists as they now are: the version an award
    cites. (Left alone, simple-history writes a record per save and per list change.)"""
    requirement.skip_history_when_saving = True  # type: ignore[attr-defined]
    try:
        requirement.save()
        requirement.competencies.set(competencies)
        requirement.sections.set(sections)
    finally:
        del requirement.skip_history_when_saving  # type: ignore[attr-defined]
    requirement._history_user = by  # type: ignore[attr-defined]
    requirement._change_reason = reason  # type: ignore[attr-defined]
    requirement.save()
    if created:
        requirement.history.filter(pk=requirement.history.latest().pk).update(history_type="+")


@transaction.atomic
def requirement_create(
    *,
    by: User,
    school: Organization,
    title: str,
    kind: str,
    starts_on: date,
    due_on: date,
    competencies: list[FrameworkItem],
    sections: list[Section] = (),  # type: ignore[assignment]
    rule: str = "all_proficient",
    share: float | None = None,
    floor: float | None = None,
    points: float | None = None,
) -> Requirement:
    _check(by, school)
    if school.kind != Organization.Kind.SCHOOL:
        raise ValidationError(_("A requirement belongs to a school."))
    _check_fields(title=title, starts_on=starts_on, due_on=due_on)
    _check_sections(kind=kind, school=school, sections=list(sections))
    targets = _check_items(by=by, items=list(competencies), rule=rule)
    stored = build_rule(rule=rule, targets=targets, share=share, floor=floor, points=points)
    requirement = Requirement(
        title=title.strip(),
        kind=kind,
        organization=school,
        starts_on=starts_on,
        due_on=due_on,
        rule=stored,
    )
    _save(requirement, by, "Requirement created", competencies, sections, created=True)
    _recompute(requirement, by)
    return requirement


@transaction.atomic
def requirement_update(
    *,
    requirement: Requirement,
    by: User,
    reason: str,
    title: str,
    kind: str,
    starts_on: date,
    due_on: date,
    competencies: list[FrameworkItem],
    sections: list[Section] = (),  # type: ignore[assignment]
    rule: str = "all_proficient",
    share: float | None = None,
    floor: float | None = None,
    points: float | None = None,
) -> Requirement:
    """Change a requirement; the reason is kept in its history."""
    _check(by, requirement.organization)
    if not reason.strip():
        raise ValidationError(_("Say why the requirement changes: it is kept in its history."))
    _check_fields(title=title, starts_on=starts_on, due_on=due_on)
    _check_sections(kind=kind, school=requirement.organization, sections=list(sections))
    targets = _check_items(by=by, items=list(competencies), rule=rule)
    stored = build_rule(rule=rule, targets=targets, share=share, floor=floor, points=points)
    requirement.title, requirement.kind = title.strip(), kind
    requirement.starts_on, requirement.due_on, requirement.rule = starts_on, due_on, stored
    _save(requirement, by, reason.strip(), competencies, sections, created=False)
    _recompute(requirement, by)
    return requirement


@transaction.atomic
def requirement_retire(*, requirement: Requirement, by: User, reason: str) -> Requirement:
    """Retire a requirement: it applies to no one from now on, its pace goes at once, and
    it stays readable (with its history, and any award made under it)."""
    _check(by, requirement.organization)
    if not requirement.active:
        raise ValidationError(_("This requirement is already retired."))
    if not reason.strip():
        raise ValidationError(_("Say why the requirement is retired: it is kept in its history."))
    requirement.active = False
    requirement._history_user = by  # type: ignore[attr-defined]
    requirement._change_reason = reason.strip()  # type: ignore[attr-defined]
    requirement.save(update_fields=["active"])
    LearnerPace.objects.filter(requirement=requirement).delete()
    _recompute(requirement, by)
    return requirement
