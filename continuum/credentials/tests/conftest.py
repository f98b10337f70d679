"""Lena is in Erin's Math 6A and on Cora's caseload; Omar is in Eli's Math 6B. The
"Grade 6 ratios credit" (course credit of Math 6A, due 1 June 2027) asks for every target
of the N.1 competency proficient (N.1.a, N.1.b, N.1.c): it applies to Lena, not to Omar.

Estimates are written straight to the ORM here (with one scored piece of evidence behind
each) so the sync is tested apart from the engine's recording path; the receiver tests
record evidence through ``evidence_record`` instead."""

from datetime import UTC, date, datetime

import pytest

from continuum.evidence.models import Estimate, EstimateStatus, Evidence
from continuum.frameworks.tests.factories import sample_framework
from continuum.supports.models import Requirement

TODAY = date(2026, 11, 20)
AFTER_THE_COURSE = date(2027, 6, 2)
ASSESSED = datetime(2026, 10, 1, 9, tzinfo=UTC)


@pytest.fixture
def credit(world):
    return credit_world(world)


def credit_world(world: dict) -> dict:
    maths = sample_framework(title="Credentials Mathematics")
    requirement = Requirement.objects.create(
        title="Grade 6 ratios credit",
        kind=Requirement.Kind.COURSE_CREDIT,
        organization=world["school"],
        starts_on=date(2026, 9, 1),
        due_on=date(2027, 6, 1),
        rule={"name": "all_proficient"},
    )
    requirement.competencies.set([maths["N.1"]])
    requirement.sections.set([world["math_a"]])
    return {**world, "maths": maths, "requirement": requirement}


def shown(learner, target, level: float) -> Estimate:
    """Set the learner's estimate on the target to ``level`` (status on the four-level
    scale, cut 3), with one scored piece of evidence behind it."""
    evidence = Evidence.objects.create(
        learner=learner, target=target, level=level, assessed_at=ASSESSED
    )
    status = (
        EstimateStatus.PROFICIENT
        if level >= 3
        else EstimateStatus.APPROACHING
        if level >= 2.5
        else EstimateStatus.NOT_YET
    )
    estimate, _ = Estimate.objects.update_or_create(
        learner=learner,
        target=target,
        defaults={"level": level, "status": status, "computed_at": ASSESSED, "evidence_count": 1},
    )
    estimate.evidence_id = evidence.pk  # type: ignore[attr-defined]  # for the test to read
    return estimate


def all_proficient(world: dict, learner) -> None:
    for code in ("N.1.a", "N.1.b", "N.1.c"):
        shown(learner, world["maths"][code], 3)
