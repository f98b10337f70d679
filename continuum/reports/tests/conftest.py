"""Lena's report cards on the sample framework (N.1.a precedes N.1.b; SEL.1.a is lifelong
learning). Maple Grove reports on two periods: "Fall 2025" (ended) and "Winter 2026"
(under way, so its statuses are today's). Erin teaches Lena and records her work habits."""

from datetime import UTC, date, datetime

import pytest

from continuum.evidence.models import Estimate
from continuum.evidence.services.recording import evidence_record
from continuum.frameworks.tests.factories import sample_framework
from continuum.reports.models import ReportingPeriod, WorkHabit

TODAY = date(2026, 1, 20)


@pytest.fixture
def sample(db):
    return sample_framework()


@pytest.fixture
def fall(world):
    return ReportingPeriod.objects.create(
        school=world["school"],
        name="Fall 2025",
        starts_on=date(2025, 9, 1),
        ends_on=date(2025, 12, 19),
    )


@pytest.fixture
def winter(world):
    return ReportingPeriod.objects.create(
        school=world["school"],
        name="Winter 2026",
        starts_on=date(2026, 1, 5),
        ends_on=date(2026, 3, 27),
    )


@pytest.fixture
def habits(world):
    return [
        WorkHabit.objects.create(school=world["school"], name=name, position=place)
        for place, name in enumerate(["Completes work on time", "Works well with others"])
    ]


def score(world, sample, code: str, level: float, when: datetime) -> None:
    """Record Lena's evidence assessed at ``when``, and date the estimate's history entries
    it wrote to that moment too (as if it had been recorded then)."""
    history = Estimate.history.filter(learner_id=world["lena"].pk, target_id=sample[code].pk)
    before = history.order_by("-history_id").values_list("history_id", flat=True).first() or 0
    evidence_record(
        learner=world["lena"],
        target=sample[code],
        scorer=world["erin"],
        level=level,
        assessed_at=when,
    )
    history.filter(history_id__gt=before).update(history_date=when)


def at(year: int, month: int, day: int) -> datetime:
    return datetime(year, month, day, 10, tzinfo=UTC)
