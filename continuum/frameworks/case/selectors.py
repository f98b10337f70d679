"""Read a stored framework version back as a CFPackage.

Imported versions give back exactly the JSON they came from: the document, definitions,
rubrics and package keys are stored whole, items and associations keep their raw JSON and
come back in import order. Item fields edited in Continuum (statements, codes, type)
override the raw values, and objects made in Continuum rather than imported get the
CASE fields they need, so every version can be served.
"""

from typing import Any

from django.db.models import QuerySet

from continuum.frameworks.case.services import PARTS
from continuum.frameworks.models import (
    Association,
    CaseImport,
    Framework,
    FrameworkItem,
    FrameworkVersion,
)

RECENT_IMPORTS = 10


def case_import_list() -> QuerySet[CaseImport]:
    """The latest web imports, newest first (without their waiting payloads)."""
    return CaseImport.objects.select_related("created_by").defer("payload")[:RECENT_IMPORTS]


def case_version_get(reference: str) -> FrameworkVersion | None:
    """The latest version of the framework with this CASE identifier (or database id)."""
    framework = Framework.objects.filter(identifier=reference).first()
    if framework is None and reference.isdigit():
        framework = Framework.objects.filter(pk=int(reference)).first()
    return framework.current if framework else None


def case_package_get(version: FrameworkVersion) -> dict[str, Any]:
    stamp = version.created_at.isoformat()
    items = list(version.items.order_by("id"))
    uris: dict[int | None, str] = {item.pk: item.uri for item in items}
    parts: dict[str, Any] = {
        "CFDocument": {**_document_fields(version, stamp), **version.raw_document},
        "CFItems": [_item_json(item, stamp) for item in items],
        "CFAssociations": [
            _association_json(association, uris, stamp)
            for association in version.associations.order_by("id")
        ],
        "CFDefinitions": version.raw_definitions,
        "CFRubrics": version.raw_rubrics,
    }
    for repeat in version.raw_repeats:  # in file order, so earlier indexes are already in place
        parts[repeat["part"]].insert(repeat["index"], repeat["json"])
    layout = version.raw_package or dict.fromkeys(PARTS if version.raw_rubrics else PARTS[:-1])
    return {key: parts[key] if key in PARTS else value for key, value in layout.items()}


def _urn(identifier: str) -> str:
    return f"urn:continuum:{identifier}"


def _document_fields(version: FrameworkVersion, stamp: str) -> dict[str, Any]:
    identifier = version.framework.identifier
    return {
        "identifier": identifier,
        "uri": version.uri or _urn(identifier),
        "title": version.title,
        "creator": version.creator or version.framework.title,
        "lastChangeDateTime": stamp,
    }


def _item_json(item: FrameworkItem, stamp: str) -> dict[str, Any]:
    edited = {
        "identifier": item.identifier,
        "uri": item.uri,
        "fullStatement": item.full_statement,
        "abbreviatedStatement": item.abbreviated_statement,
        "humanCodingScheme": item.human_coding_scheme,
        "listEnumeration": item.list_enumeration,
        "CFItemType": item.item_type,
    }
    made_here = {"uri": _urn(item.identifier), "lastChangeDateTime": stamp}
    return {**made_here, **item.raw, **{key: value for key, value in edited.items() if value}}


def _association_json(
    association: Association, uris: dict[int | None, str], stamp: str
) -> dict[str, Any]:
    raw = association.raw

    def link(end: str, identifier: str, item_id: int | None) -> dict[str, str]:
        if "uri" in raw.get(end, {}):
            return raw[end]
        made = {"title": "", "identifier": identifier, "uri": uris.get(item_id) or _urn(identifier)}
        return made | raw.get(end, {})

    made_here = {
        "identifier": association.identifier,
        "uri": _urn(association.identifier),
        "associationType": association.association_type,
        "lastChangeDateTime": stamp,
    }
    return (
        made_here
        | raw
        | {
            "originNodeURI": link(
                "originNodeURI", association.origin_identifier, association.origin_id
            ),
            "destinationNodeURI": link(
                "destinationNodeURI", association.destination_identifier, association.destination_id
            ),
        }
    )
