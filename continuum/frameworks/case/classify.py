"""Turn a valid CFPackage's items into Continuum's tree: parent, kind, learning area, order.

* Parent: the first ``isChildOf`` destination that is an item; children of the document
  (and items with no item parent) are roots.
* Kind: a ``CFItemType`` that names one (Domain, Competency, … Learning Target) decides;
  otherwise roots are domains, other items with children are competencies, leaves are
  learning targets.
* Learner statement and learning area: ``extensions.continuum`` (what Continuum's own
  export writes) decides when present; else the learner statement is
  an ``abbreviatedStatement`` written as "I can …".
* Learning area: lifelong when the item type, a subject (the item's or the document's) or
  the statement speaks of SEL, social-emotional learning, lifelong learning or habits —
  or when the parent is lifelong; otherwise academic.
* Position among siblings: ``sequenceNumber`` of the ``isChildOf`` association, then
  ``listEnumeration`` (numbers compared as numbers), then file order.
"""

import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from continuum.frameworks.case.graph import end_identifiers, tree_parents
from continuum.frameworks.models import ItemKind, LearningArea

_LIFELONG = re.compile(r"\b(SEL|social[- ]emotional|life-?long|habits?)\b", re.IGNORECASE)


@dataclass(frozen=True)
class PlannedItem:
    identifier: str
    parent: str | None
    kind: str
    learning_area: str
    position: int
    raw: Mapping[str, Any]


def planned_items(package: Mapping) -> list[PlannedItem]:
    """The package's items in file order, each placed in the tree."""
    items = package.get("CFItems", [])
    parents = tree_parents(package)
    has_children = {parent for parent in parents.values() if parent}
    positions = _positions(package, parents)
    areas = _learning_areas(package, parents)
    return [
        PlannedItem(
            identifier=(identifier := item["identifier"]),
            parent=parents[identifier],
            kind=_kind(item, root=parents[identifier] is None, branch=identifier in has_children),
            learning_area=areas[identifier],
            position=positions[identifier],
            raw=item,
        )
        for item in items
    ]


_NAMED_KINDS = (
    ("learning target", ItemKind.TARGET),
    ("competency", ItemKind.COMPETENCY),
    ("domain", ItemKind.DOMAIN),
)


def _kind(item: Mapping, *, root: bool, branch: bool) -> str:
    item_type = str(item.get("CFItemType", "")).lower()
    for word, kind in _NAMED_KINDS:
        if word in item_type:
            return kind
    if root:
        return ItemKind.DOMAIN
    return ItemKind.COMPETENCY if branch else ItemKind.TARGET


def _continuum_extension(item: Mapping) -> Mapping:
    """What Continuum's own export adds to a CFItem (``extensions.continuum``)."""
    extensions = item.get("extensions")
    own = extensions.get("continuum") if isinstance(extensions, Mapping) else None
    return own if isinstance(own, Mapping) else {}


def learner_statement(item: Mapping) -> str:
    """The learner-facing "I can" statement, when the package gives one."""
    explicit = _continuum_extension(item).get("learnerStatement")
    if isinstance(explicit, str) and explicit:
        return explicit
    abbreviated = str(item.get("abbreviatedStatement", ""))
    return abbreviated if abbreviated.lower().startswith("i can ") else ""


def says_lifelong(*texts: str) -> bool:
    return any(_LIFELONG.search(text) for text in texts if text)


def _learning_areas(package: Mapping, parents: Mapping[str, str | None]) -> dict[str, str]:
    document_subjects = package["CFDocument"].get("subject", [])
    by_identifier = {item["identifier"]: item for item in package.get("CFItems", [])}
    areas: dict[str, str] = {}

    def area(identifier: str) -> str:
        if identifier not in areas:
            item, parent = by_identifier[identifier], parents[identifier]
            stated = _continuum_extension(item).get("learningArea")
            if stated in LearningArea.values:
                areas[identifier] = stated
                return stated
            own = says_lifelong(
                item.get("CFItemType", ""),
                *item.get("subject", []),
                *document_subjects,
                item["fullStatement"],
                item.get("abbreviatedStatement", ""),
            )
            inherited = parent is not None and area(parent) == LearningArea.LIFELONG
            areas[identifier] = LearningArea.LIFELONG if own or inherited else LearningArea.ACADEMIC
        return areas[identifier]

    for identifier in _top_down(parents):
        area(identifier)
    return areas


def _top_down(parents: Mapping[str, str | None]) -> list[str]:
    """Identifiers with every parent before its children (keeps recursion shallow)."""
    depth: dict[str, int] = {}
    for identifier in parents:
        chain: list[str] = []
        node: str | None = identifier
        while node is not None and node not in depth:
            chain.append(node)
            node = parents[node]
        base = -1 if node is None else depth[node]
        for offset, member in enumerate(reversed(chain), start=1):
            depth[member] = base + offset
    return sorted(parents, key=depth.__getitem__)


def _positions(package: Mapping, parents: Mapping[str, str | None]) -> dict[str, int]:
    sequence: dict[str, int] = {}
    for association in package.get("CFAssociations", []):
        if association["associationType"] != "isChildOf" or "sequenceNumber" not in association:
            continue
        child, destination = end_identifiers(association)
        if child in parents and child not in sequence and parents[child] in (None, destination):
            sequence[child] = association["sequenceNumber"]
    siblings: dict[str | None, list[tuple[int, Mapping]]] = {}
    for index, item in enumerate(package.get("CFItems", [])):
        siblings.setdefault(parents[item["identifier"]], []).append((index, item))

    def order(entry: tuple[int, Mapping]) -> tuple:
        index, item = entry
        seq = sequence.get(item["identifier"])
        enumeration = item.get("listEnumeration")
        return (
            seq is None,
            seq or 0,
            enumeration is None,
            _natural(enumeration or ""),
            index,
        )

    return {
        item["identifier"]: position
        for group in siblings.values()
        for position, (_, item) in enumerate(sorted(group, key=order))
    }


def _natural(text: str) -> tuple:
    return tuple(
        (0, int(part), "") if part.isdigit() else (1, 0, part.lower())
        for part in re.split(r"(\d+)", text)
        if part
    )
