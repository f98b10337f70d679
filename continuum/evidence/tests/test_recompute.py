"""Batch recompute: the same estimates as the incremental path, overrides kept."""

import random
from datetime import UTC, datetime, timedelta

import pytest
from django.core.exceptions import PermissionDenied
from django.core.management import call_command

from continuum.evidence.models import Estimate, Evidence, GradingPolicyRecord, Mark
from continuum.evidence.models import EstimateStatus as S
from continuum.evidence.services.estimates import estimate_override, estimate_refresh
from continuum.evidence.services.recompute import (
    estimates_recompute,
    estimates_recompute_request,
)
from continuum.evidence.services.recording import evidence_record
from continuum.evidence.tests.known_answers import one_then_three
from continuum.mastery import GradingPolicy

START = datetime(2026, 9, 7, 8, tzinfo=UTC)
TARGETS = ("N.1.a", "N.1.b", "N.1.c", "N.2.a", "SEL.1.a")

# No status has this value: it marks rows the recompute must rewrite.
STALE = 99


def _random_evidence(world, sample, seed: int, rows: int = 60) -> None:
    rng = random.Random(seed)
    people = [("lena", "erin"), ("omar", "eli")]
    for _ in range(rows):
        learner, scorer = rng.choice(people)
        mark = rng.choices([Mark.SCORED, Mark.MISSING, Mark.EXCUSED], [8, 1, 1])[0]
        evidence_record(
            learner=world[learner],
            target=sample[rng.choice(TARGETS)],
            scorer=world[scorer],
            level=rng.choice([1, 2, 3, 4]) if mark == Mark.SCORED else None,
            mark=mark,
            kind=rng.choice(["formative", "summative"]),
            weight=rng.choice([0.0, 0.5, 1.0, 2.0]),
            # whole hours, often the same one, so ties must break the same way
            assessed_at=START + timedelta(hours=rng.randrange(0, 200, 8)),
            due_on=(START + timedelta(days=rng.randrange(10))).date()
            if rng.random() < 0.4
            else None,
        )


def _snapshot() -> dict:
    return {
        (e.learner_id, e.target_id): (
            e.level,
            e.status,
            e.method,
            e.policy_version,
            e.evidence_count,
        )
        for e in Estimate.objects.all()
    }


POLICIES = [
    None,
    GradingPolicy(version=3, method="power_law", order_by="due_at", formative_weight=0.5),
    GradingPolicy(version=4, method="weighted_mean", formative_weight=0.0),
    GradingPolicy(version=5, method="mode_of_last", parameters={"last": 3}),
]


@pytest.mark.parametrize("policy", POLICIES, ids=lambda p: p.method if p else "default")
@pytest.mark.parametrize("seed", [1, 2])
def test_batch_recompute_agrees_exactly_with_the_incremental_path(world, sample, policy, seed):
    if policy is not None:
        GradingPolicyRecord.objects.create(
            organization=world["school"], version=policy.version, body=policy.to_dict()
        )
    _random_evidence(world, sample, seed)
    incremental = _snapshot()
    assert incremental
    Estimate.objects.update(level=None, status=STALE, method="", evidence_count=99)
    result = estimates_recompute(school=world["school"])
    assert _snapshot() == incremental
    assert result.estimates == len(incremental)
    assert result.changed == len(incremental)


def test_recompute_creates_missing_estimates_and_keeps_overrides(world, sample):
    _random_evidence(world, sample, 3, rows=20)
    incremental = _snapshot()
    lena, target = world["lena"], sample["N.1.a"]
    estimate_refresh(learner=lena, target=target)
    estimate_override(
        learner=lena, target=target, level=3, by=world["erin"], reason="Strong oral defence"
    )
    Estimate.objects.exclude(learner=lena, target=target).delete()
    result = estimates_recompute()
    assert _snapshot() == incremental
    kept = Estimate.objects.get(learner=lena, target=target)
    assert kept.override_level == 3
    assert kept.override_reason == "Strong oral defence"
    assert result.created == len(incremental) - 1
    # the batch writes are audited like the incremental ones
    assert kept.history.exists()
    other = Estimate.objects.exclude(pk=kept.pk).first()
    assert other is not None
    assert other.history.first().history_change_reason == "Recalculated in a batch recompute"


def test_an_estimate_whose_evidence_is_gone_becomes_not_started(world, sample):
    evidence_record(
        learner=world["lena"],
        target=sample["N.1.a"],
        scorer=world["erin"],
        level=2,
        assessed_at=START,
    )
    Evidence.objects.all().delete()
    estimates_recompute(learners=[world["lena"]])
    estimate = Estimate.objects.get()
    assert (estimate.level, estimate.status, estimate.evidence_count) == (None, S.NOT_STARTED, 0)


def test_recompute_is_scoped_to_the_school_or_learners(world, sample):
    _random_evidence(world, sample, 4, rows=20)
    Estimate.objects.update(status=STALE)
    estimates_recompute(learners=[world["lena"]])
    assert not Estimate.objects.filter(learner=world["lena"], status=STALE).exists()
    assert Estimate.objects.filter(learner=world["omar"], status=STALE).exists()


def test_the_command_recomputes_a_school(world, sample, capsys):
    _random_evidence(world, sample, 5, rows=10)
    Estimate.objects.update(status=STALE)
    call_command("recompute_estimates", "--school", str(world["school"].pk))
    assert not Estimate.objects.filter(status=STALE).exists()
    assert "Recomputed" in capsys.readouterr().out


def test_only_the_schools_leaders_may_queue_a_recompute(world, sample, settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
    _random_evidence(world, sample, 6, rows=10)
    Estimate.objects.update(status=STALE)
    for name in ("erin", "cora", "lena"):
        with pytest.raises(PermissionDenied):
            estimates_recompute_request(school=world["school"], by=world[name])
    estimates_recompute_request(school=world["school"], by=world["leo"])
    assert not Estimate.objects.filter(status=STALE).exists()


def test_an_estimate_the_recompute_changes_gets_one_audit_record_of_its_new_values(world, sample):
    estimate = one_then_three(world, sample["N.1.a"])
    records = estimate.history.count()
    GradingPolicyRecord.objects.create(
        organization=world["district"], version=1, body={"version": 1, "method": "mean"}
    )
    assert estimates_recompute(school=world["school"]).changed == 1
    estimate.refresh_from_db()
    assert (estimate.level, estimate.method, estimate.policy_version) == (2, "mean", 1)
    assert estimate.history.count() == records + 1
    latest = estimate.history.first()
    assert (latest.history_type, latest.history_user, latest.history_change_reason) == (
        "~",
        None,
        "Recalculated in a batch recompute",
    )
    assert (latest.level, latest.status, latest.method, latest.evidence_count) == (
        2,
        estimate.status,
        "mean",
        2,
    )
    assert latest.history_date >= estimate.computed_at - timedelta(seconds=5)
