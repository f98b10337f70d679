"""Recording in bulk: the same evidence and estimates as row by row, in a bounded number
of queries, all or nothing, with the same audit and notices."""

from datetime import UTC, datetime, timedelta

import pytest
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from continuum.evidence.models import (
    Assessment,
    Estimate,
    Evidence,
    EvidenceKind,
    GradingPolicyRecord,
    Mark,
)
from continuum.evidence.models import EstimateStatus as S
from continuum.evidence.services.estimates import estimate_override
from continuum.evidence.services.recording import evidence_record
from continuum.evidence.services.recording_bulk import (
    EvidenceRow,
    RowsRefusedError,
    evidence_record_many,
)
from continuum.evidence.signals import estimates_changed
from continuum.mastery import GradingPolicy
from continuum.people.models import Enrollment, Role, User

START = datetime(2026, 9, 7, 8, tzinfo=UTC)
TARGETS = ("N.1.a", "N.1.b", "N.1.c", "N.2.a", "SEL.1.a")


@pytest.fixture
def classroom(world, sample):
    """Lena and Nia are in Erin's Math 6A. Lena already has two attempts at the quiz on
    N.1.a, and Erin has overridden her estimate on N.1.b."""
    nia = User.objects.create(
        username="nia", role=Role.LEARNER, organization=world["school"], first_name="Nia"
    )
    Enrollment.objects.create(section=world["math_a"], learner=nia)
    quiz = Assessment.objects.create(
        title="Ratios quiz", school=world["school"], created_by=world["erin"]
    )
    for level in (2, 3):
        evidence_record(
            learner=world["lena"],
            target=sample["N.1.a"],
            scorer=world["erin"],
            level=level,
            assessment=quiz,
            assessed_at=START,
        )
    estimate_override(
        learner=world["lena"], target=sample["N.1.b"], level=4, by=world["erin"], reason="Oral"
    )
    return {"learners": [world["lena"], nia], "quiz": quiz, "erin": world["erin"]}


def _rows(classroom, sample, drawn) -> list[EvidenceRow]:
    return [
        EvidenceRow(
            learner=classroom["learners"][who],
            target=sample[code],
            assessed_at=START + timedelta(hours=hours),
            level=level if mark == Mark.SCORED else None,
            mark=mark,
            kind=kind,
            weight=weight,
            assessment=classroom["quiz"] if quiz else None,
        )
        for who, code, mark, level, kind, weight, hours, quiz in drawn
    ]


def _state() -> tuple[list, dict]:
    evidence = list(
        Evidence.objects.order_by("id").values_list(
            "learner_id", "target_id", "level", "mark", "attempt", "kind", "weight", "assessment_id"
        )
    )
    estimates = {
        (e.learner_id, e.target_id): (
            e.level,
            e.status,
            e.evidence_count,
            e.method,
            e.policy_version,
            e.override_level,
            e.override_status,
        )
        for e in Estimate.objects.all()
    }
    return evidence, estimates


def _recorded_then_undone(record) -> tuple[list, dict]:
    with transaction.atomic():
        record()
        state = _state()
        transaction.set_rollback(True)
    return state


ROW = st.tuples(
    st.integers(0, 1),
    st.sampled_from(TARGETS),
    st.sampled_from([Mark.SCORED, Mark.SCORED, Mark.SCORED, Mark.MISSING, Mark.EXCUSED]),
    st.sampled_from([1.0, 2.0, 3.0, 4.0]),
    st.sampled_from(EvidenceKind.values),
    st.sampled_from([0.0, 0.5, 1.0, 2.0]),
    st.integers(0, 25).map(lambda n: n * 8),  # whole hours, often equal: ties must agree
    st.booleans(),
)
POLICIES = [
    None,
    GradingPolicy(version=3, method="power_law", order_by="due_at", formative_weight=0.5),
    GradingPolicy(version=5, method="mode_of_last", parameters={"last": 3}),
]


@pytest.mark.parametrize("policy", POLICIES, ids=lambda p: p.method if p else "default")
def test_recording_in_bulk_equals_recording_row_by_row(classroom, sample, world, policy):
    if policy is not None:
        GradingPolicyRecord.objects.create(
            organization=world["school"], version=policy.version, body=policy.to_dict()
        )

    @settings(
        max_examples=25,
        deadline=None,
        suppress_health_check=[HealthCheck.function_scoped_fixture],
    )
    @given(st.lists(ROW, min_size=1, max_size=12))
    def check(drawn):
        rows = _rows(classroom, sample, drawn)

        def one_by_one():
            for row in rows:
                evidence_record(
                    learner=row.learner,
                    target=row.target,
                    scorer=classroom["erin"],
                    assessed_at=row.assessed_at,
                    level=row.level,
                    mark=row.mark,
                    kind=row.kind,
                    weight=row.weight,
                    assessment=row.assessment,
                )

        bulk = _recorded_then_undone(
            lambda: evidence_record_many(rows=rows, scorer=classroom["erin"])
        )
        assert bulk == _recorded_then_undone(one_by_one)

    check()


def _cycle(classroom, sample, count: int) -> list[EvidenceRow]:
    """``count`` rows over the same ten learner-targets."""
    return [
        EvidenceRow(
            learner=classroom["learners"][n % 2],
            target=sample[TARGETS[n // 2 % 5]],
            assessed_at=START + timedelta(hours=n),
            level=float(n % 4 + 1),
        )
        for n in range(count)
    ]


def test_the_bulk_path_runs_as_many_queries_for_100_rows_as_for_10(classroom, sample):
    counts = []
    for size in (10, 100):
        with transaction.atomic(), CaptureQueriesContext(connection) as captured:
            evidence_record_many(rows=_cycle(classroom, sample, size), scorer=classroom["erin"])
            assert Evidence.objects.count() == 2 + size
            transaction.set_rollback(True)  # each size starts from the same school
        counts.append(len(captured))
    assert counts[0] == counts[1]


def test_one_refused_row_records_nothing_and_names_the_row(classroom, sample, world):
    rows = _cycle(classroom, sample, 4)
    rows.insert(2, EvidenceRow(learner=world["omar"], target=sample["N.1.a"], assessed_at=START))
    rows.append(EvidenceRow(learner=world["lena"], target=sample["N.1.a"], assessed_at=START))
    before = _state()
    with pytest.raises(RowsRefusedError) as refused:
        evidence_record_many(rows=rows, scorer=classroom["erin"])
    assert refused.value.rows == {
        2: ["Omar Haddad is not in any of your sections; you cannot score them."],
        5: ["Scored evidence needs a level (use missing or excused otherwise)."],
    }
    assert _state() == before


def test_attempts_continue_from_the_recorded_ones_in_row_order(classroom, sample):
    lena, quiz = classroom["learners"][0], classroom["quiz"]
    rows = [
        EvidenceRow(learner=lena, target=sample["N.1.a"], assessed_at=START, level=4, assessment=q)
        for q in (quiz, None, quiz)
    ]
    recorded = evidence_record_many(rows=rows, scorer=classroom["erin"])
    assert [piece.attempt for piece in recorded] == [3, 1, 4]


def test_each_piece_is_audited_with_the_scorer_and_reason_and_the_override_is_kept(
    classroom, sample
):
    lena = classroom["learners"][0]
    rows = [EvidenceRow(learner=lena, target=sample["N.1.b"], assessed_at=START, level=1)] * 2
    recorded = evidence_record_many(rows=rows, scorer=classroom["erin"], reason="CSV import")
    for piece in recorded:
        (history,) = piece.history.all()
        assert (history.history_type, history.history_user, history.history_change_reason) == (
            "+",
            classroom["erin"],
            "CSV import",
        )
    estimate = Estimate.objects.get(learner=lena, target=sample["N.1.b"])
    assert (estimate.status, estimate.evidence_count) == (S.NOT_YET, 2)
    assert (estimate.override_level, estimate.override_reason) == (4, "Oral")
    assert estimate.history.first().history_change_reason == "Recalculated from evidence"


def test_the_group_flags_hear_once_about_every_learner_target_touched(classroom, sample):
    heard = []

    def listener(sender, pairs, now, **kwargs):
        heard.append(set(pairs))

    rows = _cycle(classroom, sample, 6)
    estimates_changed.connect(listener, dispatch_uid="test_bulk_listener")
    try:
        evidence_record_many(rows=rows, scorer=classroom["erin"])
    finally:
        estimates_changed.disconnect(dispatch_uid="test_bulk_listener")
    assert heard == [{(row.learner.pk, row.target.pk) for row in rows}]
