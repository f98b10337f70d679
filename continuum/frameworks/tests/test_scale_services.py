"""A district sets a scale's bands: checked against the cut, written at once, audited."""

import math

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from continuum.frameworks import services
from continuum.frameworks.models import ProficiencyScale
from continuum.frameworks.tests.factories import sample_framework
from continuum.mastery import Bands, Status, status_of

BANDS = ("evidence_approaching", "evidence_advanced", "estimate_approaching", "estimate_advanced")


@pytest.fixture
def scale(world):
    """Maple Grove's four-level scale (1–4, proficient from 3), owned by Riverside: Ada
    (its admin) sets its bands."""
    return sample_framework(owner=world["district"]).scale


def _stored(scale: ProficiencyScale) -> tuple:
    scale.refresh_from_db()
    return (*(getattr(scale, name) for name in BANDS), scale.history.count())


def test_set_bands_are_in_force_and_blank_ones_stay_derived(world, scale):
    services.scale_bands_set(
        scale=scale,
        editor=world["ada"],
        reason="Calibration",
        estimate_approaching=2.8,
        estimate_advanced=3.6,
    )
    scale.refresh_from_db()
    assert scale.bands.estimate == Bands(approaching=2.8, proficient=3, advanced=3.6)
    assert scale.bands.evidence == Bands(approaching=2, proficient=3, advanced=4)


def test_an_estimate_reads_by_the_bands_the_district_set(world, scale):
    assert status_of(3.3, scale.bands.estimate) == Status.PROFICIENT
    services.scale_bands_set(
        scale=scale, editor=world["ada"], reason="Narrower", estimate_advanced=3.25
    )
    scale.refresh_from_db()
    assert status_of(3.3, scale.bands.estimate) == Status.ADVANCED
    assert status_of(3.0, scale.bands.estimate) == Status.PROFICIENT


def test_a_blank_band_is_derived_again(world, scale):
    services.scale_bands_set(scale=scale, editor=world["ada"], reason="Set", evidence_advanced=3.5)
    services.scale_bands_set(scale=scale, editor=world["ada"], reason="Back to derived")
    scale.refresh_from_db()
    assert scale.evidence_advanced is None
    assert scale.bands.evidence.advanced == 4


def test_approaching_at_the_cut_is_allowed_and_leaves_no_approaching(world, scale):
    services.scale_bands_set(
        scale=scale, editor=world["ada"], reason="No approaching", evidence_approaching=3
    )
    scale.refresh_from_db()
    assert status_of(2, scale.bands.evidence) == Status.NOT_YET
    assert status_of(3, scale.bands.evidence) == Status.PROFICIENT


def test_the_history_records_who_set_the_bands_and_why(world, scale):
    services.scale_bands_set(
        scale=scale, editor=world["ada"], reason="Percent marks", estimate_advanced=3.4
    )
    record = scale.history.first()
    assert (record.history_user, record.history_change_reason) == (world["ada"], "Percent marks")
    assert record.estimate_advanced == 3.4


def test_saving_the_bands_unchanged_adds_no_history(world, scale):
    before = scale.history.count()
    services.scale_bands_set(scale=scale, editor=world["ada"], reason="Nothing to change")
    assert scale.history.count() == before


@pytest.mark.parametrize(
    ("band", "value", "message"),
    [
        (
            "evidence_approaching",
            3.5,
            "“Approaching from (single pieces of evidence)” must be at most the proficiency cut (3)",
        ),
        (
            "estimate_approaching",
            3.01,
            "“Approaching from (estimates)” must be at most the proficiency cut (3)",
        ),
        (
            "evidence_advanced",
            3,
            "“Advanced from (single pieces of evidence)” must be above the proficiency cut (3)",
        ),
        (
            "estimate_advanced",
            2.5,
            "“Advanced from (estimates)” must be above the proficiency cut (3)",
        ),
        ("estimate_advanced", math.inf, "“Advanced from (estimates)” must be a number"),
        (
            "evidence_approaching",
            math.nan,
            "“Approaching from (single pieces of evidence)” must be a number",
        ),
    ],
)
def test_a_band_on_the_wrong_side_of_the_cut_is_refused_by_name_and_changes_nothing(
    world, scale, band, value, message
):
    services.scale_bands_set(scale=scale, editor=world["ada"], reason="Set", evidence_advanced=3.5)
    before = _stored(scale)
    with pytest.raises(ValidationError) as refused:
        services.scale_bands_set(
            scale=scale,
            editor=world["ada"],
            reason="Wrong",
            **{"evidence_advanced": 3.5, "estimate_approaching": 2.7, band: value},
        )
    assert list(refused.value.message_dict) == [band]
    assert refused.value.message_dict[band][0].startswith(message)
    assert _stored(scale) == before


def test_every_wrong_band_is_named_at_once(world, scale):
    with pytest.raises(ValidationError) as refused:
        services.scale_bands_set(
            scale=scale,
            editor=world["ada"],
            reason="Wrong",
            evidence_approaching=4,
            estimate_advanced=1,
        )
    assert set(refused.value.message_dict) == {"evidence_approaching", "estimate_advanced"}


@pytest.mark.parametrize("person", ["otto", "erin"])
def test_only_the_owning_districts_admins_set_the_bands(world, scale, person):
    before = _stored(scale)
    with pytest.raises(PermissionDenied):
        services.scale_bands_set(
            scale=scale, editor=world[person], reason="Not mine", estimate_advanced=3.4
        )
    assert _stored(scale) == before
