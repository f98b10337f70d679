"""Taking an auto-scored assessment: the scoring rule, responses, attempts, evidence."""

from datetime import UTC, datetime, timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from hypothesis import given
from hypothesis import strategies as st

from continuum.evidence.models import Evidence, KnowledgeTrace, Response
from continuum.evidence.services.assessment_responses import (
    answer_correct,
    level_for_share,
    response_submit,
    share_cuts,
)
from continuum.evidence.services.assessments import (
    AlignmentSpec,
    alignment_set,
    assessment_create,
    question_add,
)

FOUR = [1, 2, 3, 4]
MONDAY = datetime(2026, 9, 7, 9, tzinfo=UTC)


@pytest.mark.parametrize(
    ("right", "asked", "level"),
    [
        (0, 5, 1),
        (1, 3, 1),
        (2, 5, 2),
        (3, 5, 2),
        (13, 20, 3),
        (4, 5, 3),
        (8, 9, 3),
        (9, 10, 4),
        (1, 1, 4),
    ],
)
def test_four_levels_cut_at_40_65_and_90_percent(right, asked, level):
    assert level_for_share(right, asked, FOUR) == level


def test_other_scales_spread_the_cuts_between_40_and_90_percent():
    assert [str(c) for c in share_cuts(3)] == ["2/5", "9/10"]
    assert [str(c) for c in share_cuts(2)] == ["9/10"]
    assert share_cuts(1) == []
    assert level_for_share(1, 2, [0, 1, 2]) == 1
    assert level_for_share(0, 2, [5]) == 5


@given(st.integers(1, 40).flatmap(lambda n: st.tuples(st.integers(0, n), st.just(n))))
def test_more_right_never_earns_a_lower_level(pair):
    right, asked = pair
    level = level_for_share(right, asked, FOUR)
    assert level in FOUR
    if right < asked:
        assert level_for_share(right + 1, asked, FOUR) >= level


def test_an_impossible_share_is_refused():
    with pytest.raises(ValueError, match="cannot score"):
        level_for_share(3, 2, FOUR)
    with pytest.raises(ValueError, match="cannot score"):
        level_for_share(0, 0, FOUR)


@pytest.fixture
def quiz(world, sample):
    """Erin's formative check for Math 6A: two questions on N.1.a, one on N.1.b."""
    assessment = assessment_create(
        creator=world["erin"], title="Ratio check", kind="formative_check", section=world["math_a"]
    )
    first, second = alignment_set(
        assessment=assessment,
        by=world["erin"],
        alignments=[AlignmentSpec(sample["N.1.a"], weight=2), AlignmentSpec(sample["N.1.b"])],
    )
    erin = world["erin"]
    question_add(
        alignment=first,
        by=erin,
        prompt="Which is 2:3?",
        kind="multiple_choice",
        choices=["4:6", "3:2"],
        answer="4:6",
    )
    question_add(
        alignment=first, by=erin, prompt="Half of 7?", kind="numeric", answer="3.5", tolerance=0.01
    )
    question_add(alignment=second, by=erin, prompt="6:9 = 2:?", kind="numeric", answer="3")
    return assessment


def answers(quiz, *given):
    questions = [q for a in quiz.alignments.all() for q in a.questions.all()]
    return {q.pk: value for q, value in zip(questions, given, strict=True)}


def test_numeric_answers_are_right_within_the_tolerance(quiz):
    half = quiz.alignments.first().questions.get(kind="numeric")
    assert answer_correct(half, "3.505")
    assert answer_correct(half, "3,5")
    assert not answer_correct(half, "3.6")
    assert not answer_correct(half, "three")


def test_each_target_of_an_attempt_becomes_one_piece_of_evidence(world, sample, quiz):
    submission = response_submit(
        assessment=quiz, learner=world["lena"], answers=answers(quiz, "4:6", "4", "3"), now=MONDAY
    )
    assert submission.attempt == 1
    assert Response.objects.filter(learner=world["lena"]).count() == 3
    first = Evidence.objects.get(target=sample["N.1.a"])
    assert (first.level, first.feedback, first.kind, first.weight) == (
        2,
        "1 of 2 right",
        "formative",
        2,
    )
    assert (first.scorer, first.source, first.assessment, first.attempt) == (
        world["erin"],
        "assessment",
        quiz,
        1,
    )
    second = Evidence.objects.get(target=sample["N.1.b"])
    assert (second.level, second.feedback) == (4, "1 of 1 right")
    assert [
        (r.alignment.target.human_coding_scheme, r.right, r.asked) for r in submission.results
    ] == [
        ("N.1.a", 1, 2),
        ("N.1.b", 1, 1),
    ]


def test_a_second_attempt_is_numbered_and_adds_evidence(world, quiz):
    response_submit(
        assessment=quiz, learner=world["lena"], answers=answers(quiz, "3:2", "0", "0"), now=MONDAY
    )
    later = MONDAY + timedelta(days=2)
    submission = response_submit(
        assessment=quiz, learner=world["lena"], answers=answers(quiz, "4:6", "3.5", "3"), now=later
    )
    assert submission.attempt == 2
    assert set(Response.objects.values_list("attempt", flat=True)) == {1, 2}
    assert sorted(Evidence.objects.values_list("attempt", "level")) == [
        (1, 1),
        (1, 1),
        (2, 4),
        (2, 4),
    ]


def test_every_question_needs_a_usable_answer_and_nothing_is_saved_otherwise(world, quiz):
    with pytest.raises(ValidationError) as refused:
        response_submit(
            assessment=quiz, learner=world["lena"], answers=answers(quiz, "4:6", "", "lots")
        )
    assert refused.value.messages == [
        "Question 2 has no answer.",
        "Question 3: “lots” is not a number.",
    ]
    assert not Response.objects.exists()
    assert not Evidence.objects.exists()


def test_only_learners_of_the_section_take_it(world, quiz):
    with pytest.raises(PermissionDenied, match="your sections"):
        response_submit(
            assessment=quiz, learner=world["omar"], answers=answers(quiz, "4:6", "3.5", "3")
        )
    assert not Response.objects.exists()


def test_a_leaders_assessment_is_scored_in_the_name_of_the_sections_educator(world, sample):
    assessment = assessment_create(
        creator=world["leo"], title="Benchmark", kind="summative", section=world["math_a"]
    )
    (alignment,) = alignment_set(
        assessment=assessment, by=world["leo"], alignments=[AlignmentSpec(sample["N.1.c"])]
    )
    question = question_add(
        alignment=alignment, by=world["leo"], prompt="1+1", kind="numeric", answer="2"
    )
    response_submit(assessment=assessment, learner=world["lena"], answers={question.pk: "2"})
    assert Evidence.objects.get().scorer == world["erin"]


def test_responses_update_the_knowledge_trace(world, sample, quiz):
    response_submit(
        assessment=quiz, learner=world["lena"], answers=answers(quiz, "4:6", "3.5", "3"), now=MONDAY
    )
    trace = KnowledgeTrace.objects.get(learner=world["lena"], target=sample["N.1.a"])
    assert trace.responses == 2
    assert trace.p_mastered > 0.8
