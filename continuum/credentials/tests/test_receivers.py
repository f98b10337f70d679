"""Awards follow evidence as it is recorded: one sync per announcement of changed
estimates, for just the learners in it, in queries that do not grow with the learners."""

from datetime import UTC, datetime, timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from continuum.credentials import receivers
from continuum.credentials.models import Award, CreditNotEarned
from continuum.credentials.public import awards_sync
from continuum.credentials.tests.conftest import AFTER_THE_COURSE, TODAY, shown
from continuum.evidence.public import (
    EvidenceRow,
    estimates_recompute,
    evidence_record,
    evidence_record_many,
)
from continuum.pathways.models import PlanItem
from continuum.people.models import Enrollment, Role, User

MONDAY = datetime(2026, 10, 5, 9, tzinfo=UTC)


def _proficient_rows(credit, learner) -> list[EvidenceRow]:
    return [
        EvidenceRow(
            learner=learner,
            target=credit["maths"][code],
            level=level,
            assessed_at=MONDAY + timedelta(days=day),
        )
        for code in ("N.1.a", "N.1.b", "N.1.c")
        for day, level in enumerate((3, 3, 4))
    ]


def test_recording_the_evidence_that_meets_the_rule_records_the_award_at_once(credit):
    lena, erin = credit["lena"], credit["erin"]
    rows = _proficient_rows(credit, lena)
    for index, row in enumerate(rows):
        if index == 6:  # N.1.a and N.1.b proficient, nothing yet on N.1.c
            assert not Award.objects.exists()
        evidence_record(
            learner=lena,
            target=row.target,
            scorer=erin,
            level=row.level,
            assessed_at=row.assessed_at,
        )
    award = Award.objects.get(learner=lena)
    assert award.requirement == credit["requirement"]
    assert all(line["evidence"] for line in award.evidence)


@pytest.fixture
def syncs(monkeypatch):
    calls = []
    real = receivers.awards_sync

    def counted(**kwargs):
        calls.append(sorted(learner.pk for learner in kwargs["learners"]))
        return real(**kwargs)

    monkeypatch.setattr(receivers, "awards_sync", counted)
    return calls


def test_a_batch_of_evidence_syncs_once_for_every_learner_in_it(credit, syncs):
    rows = _proficient_rows(credit, credit["lena"]) + _proficient_rows(credit, credit["omar"])
    credit["math_b"].educators.add(credit["erin"])  # so Erin may score Omar too
    evidence_record_many(rows=rows, scorer=credit["erin"])
    assert syncs == [sorted([credit["lena"].pk, credit["omar"].pk])]
    assert list(Award.objects.values_list("learner", flat=True)) == [credit["lena"].pk]


def test_a_school_recompute_syncs_once_for_all_its_learners(credit, syncs):
    evidence_record_many(rows=_proficient_rows(credit, credit["lena"]), scorer=credit["erin"])
    syncs.clear()
    Award.objects.all().delete()
    estimates_recompute(school=credit["school"])
    assert syncs == [[credit["lena"].pk]]
    assert Award.objects.get().learner == credit["lena"]


def _sync_queries(credit, today=TODAY) -> int:
    with CaptureQueriesContext(connection) as queries:
        awards_sync(school=credit["school"], today=today)
    return len(queries)


def _more_learners_in_math_a(credit, count: int) -> None:
    for index in range(count):
        learner = User.objects.create_user(
            f"learner{index}", role=Role.LEARNER, organization=credit["school"]
        )
        Enrollment.objects.create(section=credit["math_a"], learner=learner)
        shown(learner, credit["maths"]["N.1.b"], 2)


def test_the_syncs_queries_do_not_grow_with_the_learners(credit):
    shown(credit["lena"], credit["maths"]["N.1.a"], 2)
    few = _sync_queries(credit)
    _more_learners_in_math_a(credit, 5)
    assert _sync_queries(credit) == few


def test_a_course_ends_for_all_its_learners_in_queries_that_do_not_grow_with_them(credit):
    shown(credit["lena"], credit["maths"]["N.1.a"], 2)
    one = _sync_queries(credit, AFTER_THE_COURSE)
    CreditNotEarned.objects.all().delete()
    PlanItem.objects.all().delete()
    _more_learners_in_math_a(credit, 5)
    assert _sync_queries(credit, AFTER_THE_COURSE) == one
    assert CreditNotEarned.objects.count() == 6
    assert PlanItem.objects.count() == 18
