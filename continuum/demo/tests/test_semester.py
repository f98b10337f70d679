"""The demo semester: deterministic, plausible, and estimates computed in one pass."""

from collections import Counter
from datetime import date

from django.db import transaction

from continuum.demo.school import demo_school_build
from continuum.evidence.models import Estimate, EstimateStatus, Evidence
from continuum.evidence.services.estimates import estimate_refresh
from continuum.learning.models import Reassessment

TODAY = date(2026, 11, 23)


def _fingerprint() -> list[tuple]:
    return list(
        Evidence.objects.order_by(
            "learner__username", "target__human_coding_scheme", "assessed_at", "attempt"
        ).values_list(
            "learner__username",
            "target__human_coding_scheme",
            "level",
            "mark",
            "assessed_at",
            "source",
        )
    )


def test_the_same_seed_builds_the_same_semester(db):
    with transaction.atomic():
        demo_school_build(seed=11, today=TODAY)
        first = _fingerprint()
        transaction.set_rollback(True)
    demo_school_build(seed=11, today=TODAY)
    assert _fingerprint() == first


def test_the_semester_looks_real(db):
    demo_school_build(seed=2026, today=TODAY)
    marks = Counter(Evidence.objects.values_list("mark", flat=True))
    assert marks["scored"] > 5000
    assert marks["missing"] > 0
    assert marks["excused"] > 0
    sources = Counter(Evidence.objects.values_list("source", flat=True))
    assert sources["reassessment"] > 10
    assert sources["observation"] > 0
    assert not Evidence.objects.filter(assessed_at__date__gt=TODAY).exists()
    statuses = Counter(Estimate.objects.values_list("status", flat=True))
    # Under the default (summative only, power law) a learner-target with only formative
    # checks so far is not started, and "approaching" comes only from a trend between
    # whole levels, so it is rare with one summative piece per target.
    for status in (EstimateStatus.NOT_YET, EstimateStatus.PROFICIENT, EstimateStatus.ADVANCED):
        assert statuses[status] > 0.1 * sum(statuses.values()), statuses
    # learning rises: on a learner-target, the last score beats the first on average
    first: dict[tuple, float | None] = {}
    last: dict[tuple, float | None] = {}
    for pair in (
        Evidence.objects.filter(mark="scored", target__learning_area="academic")
        .order_by("assessed_at", "id")
        .values_list("learner_id", "target_id", "level")
    ):
        first.setdefault(pair[:2], pair[2])
        last[pair[:2]] = pair[2]
    rise = sum((last[key] or 0) - (first[key] or 0) for key in first) / len(first)
    assert rise > 0.5, rise
    # lifelong-learning targets are observed less often than maths targets
    per_pair = Counter(Evidence.objects.values_list("target__learning_area", flat=True))
    assert per_pair["lifelong"] < per_pair["academic"] / 3


def test_the_demo_learner_has_a_not_yet_and_a_pending_reassessment(db):
    demo_school_build(seed=2026, today=TODAY)
    statuses = set(
        Estimate.objects.filter(learner__username="learner").values_list("status", flat=True)
    )
    assert EstimateStatus.NOT_YET in statuses
    pending = Reassessment.objects.filter(status="requested")
    assert pending.filter(learner__username="learner").exists()
    educator_learners = Evidence.objects.filter(scorer__username="educator").values("learner")
    assert pending.count() >= 3
    assert not pending.exclude(learner__in=educator_learners).exists()
    # some targets are not started yet: the term is not over (the demo learner met the
    # statistics targets at her internship, ahead of her class)
    classmates = Estimate.objects.filter(learner__enrollments__section__code="MG6-1").exclude(
        learner__username="learner"
    )
    assert classmates.exists()
    assert not classmates.filter(target__human_coding_scheme__startswith="M6.SP").exists()


def test_the_batch_estimates_match_the_incremental_path(db):
    demo_school_build(seed=2026, today=TODAY)
    sample = list(Estimate.objects.select_related("learner", "target").order_by("pk")[::97])
    for estimate in sample:
        fresh = estimate_refresh(learner=estimate.learner, target=estimate.target)
        assert (fresh.level, fresh.status, fresh.evidence_count) == (
            estimate.level,
            estimate.status,
            estimate.evidence_count,
        )
