"""Writing assessments: create one, align it to targets, add auto-scored questions, and
score a whole section on it at once.

Who may change an assessment: its creator, or an educator who teaches its section. Who
may score it: the recording service decides per learner (an educator of that learner).
"""

import math
from dataclasses import dataclass, field
from datetime import date, datetime

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction

from continuum.evidence.models import (
    DEFAULT_EVIDENCE_KIND,
    Alignment,
    Assessment,
    AssessmentKind,
    Evidence,
    EvidenceKind,
    EvidenceSource,
    Mark,
    Question,
    QuestionKind,
)
from continuum.evidence.services.recording import evidence_record
from continuum.frameworks.models import FrameworkItem, ItemKind
from continuum.frameworks.public import retired_refuse, scales_for
from continuum.people.models import Role, Section, User


def assessment_editable(*, user: User, assessment: Assessment) -> bool:
    """The creator, or an educator who teaches the assessment's section."""
    if user.pk == assessment.created_by_id:
        return True
    return (
        user.role == Role.EDUCATOR
        and assessment.section_id is not None
        and assessment.section.educators.filter(pk=user.pk).exists()  # type: ignore[union-attr]
    )


def _audit(assessment: Assessment, by: User, reason: str) -> None:
    assessment._change_reason = reason[:100]  # type: ignore[attr-defined]
    assessment._history_user = by  # type: ignore[attr-defined]
    assessment.save()


def assessment_create(
    *,
    creator: User,
    title: str,
    kind: str,
    section: Section | None = None,
    description: str = "",
    evidence_kind: str | None = None,
) -> Assessment:
    """A new assessment, with no alignments yet. Educators create for a section they
    teach; leaders for their school (a section of it, or none)."""
    if not creator.has_perm("evidence.create_assessment"):
        raise PermissionDenied("Only educators and school leaders create assessments.")
    if not title.strip():
        raise ValidationError("An assessment needs a title.")
    if kind not in AssessmentKind.values:
        raise ValidationError(f"“{kind}” is not a kind of assessment.")
    if evidence_kind is None or evidence_kind == "":
        evidence_kind = DEFAULT_EVIDENCE_KIND.get(AssessmentKind(kind), EvidenceKind.SUMMATIVE)
    if evidence_kind not in EvidenceKind.values:
        raise ValidationError(f"“{evidence_kind}” is neither formative nor summative.")
    if creator.role == Role.EDUCATOR:
        if section is None or not section.educators.filter(pk=creator.pk).exists():
            raise PermissionDenied("Choose one of the sections you teach.")
    elif section is not None and section.school_id != creator.organization_id:
        raise PermissionDenied(f"{section} is not in your school.")
    school = section.school if section is not None else creator.organization
    if school is None:
        raise ValidationError("You belong to no school, so the assessment would have none.")
    assessment = Assessment(
        title=title.strip(),
        description=description.strip(),
        kind=kind,
        evidence_kind=evidence_kind,
        school=school,
        section=section,
        created_by=creator,
    )
    with transaction.atomic():
        _audit(assessment, creator, "Created")
    return assessment


@dataclass(frozen=True)
class AlignmentSpec:
    """One target the assessment should measure. ``rubric`` maps a level value written
    as text ("1", "2.5") to this assessment's description of that level."""

    target: FrameworkItem
    weight: float = 1.0
    due_on: date | None = None
    rubric: dict[str, str] = field(default_factory=dict)


def _rubric_clean(spec: AlignmentSpec, allowed: list[float]) -> dict[str, str]:
    code = spec.target.human_coding_scheme
    by_key = {f"{value:g}": value for value in allowed}
    cleaned = {}
    for key, text in spec.rubric.items():
        if str(key) not in by_key:
            names = ", ".join(by_key)
            raise ValidationError(
                f"{code}: the rubric names level {key}, which is not on its scale ({names})."
            )
        if text and str(text).strip():
            cleaned[str(key)] = str(text).strip()
    return cleaned


def _specs_check(specs: list[AlignmentSpec]) -> dict[int, dict[str, str]]:
    if not specs:
        raise ValidationError("Align the assessment to at least one learning target.")
    seen: set[int] = set()
    scales = scales_for([spec.target for spec in specs])
    rubrics = {}
    for spec in specs:
        code = spec.target.human_coding_scheme
        if spec.target.kind != ItemKind.TARGET:
            raise ValidationError(f"{code} is not a learning target; align to its targets.")
        if spec.target.pk in seen:
            raise ValidationError(f"{code} is listed twice.")
        seen.add(spec.target.pk)
        if not math.isfinite(spec.weight) or spec.weight < 0:
            raise ValidationError(f"{code}: the weight must be zero or more.")
        scale = scales[spec.target.pk]
        if scale is None:
            raise ValidationError(f"{code} has no proficiency scale to score on.")
        rubrics[spec.target.pk] = _rubric_clean(spec, [lvl.value for lvl in scale.levels.all()])
    return rubrics


def alignment_set(
    *, assessment: Assessment, by: User, alignments: list[AlignmentSpec]
) -> list[Alignment]:
    """Make the assessment measure exactly these targets, in this order. Targets kept keep
    their questions and evidence; a target with questions or evidence cannot be dropped.
    All or nothing; the change is recorded in the assessment's history."""
    if not assessment_editable(user=by, assessment=assessment):
        raise PermissionDenied("Only the assessment's creator or its section's educators edit it.")
    rubrics = _specs_check(alignments)
    wanted = {spec.target.pk for spec in alignments}
    with transaction.atomic():
        existing = {a.target_id: a for a in assessment.alignments.select_for_update()}
        retired_refuse(spec.target for spec in alignments if spec.target.pk not in existing)
        for target_id, alignment in existing.items():
            if target_id in wanted:
                continue
            code = alignment.target.human_coding_scheme
            if alignment.questions.exists():
                raise ValidationError(f"{code} has questions; remove them before the target.")
            if Evidence.objects.filter(alignment=alignment).exists():
                raise ValidationError(f"{code} already has evidence from this assessment.")
            alignment.delete()
        saved = []
        for position, spec in enumerate(alignments):
            alignment = existing.get(spec.target.pk) or Alignment(
                assessment=assessment, target=spec.target
            )
            alignment.weight, alignment.due_on = spec.weight, spec.due_on
            alignment.rubric, alignment.position = rubrics[spec.target.pk], position
            alignment.save()
            saved.append(alignment)
        codes = ", ".join(spec.target.human_coding_scheme for spec in alignments)
        _audit(assessment, by, f"Aligned to {codes}")
    return saved


def _number(text: str, what: str) -> float:
    try:
        value = float(text)
    except (TypeError, ValueError):
        raise ValidationError(f"{what} “{text}” is not a number.") from None
    if not math.isfinite(value):
        raise ValidationError(f"{what} must be a finite number.")
    return value


def question_add(
    *,
    alignment: Alignment,
    by: User,
    prompt: str,
    kind: str,
    answer: str,
    choices: list[str] | None = None,
    tolerance: float = 0.0,
) -> Question:
    """An auto-scored question on one aligned target: multiple choice (the answer is one
    of the choices) or numeric (right within ± tolerance)."""
    if not assessment_editable(user=by, assessment=alignment.assessment):
        raise PermissionDenied("Only the assessment's creator or its section's educators edit it.")
    choices = [c.strip() for c in choices or [] if c.strip()]
    answer = answer.strip()
    if not prompt.strip():
        raise ValidationError("A question needs a prompt.")
    if kind == QuestionKind.MULTIPLE_CHOICE:
        if len(choices) < 2 or len(set(choices)) != len(choices):
            raise ValidationError("Give at least two different choices, one per line.")
        if answer not in choices:
            raise ValidationError(f"The answer “{answer}” is not one of the choices.")
        tolerance = 0.0
    elif kind == QuestionKind.NUMERIC:
        _number(answer, "The answer")
        if not math.isfinite(tolerance) or tolerance < 0:
            raise ValidationError("The tolerance must be zero or more.")
        choices = []
    else:
        raise ValidationError(f"“{kind}” is not a kind of question.")
    with transaction.atomic():
        question = Question.objects.create(
            alignment=alignment,
            prompt=prompt.strip(),
            kind=kind,
            choices=choices,
            answer=answer,
            tolerance=tolerance,
            position=alignment.questions.count(),
        )
        _audit(
            alignment.assessment, by, f"Question added on {alignment.target.human_coding_scheme}"
        )
    return question


@dataclass(frozen=True)
class ScoreCell:
    """One learner × alignment on the scoring sheet. ``value`` is a level of the target's
    scale, "missing", "excused", or blank (skip); ``feedback`` is stored on the evidence."""

    learner: User
    alignment: Alignment
    value: str
    feedback: str = ""


@dataclass(frozen=True)
class CellError:
    learner: User
    target: FrameworkItem
    reason: str


class ScoringRefusedError(Exception):
    """Some cells could not be recorded; nothing was."""

    def __init__(self, errors: list[CellError]):
        super().__init__(f"{len(errors)} cell(s) could not be recorded")
        self.errors = errors


def _cell_evidence(cell: ScoreCell, scorer: User, assessed_at: datetime) -> Evidence:
    value = cell.value.strip().lower()
    mark, level = Mark.SCORED, None
    if value in (Mark.MISSING, Mark.EXCUSED):
        mark = Mark(value)
    else:
        level = _number(value, "The level")
    alignment = cell.alignment
    assessment = alignment.assessment
    return evidence_record(
        learner=cell.learner,
        target=alignment.target,
        scorer=scorer,
        assessed_at=assessed_at,
        level=level,
        mark=mark,
        kind=assessment.evidence_kind,
        weight=alignment.weight,
        due_on=alignment.due_on,
        assessment=assessment,
        alignment=alignment,
        source=EvidenceSource.ASSESSMENT,
        feedback=cell.feedback.strip(),
        reason=f"Scored on {assessment.title}"[:100],
    )


def assessment_score(
    *, assessment: Assessment, scorer: User, cells: list[ScoreCell], assessed_at: datetime
) -> list[Evidence]:
    """Record every non-blank cell as evidence, in one transaction: if any cell fails
    (a level off the scale, a learner the scorer does not teach, an alignment of another
    assessment), nothing is recorded and every failure is reported."""
    errors: list[CellError] = []
    recorded: list[Evidence] = []
    with transaction.atomic():
        for cell in cells:
            if not cell.value.strip():
                continue
            target = cell.alignment.target
            if cell.alignment.assessment_id != assessment.pk:
                errors.append(CellError(cell.learner, target, "not part of this assessment"))
                continue
            try:
                with transaction.atomic():
                    recorded.append(_cell_evidence(cell, scorer, assessed_at))
            except (ValidationError, PermissionDenied) as error:
                reason = " ".join(getattr(error, "messages", None) or [str(error)])
                errors.append(CellError(cell.learner, target, reason))
        if errors:
            raise ScoringRefusedError(errors)
    return recorded
