"""Pathways services: profile, goals, catalog and the plan (draft, edit, agree)."""

from datetime import date, timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from continuum.evidence.services.assessments import AlignmentSpec, alignment_set, assessment_create
from continuum.frameworks.models import ItemKind
from continuum.frameworks.tests.factories import item_create, scale_create, version_create
from continuum.pathways import services
from continuum.pathways.models import GoalComment, LearnerProfile, LearningExperience, PlanItem
from continuum.pathways.selectors import plan_get

TOMORROW = timezone.localdate() + timedelta(days=1)


def test_a_learner_edits_their_profile_with_clean_tags(world):
    profile = services.profile_update(
        learner=world["lena"],
        by=world["lena"],
        changes={"interests": [" Music", "music", "Soccer "], "strengths": "Patient"},
    )
    assert profile.interests == ["music", "soccer"]
    assert profile.history.count() == 1


def test_only_educators_and_the_counselor_write_accommodations(world):
    with pytest.raises(PermissionDenied):
        services.profile_update(
            learner=world["lena"], by=world["lena"], changes={}, accommodations="Extra time"
        )
    services.profile_update(
        learner=world["lena"], by=world["cora"], changes={}, accommodations="Extra time"
    )
    assert LearnerProfile.objects.get(learner=world["lena"]).accommodations == "Extra time"


def test_a_guardian_cannot_edit_the_profile(world):
    with pytest.raises(PermissionDenied):
        services.profile_update(learner=world["lena"], by=world["gabe"], changes={"needs": "x"})


def test_a_goal_needs_a_target_and_a_date_ahead(world, sample):
    lena = world["lena"]
    with pytest.raises(ValidationError):
        services.goal_create(learner=lena, by=lena, title="Ratios", targets=[], by_when=TOMORROW)
    with pytest.raises(ValidationError):
        services.goal_create(
            learner=lena,
            by=lena,
            title="Ratios",
            targets=[sample["N.1.a"]],
            by_when=date(2020, 1, 1),
        )
    goal = services.goal_create(
        learner=lena, by=lena, title="Ratios", targets=[sample["N.1.a"]], by_when=TOMORROW
    )
    assert list(goal.targets.all()) == [sample["N.1.a"]]


def test_the_learner_reflects_and_others_comment(world, sample):
    lena = world["lena"]
    goal = services.goal_create(
        learner=lena, by=lena, title="Ratios", targets=[sample["N.1.a"]], by_when=TOMORROW
    )
    mine = services.goal_comment_add(goal=goal, by=lena, text="I practised")
    gabes = services.goal_comment_add(goal=goal, by=world["gabe"], text="Proud of you")
    assert (mine.kind, gabes.kind) == (GoalComment.Kind.REFLECTION, GoalComment.Kind.COMMENT)
    with pytest.raises(PermissionDenied):
        services.goal_comment_add(goal=goal, by=world["eli"], text="Not my learner")


def test_check_ins_are_for_educators_and_not_in_the_future(world, sample):
    lena = world["lena"]
    goal = services.goal_create(
        learner=lena, by=lena, title="Ratios", targets=[sample["N.1.a"]], by_when=TOMORROW
    )
    with pytest.raises(PermissionDenied):
        services.goal_check_in(goal=goal, by=lena, note="x", progress="started", on=TOMORROW)
    with pytest.raises(ValidationError):
        services.goal_check_in(
            goal=goal, by=world["erin"], note="x", progress="started", on=TOMORROW
        )
    check_in = services.goal_check_in(
        goal=goal, by=world["erin"], note="On it", progress="on_track", on=timezone.localdate()
    )
    assert check_in.goal == goal


def test_the_draft_suggests_ready_targets_with_reasons_and_experiences(world, sample, mastered):
    lena = world["lena"]
    services.profile_update(learner=lena, by=lena, changes={"interests": ["music"]})
    song = LearningExperience.objects.create(title="Ratio songs", interests=["music"])
    song.targets.set([sample["N.1.b"]])
    drafted = services.plan_draft(learner=lena, by=lena, today=date(2026, 9, 8))
    first = drafted[0]
    assert first.target == sample["N.1.b"]
    assert first.experience == song
    assert "ready: its prerequisite N.1.a is mastered" in first.reasons
    assert "fits your interest in music" in first.reasons
    assert sample["N.1.a"] not in {item.target for item in drafted}
    assert first.due_on == date(2026, 9, 22)


def test_drafting_again_keeps_what_was_accepted(world, sample, mastered):
    lena = world["lena"]
    first = services.plan_draft(learner=lena, by=lena)
    services.plan_item_change(item=first[0], by=lena, action="accept")
    again = services.plan_draft(learner=lena, by=lena)
    assert first[0].target not in {item.target for item in again}
    assert PlanItem.objects.get(pk=first[0].pk).status == PlanItem.Status.ACCEPTED


def test_an_edit_after_agreement_clears_it(world, sample, mastered):
    lena, erin = world["lena"], world["erin"]
    item = services.plan_draft(learner=lena, by=lena)[0]
    services.plan_agree(learner=lena, by=lena)
    plan = services.plan_agree(learner=lena, by=erin)
    assert plan.is_agreed
    assert plan.agreed_by_educator == erin
    services.plan_item_change(item=item, by=erin, action="accept")
    plan.refresh_from_db()
    assert not plan.is_agreed
    assert plan.agreed_by_learner_at is None


def test_an_empty_plan_cannot_be_agreed(world):
    with pytest.raises(ValidationError):
        services.plan_agree(learner=world["lena"], by=world["lena"])


def test_a_step_is_done_when_evidence_shows_proficiency(world, sample, mastered):
    lena = world["lena"]
    item = services.plan_item_add(learner=lena, by=lena, target=sample["N.1.b"])
    assert item.added_by == PlanItem.AddedBy.LEARNER
    assert not plan_get(learner=lena).rows[0].done
    mastered("N.1.b", level=4)
    assert plan_get(learner=lena).rows[0].done


def test_steps_move_up_and_down(world, sample):
    lena = world["lena"]
    a = services.plan_item_add(learner=lena, by=lena, target=sample["N.1.a"])
    b = services.plan_item_add(learner=lena, by=lena, target=sample["N.1.b"])
    services.plan_item_change(item=b, by=lena, action="up")
    assert [row.item.pk for row in plan_get(learner=lena).rows] == [b.pk, a.pk]
    with pytest.raises(ValidationError):
        services.plan_item_change(item=a, by=lena, action="explode")


def test_the_same_target_is_not_added_twice(world, sample):
    lena = world["lena"]
    services.plan_item_add(learner=lena, by=lena, target=sample["N.1.a"])
    with pytest.raises(ValidationError):
        services.plan_item_add(learner=lena, by=world["erin"], target=sample["N.1.a"])


def test_a_stranger_cannot_edit_the_plan(world, sample):
    with pytest.raises(PermissionDenied):
        services.plan_item_add(learner=world["lena"], by=world["eli"], target=sample["N.1.a"])


def test_a_partner_keeps_their_own_opportunities(world, sample):
    pat = world["pat"]
    created = services.experience_save(
        by=pat, fields={"title": "Clinic internship", "setting": "workplace"}, targets=[]
    )
    assert created.partner == pat
    other = LearningExperience.objects.create(title="School garden")
    with pytest.raises(PermissionDenied):
        services.experience_save(by=pat, fields={"title": "Mine now"}, targets=[], experience=other)


def test_an_educator_deactivates_an_experience_and_drafts_skip_it(world, sample, mastered):
    erin, lena = world["erin"], world["lena"]
    song = services.experience_save(
        by=erin, fields={"title": "Ratio songs"}, targets=[sample["N.1.b"]]
    )
    services.experience_save(by=erin, fields={"active": False}, targets=[], experience=song)
    drafted = services.plan_draft(learner=lena, by=lena)
    assert all(item.experience_id != song.pk for item in drafted)


def test_equally_ranked_suggestions_come_in_the_one_target_order(world):
    # Targets are numbered among their siblings: C2's first target has a lower place than
    # C1's, but C1 comes first in the tree, so its targets are suggested first.
    version = version_create(title="Sibling numbering")
    scale_create(version)
    domain = item_create(version, "D", "d", kind=ItemKind.DOMAIN)
    c1 = item_create(version, "C1", "c", kind=ItemKind.COMPETENCY, parent=domain, position=0)
    c2 = item_create(version, "C2", "c", kind=ItemKind.COMPETENCY, parent=domain, position=1)
    item_create(version, "C2.a", "t", parent=c2, position=0)
    first = item_create(version, "C1.a", "t", parent=c1, position=1)
    item_create(version, "C1.b", "t", parent=c1, position=2)
    quiz = assessment_create(
        creator=world["erin"], title="Check", kind="summative", section=world["math_a"]
    )
    alignment_set(assessment=quiz, by=world["erin"], alignments=[AlignmentSpec(first)])
    lena = world["lena"]  # not started anywhere: every target is new and ready
    drafted = services.plan_draft(learner=lena, by=lena)
    assert [item.target.human_coding_scheme for item in drafted] == ["C1.a", "C1.b", "C2.a"]
