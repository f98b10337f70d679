from datetime import date, timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from continuum.dashboard.selectors import Tile, dashboard_get, tile_area_counts
from continuum.dashboard.tests.conftest import MONDAY
from continuum.evidence.models import EstimateStatus as S
from continuum.evidence.services.assessments import AlignmentSpec, alignment_set, assessment_create
from continuum.evidence.services.estimates import estimate_override
from continuum.evidence.services.recording import evidence_record
from continuum.frameworks.tests.factories import item_create, sample_framework
from continuum.learning.services.reassessment import reassessment_decline, reassessment_request
from continuum.pathways.models import Goal, LearningPlan, PlanItem

pytestmark = pytest.mark.django_db


def codes(tiles) -> list[str]:
    return [tile.target.human_coding_scheme for tile in tiles]


def test_the_map_covers_every_target_with_lifelong_learning_apart(world, lenas_record):
    dashboard = dashboard_get(learner=world["lena"])
    academic, lifelong = dashboard.maps
    assert (academic.area, lifelong.area) == ("academic", "lifelong")
    assert [codes(band.tiles) for band in academic.bands] == [
        ["N.1.a", "N.1.b", "N.1.c"],
        ["N.2.a"],
    ]
    assert codes(lifelong.tiles) == ["SEL.1.a"]
    assert [tile.status for tile in academic.tiles] == [
        S.ADVANCED,
        S.APPROACHING,
        S.NOT_STARTED,
        S.NOT_STARTED,
    ]
    assert [(c.area, c.mastered, c.total) for c in dashboard.areas] == [
        ("academic", 1, 4),
        ("lifelong", 0, 1),
    ]


def test_the_headline_counts_academic_and_lifelong_targets_apart(world, lenas_record):
    estimate_override(
        learner=world["lena"],
        target=lenas_record["SEL.1.a"],
        level=3,
        by=world["erin"],
        reason="Planned every week this term.",
    )
    areas = dashboard_get(learner=world["lena"]).areas
    assert [(c.area, c.label, c.mastered, c.total) for c in areas] == [
        ("academic", "Academic", 1, 4),
        ("lifelong", "Lifelong learning / SEL", 1, 1),
    ]
    # The old single count (2 of 5) is the sum; it is no longer offered.
    assert sum(c.mastered for c in areas) == 2
    assert sum(c.total for c in areas) == 5
    assert not hasattr(dashboard_get(learner=world["lena"]), "total")


def test_an_area_without_targets_has_no_count(sample):
    areas = tile_area_counts([Tile(target=sample["N.1.a"], estimate=None)])
    assert [(c.area, c.mastered, c.total) for c in areas] == [("academic", 0, 1)]


def test_ready_means_every_prerequisite_is_mastered(world, lenas_record):
    dashboard = dashboard_get(learner=world["lena"])
    # N.1.b follows the mastered N.1.a but is approaching: it is "almost there", and a
    # target is in one list only. N.1.c and N.2.a wait for N.1.b.
    assert codes(dashboard.ready) == ["SEL.1.a"]
    assert codes(dashboard.almost_there) == ["N.1.b"]
    (tile,) = [t for t in dashboard.maps[0].tiles if t.target.human_coding_scheme == "N.1.b"]
    assert tile.ready
    assert [p.human_coding_scheme for p in tile.prerequisites] == ["N.1.a"]


def test_an_educators_override_to_proficient_unlocks_what_follows(world, lenas_record):
    estimate_override(
        learner=world["lena"],
        target=lenas_record["N.1.b"],
        level=3,
        by=world["erin"],
        reason="Showed it in conversation.",
    )
    dashboard = dashboard_get(learner=world["lena"])
    assert codes(dashboard.ready) == ["N.1.c", "N.2.a", "SEL.1.a"]
    assert dashboard.almost_there == []


def test_pending_reassessments_show_and_declined_ones_do_not(world, lenas_record):
    lena, erin = world["lena"], world["erin"]
    pending = reassessment_request(
        learner=lena,
        target=lenas_record["N.1.b"],
        by=lena,
        preparation="Practised the ratio tables with a tutor.",
    )
    declined = reassessment_request(
        learner=lena,
        target=lenas_record["SEL.1.a"],
        by=lena,
        preparation="Used a planner every day for two weeks.",
    )
    reassessment_decline(reassessment=declined, by=erin, note="Keep the planner a week first.")
    assert dashboard_get(learner=lena).reassessments == [pending]


def test_recent_feedback_is_newest_first_and_leaves_out_evidence_without_any(world, lenas_record):
    evidence_record(
        learner=world["lena"],
        target=lenas_record["N.1.a"],
        scorer=world["erin"],
        level=4,
        assessed_at=MONDAY + timedelta(days=2),
        feedback="Clear explanation.",
    )
    feedback = dashboard_get(learner=world["lena"]).feedback
    assert [e.feedback for e, _ in feedback][:1] == ["Clear explanation."]
    assert feedback[0][1] == "4 Advanced"
    assert all(e.feedback for e, _ in feedback)
    assert len(feedback) == 4


def test_active_goals_and_plan_steps_show_progress_from_estimates(world, lenas_record):
    lena = world["lena"]
    goal = Goal.objects.create(
        learner=lena, title="Ratios by winter", by_when=date(2026, 12, 18), created_by=lena
    )
    goal.targets.set([lenas_record["N.1.a"], lenas_record["N.1.b"]])
    Goal.objects.create(
        learner=lena,
        title="Old goal",
        by_when=date(2026, 6, 1),
        created_by=lena,
        status=Goal.Status.DROPPED,
    )
    plan = LearningPlan.objects.create(learner=lena)
    PlanItem.objects.create(plan=plan, target=lenas_record["N.1.b"], status="accepted")
    PlanItem.objects.create(plan=plan, target=lenas_record["N.1.c"], status="dropped")
    dashboard = dashboard_get(learner=lena)
    assert dashboard.goals is not None
    assert dashboard.plan_steps is not None
    (progress,) = dashboard.goals
    assert progress.goal == goal
    assert [(c.area, c.mastered, c.total) for c in progress.areas] == [("academic", 1, 2)]
    assert [(codes([s.tile])[0], s.tile.status) for s in dashboard.plan_steps] == [
        ("N.1.b", S.APPROACHING)
    ]


def test_a_learner_without_estimates_has_an_empty_map(world):
    dashboard = dashboard_get(learner=world["omar"])
    assert dashboard.maps == []
    assert dashboard.ready == []
    assert dashboard.areas == []


def _queries(learner) -> int:
    with CaptureQueriesContext(connection) as captured:
        dashboard_get(learner=learner)
    return len(captured.captured_queries)


def test_the_query_count_does_not_grow_with_targets_frameworks_or_evidence(world, lenas_record):
    lena, erin = world["lena"], world["erin"]
    Goal.objects.create(
        learner=lena, title="Ratios", by_when=date(2026, 12, 18), created_by=lena
    ).targets.set([lenas_record["N.1.a"]])
    PlanItem.objects.create(
        plan=LearningPlan.objects.create(learner=lena), target=lenas_record["N.1.c"]
    )
    few = _queries(lena)
    science = sample_framework(title="Maple Grove Science")
    for n in range(12):
        item_create(science.version, f"N.1.x{n}", "More ratios", parent=science["N.1"])
    for code in ("N.1.a", "N.1.b", "N.2.a", "SEL.1.a"):
        for level in (1, 3, 4):
            evidence_record(
                learner=lena,
                target=science[code],
                scorer=erin,
                level=level,
                assessed_at=MONDAY,
                feedback="Good.",
            )
    goal = Goal.objects.create(
        learner=lena, title="Science", by_when=date(2026, 12, 18), created_by=lena
    )
    goal.targets.set([science["N.1.a"], science["N.1.c"]])
    for code in ("N.1.c", "N.2.a"):
        PlanItem.objects.create(plan=lena.learning_plan, target=science[code])
    assert len(dashboard_get(learner=lena).maps) == 4
    assert _queries(lena) == few


def test_a_framework_lenas_class_is_assessed_on_shows_not_started_before_any_evidence(world):
    science = sample_framework(title="Maple Grove Science")
    quiz = assessment_create(
        creator=world["erin"], title="Cells", kind="summative", section=world["math_a"]
    )
    alignment_set(assessment=quiz, by=world["erin"], alignments=[AlignmentSpec(science["N.1.a"])])
    dashboard = dashboard_get(learner=world["lena"])
    academic, lifelong = dashboard.maps
    assert academic.title == "Maple Grove Science"
    assert codes(academic.tiles) == ["N.1.a", "N.1.b", "N.1.c", "N.2.a"]
    assert {tile.status for tile in academic.tiles + lifelong.tiles} == {S.NOT_STARTED}
    assert codes(dashboard.ready) == ["N.1.a", "SEL.1.a"]  # nothing comes before them
    assert dashboard_get(learner=world["omar"]).maps == []  # Eli's section has no assessment
