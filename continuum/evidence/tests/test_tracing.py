"""Knowledge tracing of auto-scored responses: the update, the fit, the command."""

import random
from datetime import UTC, datetime, timedelta
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from continuum.evidence.models import KnowledgeTrace, Question, Response, TracingParameters
from continuum.evidence.services.assessments import AlignmentSpec, alignment_set, assessment_create
from continuum.evidence.services.tracing import (
    DEFAULT_PARAMETERS,
    trace_update,
    tracing_fit,
    tracing_fit_all,
    tracing_parameters,
)
from continuum.mastery.bkt import BKTParams, mastery_after_response
from continuum.people.models import Enrollment, Role, User

MONDAY = datetime(2026, 9, 7, 9, tzinfo=UTC)


@pytest.fixture
def question(world, sample):
    assessment = assessment_create(
        creator=world["erin"], title="Check", kind="formative_check", section=world["math_a"]
    )
    (alignment,) = alignment_set(
        assessment=assessment, by=world["erin"], alignments=[AlignmentSpec(sample["N.1.a"])]
    )
    return Question.objects.create(alignment=alignment, prompt="?", kind="numeric", answer="1")


def answer(question, learner, correct, minutes):
    return Response.objects.create(
        question=question,
        learner=learner,
        answer="1" if correct else "0",
        correct=correct,
        answered_at=MONDAY + timedelta(minutes=minutes),
    )


def test_without_a_fit_the_default_parameters_apply(sample):
    assert tracing_parameters(target=sample["N.1.a"]) == DEFAULT_PARAMETERS
    assert BKTParams(prior=0.2, learn=0.15, guess=0.2, slip=0.1) == DEFAULT_PARAMETERS


def test_the_trace_folds_the_learners_responses_in_time_order(world, sample, question):
    answer(question, world["lena"], True, minutes=2)
    answer(question, world["lena"], False, minutes=1)
    trace = trace_update(learner=world["lena"], target=sample["N.1.a"])
    assert trace is not None
    expected = DEFAULT_PARAMETERS.prior
    for correct in (False, True):
        expected = mastery_after_response(DEFAULT_PARAMETERS, expected, correct)
    assert trace.p_mastered == pytest.approx(expected)
    assert trace.responses == 2
    assert KnowledgeTrace.objects.count() == 1


def test_no_responses_means_no_trace(world, sample):
    assert trace_update(learner=world["lena"], target=sample["N.1.a"]) is None
    assert not KnowledgeTrace.objects.exists()


def _class_of(world, size):
    learners = []
    for n in range(size):
        learner = User.objects.create_user(
            f"learner{n}", role=Role.LEARNER, organization=world["school"]
        )
        Enrollment.objects.create(section=world["math_a"], learner=learner)
        learners.append(learner)
    return learners


def test_fitting_stores_parameters_and_retraces_everyone(world, sample, question):
    rng = random.Random(4)
    for learner in _class_of(world, 12):
        mastered = False
        for minute in range(8):
            mastered = mastered or rng.random() < 0.3
            answer(question, learner, rng.random() < (0.9 if mastered else 0.2), minute)
    stored = tracing_fit(target=sample["N.1.a"], now=MONDAY)
    assert stored is not None
    assert stored.responses == 96
    params = BKTParams.from_dict(stored.parameters)
    assert params.guess < 0.5
    assert params.slip < 0.5
    assert tracing_parameters(target=sample["N.1.a"]) == params
    assert KnowledgeTrace.objects.filter(target=sample["N.1.a"]).count() == 12


def test_fitting_a_target_without_responses_stores_nothing(sample):
    assert tracing_fit(target=sample["N.1.a"]) is None
    assert not TracingParameters.objects.exists()


def test_fit_all_refits_only_targets_with_enough_responses(world, sample, question):
    for minute in range(5):
        answer(question, world["lena"], minute % 2 == 0, minute)
    assert tracing_fit_all(minimum=6) == []
    assert [p.target for p in tracing_fit_all(minimum=5)] == [sample["N.1.a"]]


def test_the_fit_tracing_command_reports_each_target(world, sample, question):
    for minute in range(3):
        answer(question, world["lena"], True, minute)
    out = StringIO()
    call_command("fit_tracing", "--minimum", "3", stdout=out)
    assert "N.1.a: 3 responses" in out.getvalue()
    assert "Fitted 1 target(s)." in out.getvalue()
    with pytest.raises(CommandError, match="at least 1"):
        call_command("fit_tracing", "--minimum", "0")
