from datetime import UTC, datetime

import pytest

from continuum.evidence.services.recording import evidence_record
from continuum.frameworks.tests.factories import sample_framework

MONDAY = datetime(2026, 9, 7, 9, tzinfo=UTC)


@pytest.fixture
def sample(db):
    """N.1.a → N.1.b → N.1.c, N.1.b → N.2.a, and SEL.1.a (lifelong); levels 1–4, cut 3."""
    return sample_framework()


@pytest.fixture
def lenas_record(decaying_average_district, sample):
    """Under the decaying average (Riverside's policy here), Lena (in Erin's section) is advanced on N.1.a, approaching on N.1.b and not yet on
    SEL.1.a, with feedback from Erin on each."""
    world = decaying_average_district
    lena, erin = world["lena"], world["erin"]
    for code, level, feedback in (
        ("N.1.a", 4, "Every ratio table is complete."),
        ("N.1.b", 2, "Check which quantity comes first."),
        ("N.1.b", 3, ""),
        ("SEL.1.a", 1, "Plan the week before Monday."),
    ):
        evidence_record(
            learner=lena,
            target=sample[code],
            scorer=erin,
            level=level,
            assessed_at=MONDAY,
            feedback=feedback,
        )
    return sample
