"""Pace and flags follow new evidence in the background: recording, correcting or
overriding marks the learner, many marks in the debounce window queue one refresh, and the
refresh recomputes just the marked learners (Lena, in Erin's Math 6A; Omar, in Eli's Math
6B, is left alone)."""

from datetime import UTC, date, datetime, timedelta

import pytest
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from continuum.evidence.services.estimates import estimate_override
from continuum.evidence.services.recording import evidence_record, evidence_update
from continuum.supports.models import Flag, LearnerPace, Requirement, SupportsDirty
from continuum.supports.services.compute import supports_compute
from continuum.supports.services.refresh import supports_refresh, supports_refresh_task
from continuum.supports.tests.conftest import TODAY

IMMEDIATE = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
WHEN = datetime(2026, 11, 16, 9, tzinfo=UTC)


def _record(supports, code="N.1.a", level=4.0, learner="lena"):
    return evidence_record(
        learner=supports[learner],
        target=supports["maths"][code],
        scorer=supports["erin" if learner == "lena" else "eli"],
        level=level,
        assessed_at=WHEN,
    )


def _marked() -> set[str]:
    return {row.learner.username for row in SupportsDirty.objects.select_related("learner")}


def _queued() -> list[DBTaskResult]:
    return list(DBTaskResult.objects.filter(task_path__endswith=".supports_refresh_task"))


def test_recording_evidence_marks_the_learner(supports):
    SupportsDirty.objects.all().delete()
    _record(supports)
    assert _marked() == {"lena"}


def test_a_correction_marks_the_learner(supports):
    piece = _record(supports, level=2)
    SupportsDirty.objects.all().delete()
    evidence_update(evidence=piece, by=supports["erin"], reason="Mis-keyed.", level=3)
    assert _marked() == {"lena"}


def test_an_override_marks_the_learner(supports):
    SupportsDirty.objects.all().delete()
    estimate_override(
        learner=supports["lena"],
        target=supports["maths"]["N.1.b"],
        level=2,
        by=supports["erin"],
        reason="Her quiz was copied.",
    )
    assert _marked() == {"lena"}


def test_ten_records_queue_one_refresh_after_the_delay(
    supports, settings, django_capture_on_commit_callbacks
):
    settings.CONTINUUM_SUPPORTS_REFRESH_DELAY = 60
    SupportsDirty.objects.all().delete()
    before = timezone.now()
    with django_capture_on_commit_callbacks(execute=True):
        for _ in range(10):
            _record(supports, level=2)
    [queued] = _queued()
    assert queued.run_after >= before + timedelta(seconds=60)
    assert _marked() == {"lena"}


def _graduation(supports) -> Requirement:
    """A graduation requirement over N.1, so Omar has a pace too."""
    requirement = Requirement.objects.create(
        title="Graduation",
        kind=Requirement.Kind.GRADUATION,
        organization=supports["school"],
        starts_on=date(2026, 1, 5),
        due_on=date(2029, 6, 1),
        rule={"name": "all_proficient"},
    )
    requirement.competencies.set([supports["maths"]["N.1"]])
    return requirement


def test_the_worker_task_refreshes_the_marked_learners_pace_and_flags(supports):
    _graduation(supports)
    supports_compute(school=supports["school"], today=TODAY)
    omar_before = list(LearnerPace.objects.filter(learner=supports["omar"]).values("computed_at"))
    assert omar_before
    credit = LearnerPace.objects.get(learner=supports["lena"], requirement=supports["requirement"])
    assert credit.mastered == 1
    assert Flag.objects.filter(learner=supports["lena"], kind="repeated_not_yet", state="open")
    for _ in range(3):
        _record(supports, "N.1.a", level=4)
    supports_refresh_task.call()
    credit = LearnerPace.objects.get(learner=supports["lena"], requirement=supports["requirement"])
    assert credit.mastered == 2
    assert credit.finish_by == date(2029, 6, 1)  # her expected graduation
    flag = Flag.objects.get(learner=supports["lena"], kind="repeated_not_yet")
    assert flag.state == Flag.State.RESOLVED
    assert not SupportsDirty.objects.exists()
    omar_after = list(LearnerPace.objects.filter(learner=supports["omar"]).values("computed_at"))
    assert omar_after == omar_before


def test_a_learner_marked_during_a_refresh_stays_marked_and_is_queued_again(
    supports, django_capture_on_commit_callbacks
):
    SupportsDirty.objects.update(changed_at=timezone.now() + timedelta(minutes=5))
    with django_capture_on_commit_callbacks(execute=True):
        supports_refresh_task.call()
    assert _marked() == {"lena"}
    assert len(_queued()) == 1


def test_with_the_immediate_backend_a_record_refreshes_only_its_learner(
    supports, settings, django_capture_on_commit_callbacks
):
    settings.TASKS = IMMEDIATE
    _graduation(supports)
    supports_compute(school=supports["school"], today=TODAY)
    stamp = timezone.now() - timedelta(days=1)
    LearnerPace.objects.update(computed_at=stamp)
    SupportsDirty.objects.all().delete()
    with django_capture_on_commit_callbacks(execute=True):
        _record(supports, "N.1.c", level=4)
    assert not LearnerPace.objects.filter(learner=supports["lena"], computed_at=stamp)
    assert LearnerPace.objects.filter(learner=supports["omar"], computed_at=stamp)
    assert not LearnerPace.objects.filter(learner=supports["omar"]).exclude(computed_at=stamp)
    assert not SupportsDirty.objects.exists()


def test_a_refresh_with_nobody_marked_does_nothing(supports):
    SupportsDirty.objects.all().delete()
    result = supports_refresh(today=TODAY)
    assert (result.learners, result.opened, result.resolved) == (0, 0, 0)


@pytest.mark.parametrize("delay", [0, 60])
def test_the_immediate_backend_cannot_wait_and_runs_at_once(
    supports, settings, django_capture_on_commit_callbacks, delay
):
    settings.TASKS = IMMEDIATE
    settings.CONTINUUM_SUPPORTS_REFRESH_DELAY = delay
    SupportsDirty.objects.all().delete()
    with django_capture_on_commit_callbacks(execute=True):
        _record(supports, "N.1.c", level=4)
    assert not SupportsDirty.objects.exists()
    assert LearnerPace.objects.filter(learner=supports["lena"]).exists()


def test_a_school_computation_unmarks_its_learners(supports):
    assert _marked() == {"lena"}  # her evidence was recorded when the school was set up
    supports_compute(school=supports["school"], today=TODAY)
    assert not SupportsDirty.objects.exists()
