"""Statuses follow each scale: a learner who scores at the cut every time is proficient on
every piece and on the estimate, whatever the scale's range (known answers from the rule in
docs/mastery.md, "Bands come from the scale")."""

from datetime import UTC, datetime, timedelta

import pytest
from django.db import IntegrityError, transaction

from continuum.evidence.models import Estimate
from continuum.evidence.models import EstimateStatus as S
from continuum.evidence.selectors.gradebook import gradebook_cell
from continuum.evidence.services.estimates import estimate_override
from continuum.evidence.services.recording import evidence_record
from continuum.frameworks.case.services import case_package_import
from continuum.frameworks.models import ProficiencyLevel, ProficiencyScale
from continuum.frameworks.scales import bands_of
from continuum.frameworks.services import scale_bands_set
from continuum.frameworks.tests.factories import item_create, version_create
from continuum.frameworks.tests.fixtures import case_sample, latest
from continuum.people.models import Section, User

MONDAY = datetime(2026, 9, 7, 9, tzinfo=UTC)

SCALES = {
    "1-4, 3 proficient": ((1, 2, 3, 4), 3),
    "0-100 in tens, 80 proficient": (tuple(range(0, 101, 10)), 80),
    "1-5, 4 proficient": ((1, 2, 3, 4, 5), 4),
}


def target_on(levels, cut):
    version = version_create(title=f"Scale {levels[0]}-{levels[-1]} cut {cut}")
    scale = ProficiencyScale.objects.create(version=version, title="Scale", proficiency_cut=cut)
    ProficiencyLevel.objects.bulk_create(
        ProficiencyLevel(scale=scale, value=value, name=f"Level {value}") for value in levels
    )
    return item_create(version, "T.1", "Show it")


def scores(world, target, *levels):
    for week, level in enumerate(levels):
        evidence_record(
            learner=world["lena"],
            target=target,
            scorer=world["erin"],
            level=level,
            assessed_at=MONDAY + timedelta(weeks=week),
        )
    return Estimate.objects.get(learner=world["lena"], target=target)


def evidence_status(world, target):
    section = Section.objects.get(title="Math 6A")
    return gradebook_cell(learner=world["lena"], target=target, view="evidence", section=section)


@pytest.mark.parametrize(("levels", "cut"), SCALES.values(), ids=SCALES.keys())
def test_scoring_at_the_cut_every_time_is_proficient_on_the_piece_and_the_estimate(
    world, levels, cut
):
    target = target_on(levels, cut)
    estimate = scores(world, target, cut, cut, cut)
    assert (estimate.level, estimate.status) == (cut, S.PROFICIENT)
    assert evidence_status(world, target).status == S.PROFICIENT


@pytest.mark.parametrize(
    ("levels", "cut", "level", "status"),
    [
        ((1, 2, 3, 4), 3, 3.5, S.ADVANCED),
        ((1, 2, 3, 4), 3, 2.5, S.APPROACHING),
        ((1, 2, 3, 4), 3, 2.49, S.NOT_YET),
        (tuple(range(0, 101, 10)), 80, 85, S.ADVANCED),
        (tuple(range(0, 101, 10)), 80, 79, S.APPROACHING),
        (tuple(range(0, 101, 10)), 80, 74.9, S.NOT_YET),
        ((1, 2, 3, 4, 5), 4, 4.49, S.PROFICIENT),
        ((1, 2, 3, 4, 5), 4, 3.5, S.APPROACHING),
    ],
)
def test_an_estimate_reads_against_its_own_scales_bands(world, levels, cut, level, status):
    target = target_on(levels, cut)
    scores(world, target, cut)
    estimate = estimate_override(
        learner=world["lena"], target=target, level=level, by=world["erin"], reason="Seen in class"
    )
    assert estimate.override_status == status


def test_a_percentage_scored_piece_is_read_against_the_percentage_scale(world):
    target = target_on(tuple(range(0, 101, 10)), 80)
    scores(world, target, 70)
    assert evidence_status(world, target).status == S.APPROACHING
    scores(world, target, 70, 90)
    assert evidence_status(world, target).status == S.ADVANCED


def test_a_scale_imported_from_a_case_rubric_reads_with_its_named_cut(world):
    package = case_sample()
    rubric = package["CFRubrics"][0]
    names = {60: "Beginning", 75: "Developing", 85: "Meets standard", 100: "Exceeds"}
    for criterion in rubric["CFRubricCriteria"]:
        for level, (score, name) in zip(
            criterion["CFRubricCriterionLevels"], names.items(), strict=True
        ):
            level.update(score=score, quality=name)
    case_package_import(package=package, source="test")
    version = latest(package["CFDocument"]["identifier"])
    scale = version.scales.get()
    assert scale.proficiency_cut == 85
    assert bands_of(scale).evidence.cuts == (75, 85, 100)
    assert bands_of(scale).estimate.cuts == (80, 85, 92.5)
    target = version.items.get(human_coding_scheme="N.1.a")
    assert scores(world, target, 85, 85).status == S.PROFICIENT


def test_a_district_may_set_a_scales_bands_and_only_around_its_cut(world):
    target = target_on(tuple(range(101)), 80)  # marked in single points
    scale = ProficiencyScale.objects.get(version=target.version)
    assert bands_of(scale).estimate.cuts == (79.5, 80, 80.5)
    scale.estimate_approaching, scale.estimate_advanced = 70, 90
    scale.evidence_approaching, scale.evidence_advanced = 70, 90
    scale.save()
    assert bands_of(scale).estimate.cuts == (70, 80, 90)
    assert scores(world, target, 85).status == S.PROFICIENT
    scale.estimate_advanced = 75
    with pytest.raises(IntegrityError), transaction.atomic():
        scale.save()


def test_a_district_setting_bands_restatuses_the_stored_estimates_in_the_background(
    world, settings, django_capture_on_commit_callbacks
):
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
    target = target_on((1, 2, 3, 4), 3)
    estimate = scores(world, target, 2, 2, 3)  # the power trend ends at 2.70
    assert estimate.level == pytest.approx(2.70, abs=0.005)
    assert estimate.status == S.APPROACHING
    root = User.objects.create_superuser("root", password="not-a-demo-password-1")
    scale = ProficiencyScale.objects.get(version=target.version)
    with django_capture_on_commit_callbacks(execute=True):
        scale_bands_set(scale=scale, editor=root, reason="Stricter", estimate_approaching=2.8)
    estimate.refresh_from_db()
    assert estimate.status == S.NOT_YET
    assert estimate.history.first().history_change_reason == "The scale's bands changed"
