"""Computing flags and pace into rows, and working on support plans."""

from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from continuum.frameworks.models import FrameworkItem, ItemKind
from continuum.mastery.flags import FlagKind, RaisedFlag
from continuum.supports import selectors
from continuum.supports.models import Flag, LearnerPace, SupportPlan, SupportsRun
from continuum.supports.services.compute import (
    flags_sync,
    supports_compute,
    supports_compute_request,
)
from continuum.supports.services.plans import (
    action_add,
    action_complete,
    flag_update,
    note_add,
    plan_create,
    plan_review,
)
from continuum.supports.tests.conftest import TODAY


def _flags(learner):
    return sorted(
        (f.kind, f.target.human_coding_scheme if f.target else None, f.state)
        for f in Flag.objects.filter(learner=learner)
    )


def test_computing_opens_explained_flags_owned_by_the_counselor(supports):
    result = supports_compute(school=supports["school"], today=TODAY)
    assert result.learners == 2
    assert _flags(supports["lena"]) == [
        ("behind_pace", None, "open"),
        ("repeated_not_yet", "N.1.a", "open"),
        ("stalled", None, "open"),
    ]
    flag = Flag.objects.get(learner=supports["lena"], kind="repeated_not_yet")
    assert flag.owner == supports["cora"]
    assert "last 4 pieces of evidence on N.1.a" in flag.explanation


def test_pace_is_stored_with_remaining_targets(supports):
    supports_compute(school=supports["school"], today=TODAY)
    pace = LearnerPace.objects.get(learner=supports["lena"])
    assert (pace.status, pace.mastered, pace.needed) == ("behind", 1, 4)
    assert sorted(t.human_coding_scheme for t in pace.remaining.all()) == [
        "N.1.a",
        "N.1.c",
        "N.2.a",
    ]
    assert pace.projected_on is not None
    assert pace.projected_on >= TODAY


@pytest.mark.parametrize(
    ("floor", "status", "words"),
    [
        (2, "on pace", "1 of 1 targets mastered, 1 below the rule's floor"),
        (1, "ahead", "the requirement's targets are all mastered"),
    ],
)
def test_pace_honours_the_rules_floor(supports, floor, status, words):
    # A quarter of the four targets proficient (N.1.b) meets the share; N.1.a's estimate
    # (about 1.6) is below a floor of 2, so the rule is not met yet, but above a floor of 1.
    requirement = supports["requirement"]
    requirement.rule = {"name": "share_proficient", "parameters": {"share": 0.25, "floor": floor}}
    requirement.save()
    supports_compute(school=supports["school"], today=TODAY)
    pace = LearnerPace.objects.get(learner=supports["lena"])
    assert pace.status == status
    assert words in pace.explanation


def test_recomputing_keeps_live_flags_and_resolves_cleared_ones(supports):
    supports_compute(school=supports["school"], today=TODAY)
    stalled = Flag.objects.get(learner=supports["lena"], kind="stalled")
    flag_update(flag=stalled, by=supports["erin"], state="acknowledged")
    result = supports_compute(school=supports["school"], today=TODAY - timedelta(days=40))
    assert result.opened == 0
    stalled.refresh_from_db()
    assert stalled.state == "resolved"
    assert stalled.note.startswith("Resolved automatically")
    assert stalled.history.first().history_change_reason == "Signal cleared"
    assert Flag.objects.get(learner=supports["lena"], kind="repeated_not_yet").state == "open"


def test_a_plan_opened_from_a_flag_acknowledges_it_and_is_audited(supports):
    supports_compute(school=supports["school"], today=TODAY)
    flag = Flag.objects.get(learner=supports["lena"], kind="repeated_not_yet")
    plan = plan_create(
        learner=supports["lena"],
        by=supports["erin"],
        flag=flag,
        tier=2,
        concern=flag.explanation,
        goal="Proficient on N.1.a",
        targets=[supports["maths"]["N.1.a"]],
        review_on=timezone.localdate() + timedelta(days=14),
    )
    flag.refresh_from_db()
    assert flag.state == "acknowledged"
    assert list(plan.flags.all()) == [flag]
    assert plan.history.first().history_user == supports["erin"]
    action = action_add(
        plan=plan,
        by=supports["erin"],
        description="Reteach",
        owner=supports["cora"],
        due_on=timezone.localdate(),
    )
    action_complete(action=action, by=supports["cora"])
    with pytest.raises(ValidationError, match="already done"):
        action_complete(action=action, by=supports["cora"])
    note_add(plan=plan, by=supports["cora"], text="Better today.")
    assert plan.notes.count() == 1


def test_only_people_who_work_with_the_learner_may_plan(supports):
    with pytest.raises(PermissionDenied):
        plan_create(
            learner=supports["lena"],
            by=supports["eli"],
            tier=1,
            concern="x",
            goal="y",
            review_on=timezone.localdate(),
        )


def test_an_action_owner_must_work_with_the_learner(supports):
    plan = SupportPlan.objects.create(
        learner=supports["lena"],
        concern="x",
        goal="y",
        review_on=timezone.localdate(),
        created_by=supports["erin"],
    )
    with pytest.raises(ValidationError, match="does not work with this learner"):
        action_add(
            plan=plan,
            by=supports["erin"],
            description="x",
            owner=supports["eli"],
            due_on=timezone.localdate(),
        )


def test_sharing_needs_a_summary_and_only_shared_plans_reach_the_family(supports):
    lena, erin = supports["lena"], supports["erin"]
    plan = plan_create(
        learner=lena, by=erin, tier=1, concern="c", goal="g", review_on=timezone.localdate()
    )
    review = {"plan": plan, "by": erin, "review_on": plan.review_on, "outcome": "", "close": False}
    with pytest.raises(ValidationError, match="family summary"):
        plan_review(**review, shared_with_family=True, family_summary=" ")
    assert selectors.family_summary(lena) == []
    plan_review(**review, shared_with_family=True, family_summary="Extra practice twice a week.")
    assert [p["summary"] for p in selectors.family_summary(lena)] == [
        "Extra practice twice a week."
    ]
    with pytest.raises(ValidationError, match="outcome"):
        plan_review(**{**review, "close": True}, shared_with_family=True, family_summary="s")


def test_the_caseload_puts_the_learner_behind_first(supports):
    supports_compute(school=supports["school"], today=TODAY)
    rows = selectors.caseload_list(supports["leo"])
    assert [row.learner.username for row in rows] == ["lena", "omar"]
    assert rows[0].open_flags == 3


def test_a_recompute_request_runs_in_the_background_and_reports_progress(supports, settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
    run = supports_compute_request(school=supports["school"], by=supports["cora"])
    run.refresh_from_db()
    assert (run.processed, run.total) == (2, 2)
    assert run.finished_at is not None
    assert selectors.freshness(supports["school"]).computed_at is not None
    with pytest.raises(PermissionDenied):
        supports_compute_request(school=supports["school"], by=supports["erin"])
    assert SupportsRun.objects.count() == 1


def test_a_caseload_holds_only_learners_the_person_may_see(supports):
    leo, lena, omar = supports["leo"], supports["lena"], supports["omar"]
    assert set(selectors.caseload_learners(leo)) >= {lena, omar}
    assert list(selectors.caseload_learners(supports["cora"])) == [lena]
    omar.organization = None  # a learner outside every school
    omar.save()
    leo.organization = None  # a leader not (yet) attached to a school sees nobody
    assert not selectors.caseload_learners(leo).exists()
    assert not selectors.caseload_learners(supports["gabe"]).exists()


def _raised(learner, targets):
    return [
        RaisedFlag(kind=FlagKind.REPEATED_NOT_YET, learner=learner.pk, target=t.pk, explanation="x")
        for t in targets
    ]


def test_opening_many_flags_costs_the_queries_of_one_and_each_is_audited(
    supports, django_assert_max_num_queries
):
    lena = supports["lena"]
    targets = list(FrameworkItem.objects.filter(kind=ItemKind.TARGET).order_by("pk"))
    with CaptureQueriesContext(connection) as one:
        flags_sync(learners=[lena], raised=_raised(lena, targets[:1]), today=TODAY)
    with django_assert_max_num_queries(len(one)):
        opened, kept, _resolved = flags_sync(
            learners=[lena], raised=_raised(lena, targets), today=TODAY
        )
    assert (opened, kept) == (len(targets) - 1, 1)
    assert opened > 1
    audited = Flag.history.filter(learner=lena, history_type="+")
    assert sorted(audited.values_list("target_id", flat=True)) == [t.pk for t in targets]
