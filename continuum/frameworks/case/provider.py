"""The read-only CASE 1.1 provider API: one CASE object (or a page of documents) at a time.

Only the current version of each framework is served, and only frameworks the reader may
browse (``case_version_get``'s rule, ``framework_visible``): another district's private
framework is the same ``None`` (404) as an identifier nobody has. Objects are serialised by
the same functions that build CFPackages (``selectors``), then given the link back to
their document or package that the REST binding adds to a package's objects.

Rubrics and definitions are stored whole on the version, so they are found by scanning
the current versions whose JSON mentions the identifier at all.
"""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.db.models import OuterRef, QuerySet, Subquery, TextField
from django.db.models.functions import Cast

from continuum.frameworks.case.selectors import (
    association_json,
    document_json,
    item_json,
)
from continuum.frameworks.models import Association, FrameworkItem, FrameworkVersion
from continuum.frameworks.selectors import framework_visible
from continuum.lib.uris import without_unsafe_uris
from continuum.people.models import User

# The binding answers these three with a set of one ({"CFConcepts": [...]}); licenses and
# association groupings come back bare.
DEFINITION_SETS = frozenset({"CFConcepts", "CFSubjects", "CFItemTypes"})
# Where this server serves a document's CFPackage, given the document's identifier.
PackageURI = Callable[[str], str]


@dataclass(frozen=True)
class DocumentPage:
    documents: list[dict[str, Any]]
    total: int


def _current_versions(user: User) -> QuerySet[FrameworkVersion]:
    latest = (
        FrameworkVersion.objects.filter(framework=OuterRef("framework"))
        .order_by("-number")
        .values("pk")[:1]
    )
    return FrameworkVersion.objects.filter(
        framework__in=framework_visible(user=user), pk=Subquery(latest)
    ).select_related("framework")


def _link(json: dict[str, Any]) -> dict[str, str]:
    return {"title": json.get("title", ""), "identifier": json["identifier"], "uri": json["uri"]}


def _document(version: FrameworkVersion, package_uri: str) -> dict[str, Any]:
    document = document_json(version)
    return {"CFPackageURI": {**_link(document), "uri": package_uri}, **document}


def case_document_page(
    *, user: User, limit: int, offset: int, package_uri: PackageURI
) -> DocumentPage:
    """Documents in title order (then identifier, so pages never overlap)."""
    versions = _current_versions(user).order_by("framework__title", "framework__identifier")
    documents = [
        without_unsafe_uris(_document(version, package_uri(version.framework.identifier)))
        for version in versions[offset : offset + limit]
    ]
    return DocumentPage(documents=documents, total=versions.count())


def case_document_get(
    identifier: str, *, user: User, package_uri: PackageURI
) -> dict[str, Any] | None:
    version = _current_versions(user).filter(framework__identifier=identifier).first()
    if version is None:
        return None
    return without_unsafe_uris(_document(version, package_uri(identifier)))


def _with_document(json: dict[str, Any], version: FrameworkVersion) -> dict[str, Any]:
    return {"CFDocumentURI": _link(document_json(version)), **json}


def _item(identifier: str, user: User) -> FrameworkItem | None:
    return (
        FrameworkItem.objects.filter(identifier=identifier, version__in=_current_versions(user))
        .select_related("version__framework")
        .first()
    )


def case_item_get(identifier: str, *, user: User) -> dict[str, Any] | None:
    item = _item(identifier, user)
    if item is None:
        return None
    json = item_json(item, item.version.created_at.isoformat())
    return without_unsafe_uris(_with_document(json, item.version))


def _associations_json(
    associations: QuerySet[Association], version: FrameworkVersion
) -> list[dict[str, Any]]:
    rows = list(associations.select_related("origin", "destination").order_by("id"))
    uris: dict[int | None, str] = {}
    for row in rows:
        for end in (row.origin, row.destination):
            if end is not None:
                uris[end.pk] = end.uri
    stamp = version.created_at.isoformat()
    return [_with_document(association_json(row, uris, stamp), version) for row in rows]


def case_association_get(identifier: str, *, user: User) -> dict[str, Any] | None:
    association = (
        Association.objects.filter(identifier=identifier, version__in=_current_versions(user))
        .select_related("version__framework")
        .first()
    )
    if association is None:
        return None
    [json] = _associations_json(Association.objects.filter(pk=association.pk), association.version)
    return without_unsafe_uris(json)


def case_item_associations_get(identifier: str, *, user: User) -> dict[str, Any] | None:
    """The item and every association of its version that starts or ends at it."""
    item = _item(identifier, user)
    if item is None:
        return None
    mine = item.version.associations.filter(origin_identifier=identifier) | (
        item.version.associations.filter(destination_identifier=identifier)
    )
    return without_unsafe_uris(
        {
            "CFItem": _with_document(
                item_json(item, item.version.created_at.isoformat()), item.version
            ),
            "CFAssociations": _associations_json(mine, item.version),
        }
    )


def _mentioning(identifier: str, field: str, user: User) -> QuerySet[FrameworkVersion]:
    as_text = Cast(field, TextField())
    return (
        _current_versions(user)
        .annotate(as_text=as_text)
        .filter(as_text__contains=f'"{identifier}"')
        .only(field, "framework__identifier")
    )


def case_rubric_get(identifier: str, *, user: User) -> dict[str, Any] | None:
    for version in _mentioning(identifier, "raw_rubrics", user):
        for rubric in version.raw_rubrics:
            if rubric.get("identifier") == identifier:
                return without_unsafe_uris(rubric)
    return None


def case_definition_get(part: str, identifier: str, *, user: User) -> dict[str, Any] | None:
    """One object of a CFDefinitions part (one of ``DEFINITION_PARTS``)."""
    for version in _mentioning(identifier, "raw_definitions", user):
        for definition in (version.raw_definitions or {}).get(part) or []:
            if definition.get("identifier") == identifier:
                found = without_unsafe_uris(definition)
                return {part: [found]} if part in DEFINITION_SETS else found
    return None
