"""What the frameworks app offers the other apps (their only way in besides ``models``).

- Reads scoped to a person's districts: ``framework_visible`` and ``target_visible`` (where
  every read of frameworks starts), ``district_ids`` and ``in_districts`` for other content
  a district owns, and the API's framework and item reads.
- The one target order: ``TARGET_ORDER``, ``in_target_order`` and ``area_rank``; counts
  per learning area, never mixed (``area_counts``).
- Scales: the scale each target is scored on (``scales_for``), the bands its statuses follow,
  checks that a level belongs to it, and levels in words.
- ``case_package_import``: the one path that writes frameworks from CASE packages.
- Framework text in the reader's language: ``framework_texts`` (→ ``FrameworkTexts`` of
  ``LocalText``), ``typed_text`` for what people typed (``translations.py``).
- Targets as form choices in the reader's language: ``TargetChoiceField`` and
  ``TargetMultipleChoiceField`` (``choices.py``).
- Its domain event, ``scale_bands_changed`` (decision 0012).
- Retired items: ``FrameworkItem.objects.in_use()`` for choices, ``retired_refuse`` in
  services that set new work on targets (``authoring.py``).
"""

from continuum.frameworks.areas import AreaCount, area_counts
from continuum.frameworks.authoring import retired_refuse
from continuum.frameworks.case.services import case_package_import
from continuum.frameworks.choices import TargetChoiceField, TargetMultipleChoiceField
from continuum.frameworks.ordering import TARGET_ORDER, area_rank, in_target_order
from continuum.frameworks.scales import (
    bands_of,
    estimate_bands_for,
    level_check,
    level_choices,
    level_label,
    scales_for,
)
from continuum.frameworks.selectors import (
    AreaCounts,
    FrameworkSummary,
    ItemDetail,
    framework_get,
    framework_list,
    framework_visible,
    item_get,
    item_list,
    target_visible,
)
from continuum.frameworks.signals import scale_bands_changed
from continuum.frameworks.tenancy import district_ids, in_districts
from continuum.frameworks.translations import (
    FrameworkTexts,
    LocalText,
    framework_texts,
    translation_put,
    typed_text,
)

__all__ = [
    "TARGET_ORDER",
    "AreaCount",
    "AreaCounts",
    "FrameworkSummary",
    "FrameworkTexts",
    "ItemDetail",
    "LocalText",
    "TargetChoiceField",
    "TargetMultipleChoiceField",
    "area_counts",
    "area_rank",
    "bands_of",
    "case_package_import",
    "district_ids",
    "estimate_bands_for",
    "framework_get",
    "framework_list",
    "framework_texts",
    "framework_visible",
    "in_districts",
    "in_target_order",
    "item_get",
    "item_list",
    "level_check",
    "level_choices",
    "level_label",
    "retired_refuse",
    "scale_bands_changed",
    "scales_for",
    "target_visible",
    "translation_put",
    "typed_text",
]
