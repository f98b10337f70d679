"""A known answer the policy tests share (recompute, grading pages, the browser walk):
Lena scores 1 then 3 (summative, a day apart) on one target. Under the default power law
she is proficient (3.0); under a decaying average (w = 0.65) she is not yet (2.3)."""

from datetime import UTC, datetime, timedelta

from continuum.evidence.models import Estimate
from continuum.evidence.public import evidence_record
from continuum.frameworks.models import FrameworkItem

START = datetime(2026, 9, 7, 9, tzinfo=UTC)


def one_then_three(world: dict, target: FrameworkItem) -> Estimate:
    """Record Lena's 1 then 3 on ``target`` (scored by Erin); her estimate after them."""
    for day, level in enumerate([1, 3]):
        evidence_record(
            learner=world["lena"],
            target=target,
            scorer=world["erin"],
            level=level,
            kind="summative",
            assessed_at=START + timedelta(days=day),
        )
    return Estimate.objects.get(learner=world["lena"], target=target)
