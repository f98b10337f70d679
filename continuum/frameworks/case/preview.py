"""What a CASE import would do, shown before it runs: items, associations and level
descriptors added, changed and removed, compared with the framework's current version.

The comparison is between like and like: the package is read through the same
``planned_items`` and ``planned_scales`` the import writes with, and the framework through
its rows (so edits made in Continuum since the last import show as changes the import
would undo). ``state_digest`` fingerprints a framework's current state; the preview keeps
it and the confirmed import refuses to run if it changed since (an edit or another import),
so what runs is exactly what was shown.
"""

import hashlib
import json
from collections.abc import Callable, Mapping
from dataclasses import asdict, dataclass, field
from typing import Any

from continuum.frameworks.case.canonical import content_hash
from continuum.frameworks.case.classify import planned_items
from continuum.frameworks.case.rubrics import planned_scales
from continuum.frameworks.case.validate import CaseError, Problem
from continuum.frameworks.models import Framework, FrameworkVersion, LevelDescriptor

PARTS = ("items", "associations", "descriptors")
# Item fields compared, with the words the preview names them by.
ITEM_FIELDS = {
    "code": "code",
    "full": "full statement",
    "short": "short statement",
    "type": "item type",
    "parent": "parent",
    "position": "order",
}

Snapshot = dict[str, dict[str, Any]]  # part → key → compared values


@dataclass(frozen=True)
class PackagePreview:
    identifier: str
    title: str
    status: str  # created, updated or unchanged, as the import will report it
    version: int  # the version the import makes (or keeps, when unchanged)
    added: dict[str, list[str]] = field(default_factory=dict)
    changed: dict[str, list[str]] = field(default_factory=dict)
    removed: dict[str, list[str]] = field(default_factory=dict)

    def as_json(self) -> dict[str, Any]:
        return asdict(self)


def without_repeats(package: Mapping) -> tuple[dict[str, list], list[dict]]:
    """Items and associations with each identifier once (the first), and the rest."""
    unique: dict[str, list] = {}
    repeats = []
    for part in ("CFItems", "CFAssociations"):
        seen: set[str] = set()
        unique[part] = []
        for index, thing in enumerate(package.get(part, [])):
            if thing["identifier"] in seen:
                repeats.append({"part": part, "index": index, "json": thing})
            else:
                seen.add(thing["identifier"])
                unique[part].append(thing)
    return unique, repeats


def package_preview(
    package: Mapping, *, may_update: Callable[[Framework], bool]
) -> tuple[PackagePreview, str]:
    """The package's preview and the digest of the framework it would change ("" for new)."""
    document = package["CFDocument"]
    framework = Framework.objects.filter(identifier=document["identifier"]).first()
    if framework is not None and not may_update(framework):
        raise CaseError([not_owned(document["identifier"])])
    latest = framework.current if framework else None
    digest = state_digest(framework)
    title = document["title"]
    if latest is not None and latest.content_hash == content_hash(package):
        return PackagePreview(document["identifier"], title, "unchanged", latest.number), digest
    new, old = package_snapshot(package), version_snapshot(latest)
    preview = PackagePreview(
        document["identifier"],
        title,
        "updated" if latest else "created",
        latest.number + 1 if latest else 1,
    )
    labels = {**_labels(old), **_labels(new)}
    for part in PARTS:
        before, after = old[part], new[part]
        preview.added[part] = [_label(part, k, after[k], labels) for k in after if k not in before]
        preview.removed[part] = [
            _label(part, k, before[k], labels) for k in before if k not in after
        ]
        preview.changed[part] = [
            f"{_label(part, k, after[k], labels)} ({_differences(part, before[k], after[k])})"
            for k in after
            if k in before and before[k] != after[k]
        ]
    return preview, digest


def not_owned(identifier: str) -> Problem:
    """The refusal of a package whose framework another district owns."""
    return Problem(
        "CFDocument.identifier",
        f"{identifier} is a framework your district does not own; "
        "only its owners import new versions of it",
    )


def package_snapshot(package: Mapping) -> Snapshot:
    unique, _repeats = without_repeats(package)
    plan = planned_items({**package, **unique})
    items = {
        p.identifier: {
            "code": p.raw.get("humanCodingScheme", ""),
            "full": p.raw["fullStatement"],
            "short": p.raw.get("abbreviatedStatement", ""),
            "type": p.raw.get("CFItemType", ""),
            "parent": p.parent,
            "position": p.position,
        }
        for p in plan
    }
    associations = {
        raw["identifier"]: {
            "type": raw["associationType"],
            "origin": raw["originNodeURI"]["identifier"],
            "destination": raw["destinationNodeURI"]["identifier"],
        }
        for raw in unique["CFAssociations"]
    }
    descriptors = {
        f"{d.item} {d.value:g}": {"item": d.item, "level": f"{d.value:g}", "text": d.description}
        for scale in planned_scales(package.get("CFRubrics", []), items.keys())
        for d in scale.descriptors
    }
    return {"items": items, "associations": associations, "descriptors": descriptors}


def version_snapshot(version: FrameworkVersion | None) -> Snapshot:
    if version is None:
        return {part: {} for part in PARTS}
    rows = list(version.items.select_related("parent"))
    items = {
        item.identifier: {
            "code": item.human_coding_scheme,
            "full": item.full_statement,
            "short": item.abbreviated_statement,
            "type": item.item_type,
            "parent": item.parent.identifier if item.parent else None,
            "position": item.position,
        }
        for item in rows
    }
    associations = {
        a.identifier: {
            "type": a.association_type,
            "origin": a.origin_identifier,
            "destination": a.destination_identifier,
        }
        for a in version.associations.all()
    }
    descriptors = {
        f"{d.item.identifier} {d.level.value:g}": {
            "item": d.item.identifier,
            "level": f"{d.level.value:g}",
            "text": d.description,
        }
        for d in LevelDescriptor.objects.filter(item__version=version).select_related(
            "item", "level"
        )
    }
    return {"items": items, "associations": associations, "descriptors": descriptors}


def state_digest(framework: Framework | None) -> str:
    """A fingerprint of the framework's current version as stored: any edit in Continuum
    (retiring included) or new version changes it. "" for a framework not yet imported."""
    version = framework.current if framework else None
    if version is None:
        return ""
    state = {
        "version": version.number,
        "snapshot": version_snapshot(version),
        "retired": sorted(
            version.items.filter(retired_at__isnull=False).values_list("identifier", flat=True)
        ),
    }
    text = json.dumps(state, sort_keys=True, ensure_ascii=False, default=str)
    return hashlib.sha256(text.encode()).hexdigest()


def _labels(snapshot: Snapshot) -> dict[str, str]:
    return {key: values["code"] or values["full"][:60] for key, values in snapshot["items"].items()}


def _label(part: str, key: str, values: Mapping[str, Any], labels: Mapping[str, str]) -> str:
    if part == "items":
        code, statement = values["code"], values["full"]
        return f"{code} — {statement[:80]}" if code else statement[:80]
    if part == "associations":
        origin = labels.get(values["origin"], values["origin"])
        destination = labels.get(values["destination"], values["destination"])
        return f"{origin} {values['type']} {destination}"
    return f"{labels.get(values['item'], values['item'])} @ {values['level']}"


def _differences(part: str, before: Mapping[str, Any], after: Mapping[str, Any]) -> str:
    if part == "descriptors":
        return "description"
    names = ITEM_FIELDS if part == "items" else {k: k for k in after}
    return ", ".join(names.get(key, key) for key in after if before.get(key) != after.get(key))
