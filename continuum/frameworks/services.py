"""Edits to a framework made in Continuum's own UI (imports live in case/).

Each edit is one transaction, is recorded in django-simple-history with the editor and
their reason, and keeps the CASE JSON (``raw``) in step with the columns so that an
export after an edit says what the page says. Each checks that the editor may change
the framework (its district's admins, decision 0009), whatever page or API called it.
"""

import math
import uuid
from collections.abc import Mapping

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from continuum.frameworks import graph
from continuum.frameworks.changes import change_record
from continuum.frameworks.models import (
    Association,
    AssociationType,
    ChangeAction,
    Framework,
    FrameworkItem,
    FrameworkVersion,
    LevelDescriptor,
    ProficiencyLevel,
    ProficiencyScale,
)
from continuum.frameworks.scales import SCALE_BAND_FIELDS
from continuum.frameworks.signals import scale_bands_changed
from continuum.frameworks.translations import item_translations_set
from continuum.people.models import User

# CASE has no field for these two; they travel in the item's extensions.
EXTENSION = "continuum"


def item_update(
    *,
    item: FrameworkItem,
    editor: User,
    reason: str,
    full_statement: str,
    abbreviated_statement: str = "",
    learner_statement: str = "",
    human_coding_scheme: str = "",
    learning_area: str,
    translations: Mapping[str, Mapping[str, str]] | None = None,
) -> FrameworkItem:
    """Change an item's statements, code and learning area, and the school's translations
    of its statements (language → field → text; an empty text removes one)."""
    _require_change(editor, item)
    with transaction.atomic():
        item = FrameworkItem.objects.select_for_update().get(pk=item.pk)
        item.full_statement = full_statement
        item.abbreviated_statement = abbreviated_statement
        item.learner_statement = learner_statement
        item.human_coding_scheme = human_coding_scheme
        item.learning_area = learning_area
        raw = dict(item.raw)
        _set_or_drop(raw, "fullStatement", full_statement)
        _set_or_drop(raw, "abbreviatedStatement", abbreviated_statement)
        _set_or_drop(raw, "humanCodingScheme", human_coding_scheme)
        extensions = dict(raw.get("extensions") or {})
        extensions[EXTENSION] = {
            **extensions.get(EXTENSION, {}),
            "learnerStatement": learner_statement,
            "learningArea": learning_area,
        }
        raw["extensions"] = extensions
        raw["lastChangeDateTime"] = _now()
        item.raw = raw
        _save_with_history(item, editor, reason)
        for language, texts in (translations or {}).items():
            item_translations_set(item=item, language=language, texts=texts)
        _changed(item, ChangeAction.EDITED, editor, reason)
    return item


def descriptor_set(
    *,
    item: FrameworkItem,
    descriptions: Mapping[ProficiencyLevel, str],
    editor: User,
    reason: str,
) -> None:
    """Set what each level looks like for the item; an empty description removes it.

    The version's CASE rubric (``raw_rubrics``) is updated where it holds the descriptor.
    """
    _require_change(editor, item)
    with transaction.atomic():
        existing = {d.level_id: d for d in item.descriptors.select_for_update()}
        changed: dict[str, str | None] = {}
        for level, text in descriptions.items():
            text = text.strip()
            descriptor = existing.get(level.pk)
            if descriptor is None and text:
                descriptor = LevelDescriptor(
                    item=item, level=level, description=text, identifier=str(uuid.uuid4())
                )
                _save_with_history(descriptor, editor, reason)
            elif descriptor is not None and not text:
                _attribute(descriptor, editor, reason)
                descriptor.delete()
                changed[descriptor.identifier] = None
            elif descriptor is not None and descriptor.description != text:
                descriptor.description = text
                _save_with_history(descriptor, editor, reason)
                changed[descriptor.identifier] = text
        _update_rubrics(item.version, changed)
        _changed(item, ChangeAction.DESCRIPTORS, editor, reason)


def prerequisite_add(
    *, origin: FrameworkItem, destination: FrameworkItem, editor: User, reason: str
) -> Association:
    """Record that ``origin`` precedes ``destination``, refusing duplicates and cycles."""
    _require_change(editor, destination)
    if origin.version_id != destination.version_id:
        raise ValidationError(_("A prerequisite must come from the same framework version."))
    if origin.pk == destination.pk:
        raise ValidationError(_("An item cannot be its own prerequisite."))
    with transaction.atomic():
        edges = list(
            Association.objects.select_for_update()
            .filter(version_id=destination.version_id, association_type=AssociationType.PRECEDES)
            .exclude(origin=None)
            .exclude(destination=None)
            .values_list("origin_id", "destination_id")
        )
        if (origin.pk, destination.pk) in edges:
            raise ValidationError(
                _("%(origin)s is already a prerequisite of %(destination)s.")
                % {"origin": origin, "destination": destination}
            )
        cycle = graph.find_path(edges, destination.pk, origin.pk)
        if cycle is not None:
            raise ValidationError(_cycle_message(cycle, origin, destination))
        association = _precedes_create(origin, destination)
        _audit(destination, editor, f"Prerequisite added ({origin.human_coding_scheme}): {reason}")
        _changed(destination, ChangeAction.PREREQUISITES, editor, reason, f"+ {origin}")
    return association


def prerequisite_remove(*, association: Association, editor: User, reason: str) -> None:
    """Delete one ``precedes`` edge."""
    _require_change(editor, association)
    if association.association_type != AssociationType.PRECEDES:
        raise ValidationError(_("Only prerequisite links can be removed here."))
    with transaction.atomic():
        origin, destination = association.origin, association.destination
        association.delete()
        if destination is not None:
            code = origin.human_coding_scheme if origin else association.origin_identifier
            _audit(destination, editor, f"Prerequisite removed ({code}): {reason}")
            _changed(destination, ChangeAction.PREREQUISITES, editor, reason, f"− {code}")


def framework_share(*, framework: Framework, shared: bool, editor: User, reason: str) -> Framework:
    """Let every other district read the framework (or stop letting them); never to change
    it. Only a district's own framework can be shared: a platform-wide one is read by all."""
    _require_change(editor, framework)
    if framework.organization_id is None:
        raise ValidationError(_("This framework is platform-wide: every district reads it."))
    with transaction.atomic():
        framework = Framework.objects.select_for_update().get(pk=framework.pk)
        if framework.shared != shared:
            framework.shared = shared
            _save_with_history(framework, editor, reason)
    return framework


def scale_bands_set(
    *,
    scale: ProficiencyScale,
    editor: User,
    reason: str,
    evidence_approaching: float | None = None,
    evidence_advanced: float | None = None,
    estimate_approaching: float | None = None,
    estimate_advanced: float | None = None,
) -> ProficiencyScale:
    """Set the scale's four moving bands; None derives a band from the levels and cut again.

    Each band is checked against the cut before anything is written, so the bands in force
    always rise (approaching ≤ proficient, the cut, < advanced) and a learner who scores at
    the cut reads proficient; a refusal names every band that is wrong. A change is
    announced (``scale_bands_changed``) so the statuses already stored follow it.
    """
    _require_change(editor, scale.version)
    bands = {
        "evidence_approaching": evidence_approaching,
        "evidence_advanced": evidence_advanced,
        "estimate_approaching": estimate_approaching,
        "estimate_advanced": estimate_advanced,
    }
    with transaction.atomic():
        scale = ProficiencyScale.objects.select_for_update().get(pk=scale.pk)
        errors = _band_errors(scale.proficiency_cut, bands)
        if errors:
            raise ValidationError(errors)
        if any(getattr(scale, name) != value for name, value in bands.items()):
            for name, value in bands.items():
                setattr(scale, name, value)
            _save_with_history(scale, editor, reason)
            scale_bands_changed.send(sender=ProficiencyScale, scale=scale)
    return scale


def _band_errors(cut: float, bands: Mapping[str, float | None]) -> dict[str, str]:
    errors = {}
    for name, value in bands.items():
        if value is None:
            continue
        if not math.isfinite(value):
            message = _("“%(band)s” must be a number; leave it blank to derive it.")
        elif name.endswith("approaching") and value > cut:
            message = _(
                "“%(band)s” must be at most the proficiency cut (%(cut)s): a score at the cut "
                "reads proficient."
            )
        elif name.endswith("advanced") and value <= cut:
            message = _(
                "“%(band)s” must be above the proficiency cut (%(cut)s), so that the bands "
                "rise from proficient to advanced."
            )
        else:
            continue
        errors[name] = message % {"band": SCALE_BAND_FIELDS[name], "cut": f"{cut:g}"}
    return errors


def _require_change(
    editor: User, thing: Framework | FrameworkVersion | FrameworkItem | Association
) -> None:
    if not editor.has_perm("frameworks.change_framework", thing):
        raise PermissionDenied(_("Only the owning district's admins change this framework."))


def _precedes_create(origin: FrameworkItem, destination: FrameworkItem) -> Association:
    identifier = str(uuid.uuid4())
    return Association.objects.create(
        version_id=destination.version_id,
        identifier=identifier,
        association_type=AssociationType.PRECEDES,
        origin=origin,
        origin_identifier=origin.identifier,
        destination=destination,
        destination_identifier=destination.identifier,
        raw={
            "identifier": identifier,
            "associationType": AssociationType.PRECEDES.value,
            "originNodeURI": _link(origin),
            "destinationNodeURI": _link(destination),
            "lastChangeDateTime": _now(),
        },
    )


def _cycle_message(cycle: list[int], origin: FrameworkItem, destination: FrameworkItem) -> str:
    codes = dict(
        FrameworkItem.objects.filter(pk__in=cycle).values_list("pk", "human_coding_scheme")
    )
    chain = " → ".join(codes.get(pk) or str(pk) for pk in [*cycle, destination.pk])
    return _(
        "%(origin)s cannot be a prerequisite of %(destination)s: that would make a cycle "
        "(%(chain)s)."
    ) % {
        "origin": origin.human_coding_scheme or origin,
        "destination": destination.human_coding_scheme or destination,
        "chain": chain,
    }


def _link(item: FrameworkItem) -> dict[str, str]:
    """A CASE LinkURI for an item."""
    return {
        "title": item.abbreviated_statement or item.full_statement[:60],
        "identifier": item.identifier,
        "uri": item.uri,
    }


def _update_rubrics(version: FrameworkVersion, changed: dict[str, str | None]) -> None:
    """Copy changed descriptions into the matching CFRubricCriterionLevels and drop removed
    ones (None). Descriptors first written here have no rubric entry to update."""
    if not changed or not version.raw_rubrics:
        return
    rubrics = version.raw_rubrics
    for rubric in rubrics:
        for criterion in rubric.get("CFRubricCriteria", []):
            levels = criterion.get("CFRubricCriterionLevels", [])
            for level in levels:
                if changed.get(level.get("identifier")):
                    level["description"] = changed[level["identifier"]]
                    level["lastChangeDateTime"] = _now()
            criterion["CFRubricCriterionLevels"] = [
                level
                for level in levels
                if level.get("identifier") not in changed or changed[level["identifier"]]
            ]
    FrameworkVersion.objects.filter(pk=version.pk).update(raw_rubrics=rubrics)


def _audit(item: FrameworkItem, editor: User, reason: str) -> None:
    """Associations have no history table of their own: record the change on the item it
    leads to, which is where people look for it."""
    item = FrameworkItem.objects.select_for_update().get(pk=item.pk)
    _save_with_history(item, editor, reason[:100])


def _changed(item: FrameworkItem, action: str, editor: User, reason: str, detail: str = "") -> None:
    summary = f"{item}: {detail}" if detail else str(item)
    change_record(
        version=item.version,
        item=item,
        action=action,
        summary=summary,
        reason=reason,
        editor=editor,
    )


def _save_with_history(instance, editor: User, reason: str) -> None:
    _attribute(instance, editor, reason)
    instance.save()


def _attribute(instance, editor: User, reason: str) -> None:
    """Tell simple-history who made the next save or delete, and why."""
    instance._history_user = editor
    instance._change_reason = reason


def _set_or_drop(raw: dict, key: str, value: str) -> None:
    if value:
        raw[key] = value
    else:
        raw.pop(key, None)


def _now() -> str:
    return timezone.now().replace(microsecond=0).isoformat().replace("+00:00", "Z")
