"""Periods, work habits and observations: checked completely before anything is written."""

from datetime import date

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from continuum.evidence.models import Estimate, Evidence
from continuum.evidence.signals import estimates_changed
from continuum.reports.models import ReportComment, ReportingPeriod, WorkHabitObservation
from continuum.reports.services import (
    observations_record,
    period_create,
    period_update,
    work_habit_create,
)
from continuum.reports.tests.conftest import at, score


def test_a_period_must_end_after_it_starts(world):
    with pytest.raises(ValidationError, match="must end after it starts"):
        period_create(
            by=world["leo"],
            school=world["school"],
            name="Backwards",
            starts_on=date(2026, 3, 1),
            ends_on=date(2026, 3, 1),
        )
    assert not ReportingPeriod.objects.exists()


def test_periods_of_one_school_never_overlap(world, fall):
    with pytest.raises(ValidationError, match="overlaps “Fall 2025”"):
        period_create(
            by=world["leo"],
            school=world["school"],
            name="Late fall",
            starts_on=date(2025, 12, 1),
            ends_on=date(2026, 1, 30),
        )
    assert list(ReportingPeriod.objects.all()) == [fall]
    # Another school may use the same dates.
    period_create(
        by=world["otto"],
        school=world["birch"],
        name="Late fall",
        starts_on=date(2025, 12, 1),
        ends_on=date(2026, 1, 30),
    )


def test_a_period_may_be_edited_within_its_own_dates_and_the_history_says_who(world, fall):
    period_update(
        by=world["leo"],
        period=fall,
        name="Fall term",
        starts_on=fall.starts_on,
        ends_on=date(2025, 12, 20),
    )
    latest = fall.history.latest()
    assert (latest.name, latest.history_user) == ("Fall term", world["leo"])


def test_a_school_lists_each_work_habit_once(world, habits):
    with pytest.raises(ValidationError, match="already lists"):
        work_habit_create(by=world["leo"], school=world["school"], name="completes work on time")


def test_work_habits_never_enter_a_mastery_estimate(world, sample, fall, habits):
    score(world, sample, "N.1.a", 2, at(2025, 10, 1))
    estimates = list(Estimate.objects.values_list("target_id", "level", "status", "evidence_count"))
    evidence = Evidence.objects.count()
    sent = []
    estimates_changed.connect(receiver := lambda **kwargs: sent.append(kwargs), weak=False)
    try:
        observations_record(
            learner=world["lena"],
            period=fall,
            by=world["erin"],
            ratings={habits[0].pk: (4, "Always on time"), habits[1].pk: (1, "")},
            comment="A strong term.",
            next_steps="Explain equal ratios aloud.",
        )
    finally:
        estimates_changed.disconnect(receiver)
    assert sent == []
    assert Evidence.objects.count() == evidence
    assert (
        list(Estimate.objects.values_list("target_id", "level", "status", "evidence_count"))
        == estimates
    )
    assert WorkHabitObservation.objects.filter(learner=world["lena"]).count() == 2


def test_observations_are_audited_and_no_rating_clears_a_habit(world, fall, habits):
    def record(rating):
        return observations_record(
            learner=world["lena"],
            period=fall,
            by=world["erin"],
            ratings={habits[0].pk: (rating, "note")},
            comment="First draft",
            next_steps="",
        )

    record(3)
    comment = record(None)
    assert not WorkHabitObservation.objects.exists()
    assert comment.history.latest().history_user == world["erin"]
    assert WorkHabitObservation.history.filter(history_type="-").get().history_user == world["erin"]


def test_only_an_educator_who_teaches_the_learner_records_observations(world, fall, habits):
    for person in ("eli", "gabe", "leo"):
        with pytest.raises(PermissionDenied):
            observations_record(
                learner=world["lena"],
                period=fall,
                by=world[person],
                ratings={},
                comment="x",
                next_steps="",
            )
    assert not ReportComment.objects.exists()


def test_a_rating_off_the_scale_or_another_schools_habit_changes_nothing(world, fall, habits):
    foreign = work_habit_create(by=world["otto"], school=world["birch"], name="Punctual")
    for ratings, message in (
        ({habits[0].pk: (7, "")}, "not a rating on the scale"),
        ({foreign.pk: (3, "")}, "not the school's"),
    ):
        with pytest.raises(ValidationError, match=message):
            observations_record(
                learner=world["lena"],
                period=fall,
                by=world["erin"],
                ratings=ratings,
                comment="",
                next_steps="",
            )
    assert not WorkHabitObservation.objects.exists()
    assert not ReportComment.objects.exists()
