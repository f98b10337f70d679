"""Lena's record on the credentials sample framework ("Credentials Mathematics": N.1.a,
N.1.b, N.1.c under the N.1 competency; SEL.1.a is lifelong learning). Her estimates are
written straight to the ORM (credentials' ``shown``) and their history dated to the day
they were "recorded", so the first-demonstrated dates are known. Maple Grove is her school;
Leo leads it."""

from datetime import UTC, date, datetime

import pytest

from continuum.credentials.models import Award
from continuum.credentials.tests.conftest import credit_world, shown
from continuum.evidence.models import Estimate

TODAY = date(2026, 11, 20)


def on(year: int, month: int, day: int) -> datetime:
    return datetime(year, month, day, 10, tzinfo=UTC)


def demonstrate(learner, target, level: float, when: datetime) -> Estimate:
    """Set the estimate to ``level`` and date the history rows it wrote to ``when``."""
    history = Estimate.history.filter(learner_id=learner.pk, target_id=target.pk)
    before = history.order_by("-history_id").values_list("history_id", flat=True).first() or 0
    estimate = shown(learner, target, level)
    history.filter(history_id__gt=before).update(history_date=when)
    return estimate


@pytest.fixture
def record(world):
    """N.1.a approaching in Sept 2025 then proficient on 3 Oct 2025 and advanced later;
    N.1.b proficient on 2 Feb 2026; N.1.c not yet (left off); SEL.1.a proficient on
    5 Mar 2026; the Grade 6 ratios credit awarded on 1 June 2026."""
    found = credit_world(world)
    maths, lena = found["maths"], world["lena"]
    demonstrate(lena, maths["N.1.a"], 2.5, on(2025, 9, 20))
    demonstrate(lena, maths["N.1.a"], 3, on(2025, 10, 3))
    demonstrate(lena, maths["N.1.a"], 4, on(2026, 1, 10))
    demonstrate(lena, maths["N.1.b"], 3, on(2026, 2, 2))
    demonstrate(lena, maths["N.1.c"], 2, on(2026, 2, 2))
    demonstrate(lena, maths["SEL.1.a"], 3, on(2026, 3, 5))
    found["award"] = Award.objects.create(
        learner=lena,
        requirement=found["requirement"],
        kind=found["requirement"].kind,
        awarded_on=date(2026, 6, 1),
    )
    return found
