"""Our own compact JSON Schema for a CFPackage: CASE 1.0 and 1.1 in one.

Written from 1EdTech's CASE 1.1 package schema and OpenSALT's CASE 1.0 package schema
(see docs/decisions/0003-case-import-versioning.md) rather than shipping or reading those
files: it requires what both versions require, types every field Continuum reads, caps the
lengths its columns hold, and leaves unknown fields on CASE objects alone (many CASE 1.0
publishers add ``CFDocumentURI`` and friends; they are kept verbatim for export).
"""

from typing import Any

_TEXT = {"type": "string"}
_TEXTS = {"type": "array", "items": _TEXT}


def _capped(length: int) -> dict[str, Any]:
    return {"type": "string", "maxLength": length}


_IDENTIFIER = {"type": "string", "minLength": 1, "maxLength": 255}
_URI = _capped(1000)
_LINK = {
    "type": "object",
    "required": ["identifier", "uri"],
    "properties": {"title": _TEXT, "identifier": _IDENTIFIER, "uri": _URI},
}
_LINKS = {"type": "array", "items": _LINK}


def _case_object(required: list[str], **properties: Any) -> dict[str, Any]:
    """A CASE object: identifier, URI and change time always; the rest as given."""
    return {
        "type": "object",
        "required": ["identifier", "uri", "lastChangeDateTime", *required],
        "properties": {
            "identifier": _IDENTIFIER,
            "uri": _URI,
            "lastChangeDateTime": _TEXT,
            "extensions": {"type": "object"},
            **properties,
        },
    }


ASSOCIATION_TYPES = [
    "isChildOf",
    "isPeerOf",
    "isPartOf",
    "exactMatchOf",
    "precedes",
    "isRelatedTo",
    "replacedBy",
    "exemplar",
    "hasSkillLevel",
    "isTranslationOf",
]

DOCUMENT = _case_object(
    ["title", "creator"],
    title=_capped(500),
    creator=_capped(500),
    publisher=_capped(500),
    version=_capped(100),
    adoptionStatus=_capped(50),
    language=_capped(20),
    caseVersion={"enum": ["1.0", "1.1"]},
    description=_TEXT,
    subject=_TEXTS,
    subjectURI=_LINKS,
    licenseURI=_LINK,
    CFPackageURI=_LINK,
    notes=_TEXT,
)

ITEM = _case_object(
    ["fullStatement"],
    fullStatement=_TEXT,
    abbreviatedStatement=_TEXT,
    humanCodingScheme=_capped(200),
    listEnumeration=_capped(50),
    CFItemType=_capped(200),
    CFItemTypeURI=_LINK,
    CFDocumentURI=_LINK,
    educationLevel=_TEXTS,
    subject=_TEXTS,
    conceptKeywords=_TEXTS,
    notes=_TEXT,
)

ASSOCIATION = _case_object(
    ["associationType", "originNodeURI", "destinationNodeURI"],
    associationType={
        "anyOf": [
            {"enum": ASSOCIATION_TYPES},
            {"type": "string", "maxLength": 40, "pattern": r"^ext:[\w.\-|]+$"},
        ]
    },
    originNodeURI=_LINK,
    destinationNodeURI=_LINK,
    sequenceNumber={"type": "integer"},
    CFAssociationGroupingURI=_LINK,
    CFDocumentURI=_LINK,
)

_DEFINITION = _case_object(["title"], title=_TEXT)

RUBRIC_LEVEL = _case_object(
    [],
    quality=_capped(100),
    score={"type": "number"},
    position={"type": "integer"},
    description=_TEXT,
    feedback=_TEXT,
)
RUBRIC_CRITERION = _case_object(
    [],
    CFItemURI=_LINK,
    position={"type": "integer"},
    weight={"type": "number"},
    CFRubricCriterionLevels={"type": "array", "items": RUBRIC_LEVEL},
)
RUBRIC = _case_object(
    [],
    title=_capped(200),
    description=_TEXT,
    CFRubricCriteria={"type": "array", "items": RUBRIC_CRITERION},
)

PACKAGE: dict[str, Any] = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "type": "object",
    "required": ["CFDocument"],
    "additionalProperties": False,
    "properties": {
        "CFDocument": DOCUMENT,
        "CFItems": {"type": "array", "items": ITEM},
        "CFAssociations": {"type": "array", "items": ASSOCIATION},
        "CFDefinitions": {
            "type": "object",
            "properties": {
                name: {"type": "array", "items": _DEFINITION}
                for name in (
                    "CFConcepts",
                    "CFSubjects",
                    "CFLicenses",
                    "CFItemTypes",
                    "CFAssociationGroupings",
                )
            },
        },
        "CFRubrics": {"type": "array", "items": RUBRIC},
        "extensions": {"type": "object"},
    },
}
