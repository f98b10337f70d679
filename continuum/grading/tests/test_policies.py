"""A school's grading policy from draft to adoption: who may change it, what a draft
changes (nothing), what adoption records, and the background recompute it starts.

Known answer: Lena scores 1 then 3 (summative) on N.1.a. Under the default power law she
is proficient (3.0); under a decaying average (w = 0.65) she is not yet (2.3).
"""

from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from continuum.evidence.models import Estimate, EstimateStatus, GradingPolicyRecord
from continuum.evidence.public import evidence_record, policy_for, policy_record_for
from continuum.evidence.tests.known_answers import START, one_then_three
from continuum.grading.services.policies import policy_adopt, policy_discard, policy_draft_create
from continuum.people.models import Organization, Role, User

DECAYING = {"method": "decaying_average", "parameters": {"w": 0.65}}


@pytest.fixture
def immediate_tasks(settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}


@pytest.fixture
def lenas_scores(world, sample):
    return one_then_three(world, sample["N.1.a"])


def test_a_draft_changes_nothing_until_it_is_adopted(world, lenas_scores):
    draft = policy_draft_create(by=world["ada"], organization=world["district"], body=DECAYING)
    assert draft.state == "draft"
    assert draft.version is None
    assert policy_for(organization=world["school"]).method == "power_law"
    lenas_scores.refresh_from_db()
    assert lenas_scores.status == EstimateStatus.PROFICIENT


@pytest.mark.parametrize(
    ("body", "reason"),
    [
        ({"method": "decaying_average", "parameters": {"w": 2}}, "w must be within"),
        ({"method": "median"}, "unknown method 'median'"),
        ({"method": "latest", "minimum_evidence": 0}, "minimum_evidence"),
    ],
)
def test_an_invalid_policy_is_refused_with_its_reason_and_nothing_is_saved(world, body, reason):
    with pytest.raises(ValidationError, match=reason):
        policy_draft_create(by=world["ada"], organization=world["district"], body=body)
    assert not GradingPolicyRecord.objects.exists()


def test_adoption_records_the_version_who_when_and_why_and_recomputes_in_the_background(
    world, lenas_scores, immediate_tasks, django_capture_on_commit_callbacks
):
    draft = policy_draft_create(by=world["ada"], organization=world["district"], body=DECAYING)
    with pytest.raises(ValidationError, match="Say why"):
        policy_adopt(record=draft, by=world["ada"], reason=" ")
    with django_capture_on_commit_callbacks(execute=True):
        adopted = policy_adopt(record=draft, by=world["ada"], reason="Board decision 12")
    assert (adopted.version, adopted.state, adopted.effective_on) == (
        1,
        "adopted",
        timezone.localdate(),
    )
    latest = adopted.history.first()
    assert (latest.history_user, latest.history_change_reason) == (
        world["ada"],
        "Board decision 12",
    )
    assert policy_for(organization=world["school"]).method == "decaying_average"
    lenas_scores.refresh_from_db()
    assert lenas_scores.level == pytest.approx(0.65 * 3 + 0.35 * 1)
    assert lenas_scores.status == EstimateStatus.NOT_YET
    adopted.refresh_from_db()
    learners = User.objects.filter(role=Role.LEARNER, organization__parent=world["district"])
    assert (adopted.recompute_done, adopted.recompute_total) == (learners.count(),) * 2
    assert adopted.recompute_finished_at is not None


def test_a_later_effective_date_leaves_today_alone_and_the_past_is_refused(
    world, django_capture_on_commit_callbacks
):
    draft = policy_draft_create(by=world["ada"], organization=world["district"], body=DECAYING)
    with pytest.raises(ValidationError, match="past"):
        policy_adopt(
            record=draft,
            by=world["ada"],
            reason="Backdated",
            effective_on=timezone.localdate() - timedelta(days=1),
        )
    later = timezone.localdate() + timedelta(days=30)
    with django_capture_on_commit_callbacks(execute=True):
        policy_adopt(record=draft, by=world["ada"], reason="Next term", effective_on=later)
    assert policy_for(organization=world["school"]).method == "power_law"
    on_the_day = policy_record_for(organization=world["school"], on=later)
    assert on_the_day is not None
    assert on_the_day.pk == draft.pk
    # the recompute waits in the worker's queue for the day the version takes effect
    queued = DBTaskResult.objects.get(task_path__endswith="adoption_recompute_task")
    assert timezone.localtime(queued.run_after).date() == later
    assert queued.args_kwargs["kwargs"] == {"record_id": draft.pk}


def test_a_school_override_wins_and_only_its_leaders_and_district_admins_set_it(world):
    with pytest.raises(PermissionDenied):
        policy_draft_create(by=world["leo"], organization=world["district"], body=DECAYING)
    with pytest.raises(PermissionDenied):
        policy_draft_create(by=world["leo"], organization=world["birch"], body=DECAYING)
    with pytest.raises(PermissionDenied):
        policy_draft_create(by=world["otto"], organization=world["school"], body=DECAYING)
    with pytest.raises(PermissionDenied):
        policy_draft_create(by=world["erin"], organization=world["school"], body=DECAYING)
    district = policy_draft_create(by=world["ada"], organization=world["district"], body=DECAYING)
    policy_adopt(record=district, by=world["ada"], reason="District default")
    school = policy_draft_create(
        by=world["leo"], organization=world["school"], body={"method": "latest"}
    )
    policy_adopt(record=school, by=world["leo"], reason="Our school reassesses often")
    cedar = Organization.objects.create(kind="school", name="Cedar", parent=world["district"])
    assert policy_for(organization=world["school"]).method == "latest"
    assert policy_for(organization=cedar).method == "decaying_average"
    assert policy_for(organization=world["birch"]).method == "power_law"  # Lakeside's


def test_a_discarded_draft_keeps_its_reason_and_cannot_be_adopted(world):
    draft = policy_draft_create(by=world["ada"], organization=world["district"], body=DECAYING)
    policy_discard(record=draft, by=world["ada"], reason="Too harsh on early work")
    draft.refresh_from_db()
    assert (draft.state, draft.note) == ("discarded", "Too harsh on early work")
    with pytest.raises(ValidationError, match="not a draft"):
        policy_adopt(record=draft, by=world["ada"], reason="Changed my mind")


def test_with_a_minimum_of_two_pieces_one_4_stays_approaching_until_the_second(world, sample):
    draft = policy_draft_create(
        by=world["leo"],
        organization=world["school"],
        body={"method": "power_law", "formative_weight": 0, "minimum_evidence": 2},
    )
    policy_adopt(record=draft, by=world["leo"], reason="Mastery is shown twice")
    for day, expected in ((0, EstimateStatus.APPROACHING), (1, EstimateStatus.ADVANCED)):
        evidence_record(
            learner=world["lena"],
            target=sample["N.1.a"],
            scorer=world["erin"],
            level=4,
            kind="summative",
            assessed_at=START + timedelta(days=day),
        )
        estimate = Estimate.objects.get(learner=world["lena"], target=sample["N.1.a"])
        assert (estimate.level, estimate.status) == (4, expected)
