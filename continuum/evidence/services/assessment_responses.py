"""Taking an auto-scored assessment: answers become responses, responses become evidence.

The scoring rule: in one attempt, a learner's answers to the questions of one aligned
target become ONE piece of evidence on that target, at the scale level that matches the
share they got right (``level_for_share``), with the feedback "k of n right". The
evidence is recorded in the name of the assessment's creator (or, when the creator does
not teach the learner, an educator of the section who does). Each response also updates
the learner's knowledge trace (BKT) on the target.
"""

import math
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from fractions import Fraction

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from continuum.evidence.models import (
    Alignment,
    Assessment,
    Evidence,
    EvidenceSource,
    Question,
    QuestionKind,
    Response,
)
from continuum.evidence.services.recording import evidence_record
from continuum.evidence.services.tracing import trace_update
from continuum.frameworks.public import scales_for
from continuum.people.models import User

# The lowest level covers less than 40 % right and the top level needs 90 %; the levels
# between share 40-90 % evenly (four levels: <40 % → 1, <65 % → 2, <90 % → 3, else 4).
LOWEST_CUT = Fraction(2, 5)
TOP_CUT = Fraction(9, 10)


def share_cuts(levels: int) -> list[Fraction]:
    """The shares right at which each level above the lowest begins."""
    if levels < 2:
        return []
    if levels == 2:
        return [TOP_CUT]
    step = (TOP_CUT - LOWEST_CUT) / (levels - 2)
    return [LOWEST_CUT + step * i for i in range(levels - 1)]


def level_for_share(right: int, asked: int, levels: Sequence[float]) -> float:
    """The level (from ``levels``, any order) that ``right`` of ``asked`` earns."""
    if asked <= 0 or not 0 <= right <= asked:
        raise ValueError(f"cannot score {right} right of {asked}")
    if not levels:
        raise ValueError("a scale needs at least one level")
    ordered = sorted(levels)
    share = Fraction(right, asked)
    reached = sum(1 for cut in share_cuts(len(ordered)) if share >= cut)
    return ordered[reached]


def answer_correct(question: Question, answer: str) -> bool:
    """Multiple choice: exactly the right choice. Numeric: within ± tolerance."""
    answer = answer.strip()
    if question.kind == QuestionKind.NUMERIC:
        given = _numeric(answer)
        return (
            given is not None and abs(given - float(question.answer)) <= question.tolerance + 1e-9
        )
    return answer == question.answer


def _numeric(text: str) -> float | None:
    try:
        value = float(text.replace(",", ".") if text.count(",") == 1 and "." not in text else text)
    except ValueError:
        return None
    return value if math.isfinite(value) else None


@dataclass(frozen=True)
class TargetResult:
    alignment: Alignment
    right: int
    asked: int
    evidence: Evidence


@dataclass(frozen=True)
class Submission:
    attempt: int
    results: list[TargetResult]


def _answers_check(questions: list[Question], answers: dict[int, str]) -> None:
    problems = []
    for number, question in enumerate(questions, start=1):
        given = (answers.get(question.pk) or "").strip()
        if not given:
            problems.append(f"Question {number} has no answer.")
        elif question.kind == QuestionKind.NUMERIC and _numeric(given) is None:
            problems.append(f"Question {number}: “{given}” is not a number.")
        elif question.kind == QuestionKind.MULTIPLE_CHOICE and given not in question.choices:
            problems.append(f"Question {number}: “{given}” is not one of the choices.")
    if problems:
        raise ValidationError(problems)


def _scorer(assessment: Assessment, learner: User) -> User:
    if assessment.created_by.has_perm("evidence.record_evidence", learner):
        return assessment.created_by
    assert assessment.section is not None
    for educator in assessment.section.educators.order_by("pk"):
        if educator.has_perm("evidence.record_evidence", learner):
            return educator
    raise PermissionDenied("No educator of this section can score you; ask your teacher.")


def response_submit(
    *, assessment: Assessment, learner: User, answers: dict[int, str], now: datetime | None = None
) -> Submission:
    """Score one attempt: every question must be answered; all or nothing."""
    if (
        assessment.section is None
        or not assessment.section.enrollments.filter(learner=learner).exists()
    ):
        raise PermissionDenied("You can take only the assessments of your sections.")
    questions = list(
        Question.objects.filter(alignment__assessment=assessment)
        .select_related("alignment__target")
        .order_by("alignment__position", "position", "id")
    )
    if not questions:
        raise ValidationError("This assessment has no questions to answer.")
    _answers_check(questions, answers)
    now = now or timezone.now()
    scorer = _scorer(assessment, learner)
    with transaction.atomic():
        previous = Response.objects.filter(
            learner=learner, question__alignment__assessment=assessment
        ).aggregate(last=Max("attempt"))["last"]
        attempt = (previous or 0) + 1
        responses = Response.objects.bulk_create(
            Response(
                question=q,
                learner=learner,
                attempt=attempt,
                answer=answers[q.pk].strip(),
                correct=answer_correct(q, answers[q.pk]),
                answered_at=now,
            )
            for q in questions
        )
        results = _record(assessment, learner, scorer, attempt, questions, responses, now)
    return Submission(attempt=attempt, results=results)


def _record(assessment, learner, scorer, attempt, questions, responses, now) -> list[TargetResult]:
    by_alignment: dict[int, list[Response]] = {}
    alignments: dict[int, Alignment] = {}
    for question, response in zip(questions, responses, strict=True):
        by_alignment.setdefault(question.alignment_id, []).append(response)
        alignments[question.alignment_id] = question.alignment
    scales = scales_for([a.target for a in alignments.values()])
    results = []
    for alignment_id, given in by_alignment.items():
        alignment = alignments[alignment_id]
        scale = scales[alignment.target_id]
        if scale is None:
            raise ValidationError(f"{alignment.target.human_coding_scheme} has no scale.")
        right = sum(1 for r in given if r.correct)
        level = level_for_share(right, len(given), [lvl.value for lvl in scale.levels.all()])
        evidence = evidence_record(
            learner=learner,
            target=alignment.target,
            scorer=scorer,
            assessed_at=now,
            level=level,
            kind=assessment.evidence_kind,
            weight=alignment.weight,
            due_on=alignment.due_on,
            assessment=assessment,
            alignment=alignment,
            attempt=attempt,
            feedback=f"{right} of {len(given)} right",
            source=EvidenceSource.ASSESSMENT,
            reason=f"Auto-scored: {assessment.title}"[:100],
        )
        trace_update(learner=learner, target=alignment.target, now=now)
        results.append(TargetResult(alignment, right, len(given), evidence))
    return results
