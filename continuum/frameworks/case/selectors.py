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
from continuum.frameworks.selectors import framework_visible
from continuum.frameworks.tenancy import in_districts
from continuum.lib.uris import without_unsafe_uris
from continuum.people.models import User

RECENT_IMPORTS = 10


def _district_imports(user: User) -> QuerySet[CaseImport]:
    """Imports are the district's business: another district's are never listed or shown."""
    return CaseImport.objects.filter(in_districts(user, "organization"))


def case_import_list(*, user: User) -> QuerySet[CaseImport]:
    """The latest web imports of the user's district, newest first (without their waiting
    payloads)."""
    imports = _district_imports(user).select_related("created_by").defer("payload")
    return imports[:RECENT_IMPORTS]


def case_import_get(*, import_id: int, user: User) -> CaseImport:
    """One import of the user's district; raises CaseImport.DoesNotExist for any other."""
    return _district_imports(user).get(pk=import_id)


def case_version_get(reference: str, *, user: User | None) -> FrameworkVersion | None:
    """The latest version of the framework with this CASE identifier (or database id) that
    ``user`` may read; ``user=None`` is the command line, which reads every framework."""
    frameworks = Framework.objects.all() if user is None else framework_visible(user=user)
    framework = frameworks.filter(identifier=reference).first()
    if framework is None and reference.isdigit():
        framework = frameworks.filter(pk=int(reference)).first()
    return framework.current if framework else None


def case_package_get(version: FrameworkVersion) -> dict[str, Any]:
    stamp = version.created_at.isoformat()
    items = list(version.items.order_by("id"))
    uris: dict[int | None, str] = {item.pk: item.uri for item in items}
    parts: dict[str, Any] = {
        "CFDocument": document_json(version),
        "CFItems": [item_json(item, stamp) for item in items],
        "CFAssociations": [
            association_json(association, uris, stamp)
            for association in version.associations.order_by("id")
        ],
        "CFDefinitions": version.raw_definitions,
        "CFRubrics": version.raw_rubrics,
    }
    for repeat in version.raw_repeats:  # in file order, so earlier indexes are already in place
        parts[repeat["part"]].insert(repeat["index"], repeat["json"])
    layout = version.raw_package or dict.fromkeys(PARTS if version.raw_rubrics else PARTS[:-1])
    # Versions imported before addresses were checked may hold javascript: and the like.
    return without_unsafe_uris(
        {key: parts[key] if key in PARTS else value for key, value in layout.items()}
    )


def _urn(identifier: str) -> str:
    return f"urn:continuum:{identifier}"


def document_json(version: FrameworkVersion) -> dict[str, Any]:
    """The version's CFDocument: as imported, else the fields CASE requires. The package and
    the CASE API (``case.provider``) both serialise documents, items and associations here."""
    identifier = version.framework.identifier
    made_here = {
        "identifier": identifier,
        "uri": version.uri or _urn(identifier),
        "title": version.title,
        "creator": version.creator or version.framework.title,
        "lastChangeDateTime": version.created_at.isoformat(),
    }
    return {**made_here, **version.raw_document}


def item_json(item: FrameworkItem, stamp: str) -> dict[str, Any]:
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


def association_json(
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
