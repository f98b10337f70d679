"""Writing assessments: creating, aligning with rubrics, questions, scoring a section."""

from datetime import UTC, date, datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from continuum.evidence.models import (
    Alignment,
    Assessment,
    AssessmentKind,
    Estimate,
    Evidence,
    EvidenceKind,
    Mark,
    QuestionKind,
)
from continuum.evidence.services.assessments import (
    AlignmentSpec,
    ScoreCell,
    ScoringRefusedError,
    alignment_set,
    assessment_create,
    assessment_score,
    question_add,
)

MONDAY = datetime(2026, 9, 7, 9, tzinfo=UTC)


def create(world, **options):
    defaults = {"creator": world["erin"], "title": "Ratios check", "kind": "summative"}
    defaults.setdefault("section", world["math_a"])
    return assessment_create(**{**defaults, **options})


@pytest.fixture
def quiz(world, sample):
    """Erin's summative on N.1.a (weight 2, due 1 Oct) and N.1.b, for Math 6A."""
    assessment = create(world)
    alignment_set(
        assessment=assessment,
        by=world["erin"],
        alignments=[
            AlignmentSpec(sample["N.1.a"], weight=2, due_on=date(2026, 10, 1)),
            AlignmentSpec(sample["N.1.b"]),
        ],
    )
    return assessment


def test_the_evidence_kind_defaults_from_the_kind_of_assessment(world):
    assert create(world, kind=AssessmentKind.FORMATIVE_CHECK).evidence_kind == "formative"
    assert create(world, kind=AssessmentKind.PROJECT).evidence_kind == "summative"
    overridden = create(world, kind=AssessmentKind.OBSERVATION, evidence_kind="summative")
    assert overridden.evidence_kind == EvidenceKind.SUMMATIVE


def test_creating_an_assessment_is_recorded_in_its_history(world):
    assessment = create(world)
    change = assessment.history.get()
    assert change.history_user == world["erin"]
    assert change.history_change_reason == "Created"


def test_an_educator_creates_only_for_a_section_they_teach(world):
    with pytest.raises(PermissionDenied, match="sections you teach"):
        create(world, section=world["math_b"])
    with pytest.raises(PermissionDenied, match="sections you teach"):
        create(world, section=None)
    assert not Assessment.objects.exists()


def test_a_leader_creates_for_their_school_and_a_learner_cannot(world):
    assert create(world, creator=world["leo"], section=None).school == world["school"]
    with pytest.raises(PermissionDenied):
        create(world, creator=world["lena"])


def test_a_kind_that_does_not_exist_is_refused(world):
    with pytest.raises(ValidationError, match="not a kind of assessment"):
        create(world, kind="quiz-show")


def test_alignments_keep_order_weight_due_date_and_rubric(world, sample, quiz):
    first, second = quiz.alignments.all()
    assert (first.target, first.weight, first.due_on) == (sample["N.1.a"], 2, date(2026, 10, 1))
    assert (second.target, second.position) == (sample["N.1.b"], 1)
    assert quiz.history.first().history_change_reason == "Aligned to N.1.a, N.1.b"


def test_a_rubric_keeps_levels_written_and_drops_empty_ones(world, sample, quiz):
    spec = AlignmentSpec(sample["N.1.a"], rubric={"3": " Explains a ratio ", "4": "  "})
    (alignment,) = alignment_set(assessment=quiz, by=world["erin"], alignments=[spec])
    assert alignment.rubric == {"3": "Explains a ratio"}


@pytest.mark.parametrize(
    ("specs", "message"),
    [
        (lambda s: [], "at least one learning target"),
        (lambda s: [AlignmentSpec(s["N.1"])], "N.1 is not a learning target"),
        (lambda s: [AlignmentSpec(s["N.1.a"]), AlignmentSpec(s["N.1.a"])], "listed twice"),
        (lambda s: [AlignmentSpec(s["N.1.a"], weight=-1)], "weight must be zero or more"),
        (lambda s: [AlignmentSpec(s["N.1.a"], rubric={"7": "x"})], "level 7, which is not"),
    ],
)
def test_bad_alignments_are_refused_and_change_nothing(world, sample, quiz, specs, message):
    with pytest.raises(ValidationError, match=message):
        alignment_set(assessment=quiz, by=world["erin"], alignments=specs(sample))
    assert [a.target.human_coding_scheme for a in quiz.alignments.all()] == ["N.1.a", "N.1.b"]


def test_only_the_creator_or_the_sections_educators_change_alignments(world, sample, quiz):
    with pytest.raises(PermissionDenied):
        alignment_set(assessment=quiz, by=world["eli"], alignments=[AlignmentSpec(sample["N.1.a"])])
    with pytest.raises(PermissionDenied):
        alignment_set(assessment=quiz, by=world["leo"], alignments=[AlignmentSpec(sample["N.1.a"])])


def test_a_target_with_questions_cannot_be_dropped(world, sample, quiz):
    first = quiz.alignments.first()
    question_add(alignment=first, by=world["erin"], prompt="2:3 = 4:?", kind="numeric", answer="6")
    with pytest.raises(ValidationError, match=r"N\.1\.a has questions"):
        alignment_set(
            assessment=quiz, by=world["erin"], alignments=[AlignmentSpec(sample["N.1.b"])]
        )
    assert quiz.alignments.count() == 2


def test_dropping_and_adding_targets(world, sample, quiz):
    alignment_set(
        assessment=quiz,
        by=world["erin"],
        alignments=[AlignmentSpec(sample["N.1.b"]), AlignmentSpec(sample["N.2.a"])],
    )
    codes = [a.target.human_coding_scheme for a in quiz.alignments.all()]
    assert codes == ["N.1.b", "N.2.a"]


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({"kind": "multiple_choice", "choices": ["1:2"], "answer": "1:2"}, "at least two"),
        ({"kind": "multiple_choice", "choices": ["1:2", "2:1"], "answer": "3:1"}, "not one of"),
        ({"kind": "numeric", "answer": "six"}, "not a number"),
        ({"kind": "numeric", "answer": "6", "tolerance": -1}, "tolerance"),
        ({"kind": "essay", "answer": "x"}, "not a kind of question"),
    ],
)
def test_bad_questions_are_refused(world, quiz, options, message):
    with pytest.raises(ValidationError, match=message):
        question_add(alignment=quiz.alignments.first(), by=world["erin"], prompt="?", **options)
    assert not quiz.alignments.first().questions.exists()


def test_a_multiple_choice_question_keeps_its_choices(world, quiz):
    question = question_add(
        alignment=quiz.alignments.first(),
        by=world["erin"],
        prompt="Which is 2:3?",
        kind=QuestionKind.MULTIPLE_CHOICE,
        choices=["4:6", " 3:2 ", ""],
        answer="4:6",
    )
    assert question.choices == ["4:6", "3:2"]


def cells(world, quiz, *values):
    first, second = quiz.alignments.all()
    return [
        ScoreCell(learner, alignment, value)
        for (learner, alignment), value in zip(
            [(world["lena"], first), (world["lena"], second)], values, strict=False
        )
    ]


def test_scoring_a_section_records_each_cell_with_the_alignments_settings(world, sample, quiz):
    recorded = assessment_score(
        assessment=quiz,
        scorer=world["erin"],
        cells=cells(world, quiz, "3", "missing"),
        assessed_at=MONDAY,
    )
    scored, missing = recorded
    assert (scored.level, scored.weight, scored.due_on, scored.kind) == (
        3,
        2,
        date(2026, 10, 1),
        "summative",
    )
    assert (scored.assessment, scored.target, scored.scorer) == (
        quiz,
        sample["N.1.a"],
        world["erin"],
    )
    assert (missing.mark, missing.level) == (Mark.MISSING, None)
    assert Estimate.objects.get(learner=world["lena"], target=sample["N.1.a"]).level == 3


def test_blank_cells_are_skipped(world, quiz):
    assert (
        assessment_score(
            assessment=quiz,
            scorer=world["erin"],
            cells=cells(world, quiz, "", " "),
            assessed_at=MONDAY,
        )
        == []
    )


def test_one_bad_cell_records_nothing_and_names_every_problem(world, quiz):
    bad = [*cells(world, quiz, "3", "5"), ScoreCell(world["omar"], quiz.alignments.first(), "2")]
    with pytest.raises(ScoringRefusedError) as refused:
        assessment_score(assessment=quiz, scorer=world["erin"], cells=bad, assessed_at=MONDAY)
    problems = [
        (e.learner.username, e.target.human_coding_scheme, e.reason) for e in refused.value.errors
    ]
    assert problems[0][:2] == ("lena", "N.1.b")
    assert "Level 5 is not on the scale" in problems[0][2]
    assert problems[1][:2] == ("omar", "N.1.a")
    assert "not in any of your sections" in problems[1][2]
    assert not Evidence.objects.exists()
    assert not Estimate.objects.exists()


def test_a_cell_that_is_not_a_level_is_reported(world, quiz):
    with pytest.raises(ScoringRefusedError) as refused:
        assessment_score(
            assessment=quiz,
            scorer=world["erin"],
            cells=cells(world, quiz, "great"),
            assessed_at=MONDAY,
        )
    assert "“great” is not a number" in refused.value.errors[0].reason


def test_an_alignment_of_another_assessment_is_refused(world, sample, quiz):
    other = create(world, title="Other")
    (foreign,) = alignment_set(
        assessment=other, by=world["erin"], alignments=[AlignmentSpec(sample["N.1.c"])]
    )
    with pytest.raises(ScoringRefusedError, match="1 cell"):
        assessment_score(
            assessment=quiz,
            scorer=world["erin"],
            cells=[ScoreCell(world["lena"], foreign, "3")],
            assessed_at=MONDAY,
        )
    assert Alignment.objects.count() == 3
