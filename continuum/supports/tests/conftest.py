"""Lena has struggled on N.1.a four times in a row in Erin's class, and mastered N.1.b;
a requirement asks for proficiency across the N.1 and N.2 competencies: the course
credit of Lena's section, Math 6A (Omar, in Math 6B, is not held to it)."""

from datetime import UTC, date, datetime, timedelta

import pytest

from continuum.evidence.services.recording import evidence_record
from continuum.frameworks.tests.factories import sample_framework
from continuum.supports.models import Requirement

TODAY = date(2026, 11, 20)


@pytest.fixture
def supports(world):
    return supports_world(world)


def supports_world(world: dict) -> dict:
    maths = sample_framework(title="Supports Mathematics")
    lena, erin = world["lena"], world["erin"]
    start = datetime(2026, 10, 1, 9, tzinfo=UTC)
    for week in range(4):
        evidence_record(
            learner=lena,
            target=maths["N.1.a"],
            scorer=erin,
            level=1 + (week == 3),
            assessed_at=start + timedelta(weeks=week),
        )
    evidence_record(learner=lena, target=maths["N.1.b"], scorer=erin, level=3, assessed_at=start)
    requirement = Requirement.objects.create(
        title="Grade 6 mathematics credit",
        kind=Requirement.Kind.COURSE_CREDIT,
        organization=world["school"],
        starts_on=date(2026, 1, 5),
        due_on=date(2027, 6, 1),
        rule={"name": "all_proficient"},
    )
    requirement.competencies.set([maths["N.1"], maths["N.2"]])
    requirement.sections.set([world["math_a"]])
    return {**world, "maths": maths, "requirement": requirement}
