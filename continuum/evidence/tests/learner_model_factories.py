"""A small school's auto-scored answers for learner model tests: a class of twelve besides
Lena and Omar in Erin's section, each answering questions on targets at given success
rates (so the model learns which targets go well)."""

import random
from datetime import UTC, datetime, timedelta

from continuum.evidence.models import Question, Response
from continuum.evidence.services.assessments import AlignmentSpec, alignment_set, assessment_create
from continuum.people.models import Enrollment, Role, User

MONDAY = datetime(2026, 9, 7, 9, tzinfo=UTC)


def questions_on(world, targets) -> dict[str, Question]:
    """One auto-scored question per target, in one formative check of Erin's section."""
    assessment = assessment_create(
        creator=world["erin"], title="Quick check", kind="formative_check", section=world["math_a"]
    )
    alignments = alignment_set(
        assessment=assessment,
        by=world["erin"],
        alignments=[AlignmentSpec(target) for target in targets.values()],
    )
    return {
        code: Question.objects.create(alignment=alignment, prompt=code, kind="numeric", answer="1")
        for code, alignment in zip(targets, alignments, strict=True)
    }


def answer(question: Question, learner: User, correct: bool, minutes: int) -> Response:
    return Response.objects.create(
        question=question,
        learner=learner,
        answer="1" if correct else "0",
        correct=correct,
        answered_at=MONDAY + timedelta(minutes=minutes),
    )


def class_answers(world, questions, rates: dict[str, float], size=12, each=6) -> list[User]:
    """``size`` new learners of Erin's section, each answering ``each`` times per target,
    right at the target's rate (a fixed seed: the same answers every run)."""
    rng = random.Random(16)
    learners = []
    for n in range(size):
        learner = User.objects.create_user(
            f"classmate{n}", role=Role.LEARNER, organization=world["school"]
        )
        Enrollment.objects.create(section=world["math_a"], learner=learner)
        for minute in range(each):
            for code, rate in rates.items():
                answer(questions[code], learner, rng.random() < rate, minute)
        learners.append(learner)
    return learners
