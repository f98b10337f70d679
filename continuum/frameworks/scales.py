"""Proficiency scales: the scale a target is scored on, the bands its statuses follow,
checks that a level belongs to it, levels in words, and the scale page's reads."""

import math
from collections.abc import Iterable
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db.models import QuerySet
from django.utils.translation import gettext, gettext_noop
from django.utils.translation import gettext_lazy as _

from continuum.frameworks.models import (
    FrameworkItem,
    FrameworkVersion,
    ProficiencyLevel,
    ProficiencyScale,
)
from continuum.frameworks.own_scale import scales_for
from continuum.frameworks.selectors import Change, change_of, framework_visible
from continuum.mastery import DEFAULT_BANDS, Bands, ScaleBands, scale_bands
from continuum.people.models import User


def bands_of(scale: ProficiencyScale | None) -> ScaleBands:
    """The scale's bands; a target with no scale reads on the usual four levels."""
    return scale.bands if scale is not None else DEFAULT_BANDS


def estimate_bands_for(target_ids: Iterable[int]) -> dict[int, Bands]:
    """Each target's estimate bands, for the batch path (two queries)."""
    targets = FrameworkItem.objects.filter(pk__in=set(target_ids)).only("pk", "version_id")
    return {pk: bands_of(scale).estimate for pk, scale in scales_for(targets).items()}


def level_check(*, target: FrameworkItem, level: float, scale: ProficiencyScale | None) -> None:
    """Refuse a level that is not on the target's scale, naming the levels that are."""
    if scale is None:
        raise ValidationError(f"{target.human_coding_scheme} has no proficiency scale to score on.")
    values = [lvl.value for lvl in scale.levels.all()]
    if level not in values:
        allowed = ", ".join(f"{value:g}" for value in values)
        raise ValidationError(
            f"Level {level:g} is not on the scale of {target.human_coding_scheme} "
            f"(allowed: {allowed})."
        )


# Level names most scales use (the demo's, CASE rubrics'), in the catalog so that
# ``level_name`` can give them in the reader's language; a name not listed stays as typed.
COMMON_LEVEL_NAMES = (
    gettext_noop("Beginning"),
    gettext_noop("Developing"),
    gettext_noop("Approaching"),
    gettext_noop("Proficient"),
    gettext_noop("Advanced"),
    gettext_noop("Emerging"),
    gettext_noop("Exceeding"),
)


def level_name(name: str) -> str:
    """A level's name in the reader's language where the catalog has it (level names are
    data, but a handful of words cover nearly every scale)."""
    return gettext(name) if name else name


def level_label(value: float | None, scale: ProficiencyScale | None) -> str:
    """A single score in words, e.g. "4 Advanced"."""
    if value is None:
        return ""
    names = {level.value: level.name for level in scale.levels.all()} if scale else {}
    name = names.get(value)
    return f"{value:g} {level_name(name)}" if name else f"{value:g}"


def level_choices(scale: ProficiencyScale | None) -> list[tuple[str, str]]:
    """The scale's levels as form choices, e.g. ("4", "4 Advanced")."""
    if scale is None:
        return []
    return [
        (f"{level.value:g}", f"{level.value:g} {level_name(level.name)}")
        for level in scale.levels.all()
    ]


# The bands a district may set on a scale, by field, with the words the pages and errors use
# for them; the proficient band is always the cut.
SCALE_BAND_FIELDS = {
    "evidence_approaching": _("Approaching from (single pieces of evidence)"),
    "evidence_advanced": _("Advanced from (single pieces of evidence)"),
    "estimate_approaching": _("Approaching from (estimates)"),
    "estimate_advanced": _("Advanced from (estimates)"),
}


@dataclass(frozen=True)
class BandCell:
    """One moving band in force: its value, and whether the district set it (else derived).
    No value: nothing on the scale lies on that side of the cut, so no score reads so."""

    value: float | None
    derived: float | None
    is_set: bool


@dataclass(frozen=True)
class ScaleDetail:
    scale: ProficiencyScale
    levels: list[ProficiencyLevel]
    bands: dict[str, BandCell]  # by SCALE_BAND_FIELDS name
    history: list[Change]


def scale_list(*, version: FrameworkVersion) -> QuerySet[ProficiencyScale]:
    return version.scales.order_by("id")


def scale_get(*, scale_id: int, user: User, limit: int = 10) -> ScaleDetail:
    """A scale, its levels and the bands its statuses follow; raises
    ProficiencyScale.DoesNotExist (also for a framework the user may not read)."""
    scale = (
        ProficiencyScale.objects.filter(version__framework__in=framework_visible(user=user))
        .select_related("version__framework")
        .prefetch_related("levels")
        .get(pk=scale_id)
    )
    levels = list(scale.levels.all())
    derived = scale_bands([level.value for level in levels], scale.proficiency_cut)
    in_force = scale.bands
    history = scale.history.select_related("history_user").order_by("-history_date")[:limit]
    return ScaleDetail(
        scale=scale,
        levels=levels,
        bands={name: _band_cell(scale, name, in_force, derived) for name in SCALE_BAND_FIELDS},
        history=[change_of(record) for record in history],
    )


def _band_cell(
    scale: ProficiencyScale, name: str, in_force: ScaleBands, derived: ScaleBands
) -> BandCell:
    kind, status = name.split("_")

    def reachable(bands: ScaleBands) -> float | None:
        value = getattr(getattr(bands, kind), status)
        empty = value >= scale.proficiency_cut if status == "approaching" else math.isinf(value)
        return None if empty else value

    return BandCell(reachable(in_force), reachable(derived), getattr(scale, name) is not None)
