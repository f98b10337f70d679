"""Recording evidence: the scale, the scorer's right, the audit, and the estimate."""

from datetime import UTC, datetime, timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from continuum.evidence.models import Estimate, Evidence, Mark
from continuum.evidence.models import EstimateStatus as S
from continuum.evidence.services.estimates import estimate_explain, estimate_override
from continuum.evidence.services.recording import evidence_record, evidence_update

MONDAY = datetime(2026, 9, 7, 9, tzinfo=UTC)


def record(world, sample, level, *, days=0, code="N.1.a", **options):
    return evidence_record(
        learner=world["lena"],
        target=sample[code],
        scorer=world["erin"],
        level=level,
        assessed_at=MONDAY + timedelta(days=days),
        **options,
    )


def test_recording_evidence_updates_the_estimate_with_the_policy_method(world, sample):
    record(world, sample, 2)
    record(world, sample, 4, days=7)
    estimate = Estimate.objects.get(learner=world["lena"], target=sample["N.1.a"])
    assert estimate.method == "power_law"
    assert estimate.level == pytest.approx(4)  # the trend 2·t through (1, 2) and (2, 4)
    assert estimate.status == S.ADVANCED
    assert estimate.evidence_count == 2


def test_a_not_yet_is_a_level_and_later_evidence_raises_it(world, sample):
    record(world, sample, 1)
    assert Estimate.objects.get(learner=world["lena"]).status == S.NOT_YET
    record(world, sample, 4, days=7, source="reassessment")
    record(world, sample, 4, days=14, source="reassessment")
    assert Estimate.objects.get(learner=world["lena"]).status in {S.PROFICIENT, S.ADVANCED}


def test_missing_and_excused_never_count_as_zero(world, sample):
    record(world, sample, 3)
    record(world, sample, None, days=1, mark=Mark.MISSING)
    record(world, sample, None, days=2, mark=Mark.EXCUSED)
    estimate = Estimate.objects.get(learner=world["lena"])
    assert estimate.level == 3
    assert estimate.evidence_count == 1


def test_a_level_outside_the_scale_is_refused_and_changes_nothing(world, sample):
    with pytest.raises(
        ValidationError, match=r"Level 5 is not on the scale of N.1.a \(allowed: 1, 2, 3, 4\)"
    ):
        record(world, sample, 5)
    assert not Evidence.objects.exists()
    assert not Estimate.objects.exists()


def test_an_educator_cannot_score_a_learner_outside_their_sections(world, sample):
    with pytest.raises(PermissionDenied, match="not in any of your sections"):
        evidence_record(
            learner=world["omar"],
            target=sample["N.1.a"],
            scorer=world["erin"],
            level=3,
            assessed_at=MONDAY,
        )
    assert not Evidence.objects.exists()


def test_only_learning_targets_are_scored(world, sample):
    with pytest.raises(ValidationError, match="not a learning target"):
        record(world, sample, 3, code="N.1")


def test_a_score_change_needs_a_reason_and_is_audited(world, sample):
    evidence = record(world, sample, 2)
    with pytest.raises(ValidationError, match="needs a reason"):
        evidence_update(evidence=evidence, by=world["erin"], reason=" ", level=3)
    evidence_update(evidence=evidence, by=world["erin"], reason="Misread the rubric", level=3)
    latest = evidence.history.first()
    assert (latest.level, latest.history_change_reason, latest.history_user) == (
        3,
        "Misread the rubric",
        world["erin"],
    )
    assert Estimate.objects.get(learner=world["lena"]).level == 3


def test_an_override_shows_beside_the_calculation_with_its_reason(world, sample):
    record(world, sample, 2)
    with pytest.raises(ValidationError, match="needs a reason"):
        estimate_override(
            learner=world["lena"], target=sample["N.1.a"], level=3, by=world["erin"], reason=""
        )
    estimate = estimate_override(
        learner=world["lena"],
        target=sample["N.1.a"],
        level=3,
        by=world["erin"],
        reason="Showed it in a conference",
    )
    assert (estimate.level, estimate.shown_level, estimate.shown_status) == (2, 3, S.PROFICIENT)
    assert estimate.history.first().history_change_reason == "Showed it in a conference"


def test_the_explanation_lists_each_piece_of_evidence_and_what_ifs(world, sample):
    record(world, sample, 2)
    record(world, sample, 3, days=7)
    explained = estimate_explain(learner=world["lena"], target=sample["N.1.a"], levels=[1, 4])
    assert explained.explanation is not None
    assert explained.estimate is not None
    level = explained.estimate.level
    assert level is not None
    assert [e.level for e in explained.evidence] == [2, 3]
    assert len(explained.explanation.contributions) == 2
    assert explained.what_if[4][0] > level > explained.what_if[1][0]
