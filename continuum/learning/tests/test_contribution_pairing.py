"""The gradebook's explanation and the learner's estimate page pair each piece of evidence
with the contribution the engine made of it, by the engine's own account (its index).

Lena's school orders evidence by due date and counts summative evidence only. On N.1.a
she has a formative check (counts for nothing), a test on Wednesday weighted double, and
a quiz her teacher graded on Friday that was due on Tuesday (it counts before the test).
"""

from datetime import UTC, date, datetime, timedelta

import pytest

from continuum.evidence.models import EvidenceKind, GradingPolicyRecord
from continuum.evidence.selectors.gradebook import contribution_rows
from continuum.evidence.services.estimates import estimate_explain
from continuum.evidence.services.policy import policy_for
from continuum.evidence.services.recording import evidence_record
from continuum.learning.selectors.progress import estimate_story
from continuum.mastery import GradingPolicy

MONDAY = datetime(2026, 9, 7, 9, tzinfo=UTC)
POLICY = GradingPolicy(version=2, method="decaying_average", order_by="due_at", formative_weight=0)


@pytest.fixture
def lenas_week(world, sample):
    GradingPolicyRecord.objects.create(
        organization=world["school"], version=POLICY.version, body=POLICY.to_dict()
    )

    def record(level: float, days: int, **options):
        return evidence_record(
            learner=world["lena"],
            target=sample["N.1.a"],
            scorer=world["erin"],
            level=level,
            assessed_at=MONDAY + timedelta(days=days),
            **options,
        )

    return {
        "check": record(4, 0, kind=EvidenceKind.FORMATIVE),
        "test": record(3, 2, weight=2.0),
        "quiz": record(1, 4, due_on=date(2026, 9, 8)),
    }


def test_the_gradebook_explanation_lists_the_counted_evidence_in_the_engines_order(
    world, sample, lenas_week
):
    explained = estimate_explain(learner=world["lena"], target=sample["N.1.a"], levels=[])
    rows = contribution_rows(explained)
    assert explained.explanation is not None
    assert [row.evidence for row in rows] == [lenas_week["quiz"], lenas_week["test"]]
    assert [row.weight for row in rows] == [1.0, 2.0]
    assert [row.evidence.level for row in rows] == [
        part.score for part in explained.explanation.contributions
    ]


def test_the_learner_sees_each_counted_piece_with_its_part_and_the_rest_apart(
    world, sample, lenas_week
):
    learner, target = world["lena"], sample["N.1.a"]
    explained = estimate_explain(learner=learner, target=target, levels=[])
    story = estimate_story(
        learner=learner,
        target=target,
        scale=None,
        policy=policy_for(organization=learner.organization),
        **vars(explained),
    )
    assert [(part.evidence, part.contribution.attempt) for part in story.parts] == [
        (lenas_week["quiz"], 1),
        (lenas_week["test"], 2),
    ]
    assert story.uncounted == [lenas_week["check"]]
