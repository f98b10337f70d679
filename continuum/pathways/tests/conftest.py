from datetime import UTC, datetime

import pytest

from continuum.evidence.services.recording import evidence_record
from continuum.frameworks.tests.factories import sample_framework


@pytest.fixture
def sample(db):
    """The sample framework: N.1.a → N.1.b → N.1.c, N.1.b → N.2.a; SEL.1.a alone."""
    return sample_framework()


@pytest.fixture
def mastered(world, sample):
    """Lena (in Erin's section) is proficient on N.1.a, so N.1.b is ready to learn."""

    def record(code: str, level: float = 3) -> None:
        evidence_record(
            learner=world["lena"],
            target=sample[code],
            scorer=world["erin"],
            level=level,
            assessed_at=datetime(2026, 9, 7, 9, tzinfo=UTC),
        )

    record("N.1.a")
    return record
