"""The demo frameworks as CASE 1.1 packages, so the demo exercises the same import path a
district uses. Identifiers are UUIDv5 of the coding scheme, so every build is identical."""

import uuid

from continuum.demo.content import LAST_CHANGE, LEVELS, FrameworkContent, Target

_NAMESPACE = uuid.UUID("6f1c7a62-34b1-4b7e-9a0e-7d3c5f0e2a10")
_BASE_URI = "https://continuum.example.org/case"


def _id(*parts: str) -> str:
    return str(uuid.uuid5(_NAMESPACE, "/".join(parts)))


def _ref(kind: str, identifier: str, title: str) -> dict:
    return {"title": title, "identifier": identifier, "uri": f"{_BASE_URI}/{kind}/{identifier}"}


def _default_descriptors(target: Target) -> tuple[str, str, str, str]:
    """Generic but target-specific descriptors where the content gives none."""
    skill = target.i_can.removeprefix("I can ").rstrip(".")
    return (
        f"With support, begins to {skill}; makes errors that block progress.",
        f"Can {skill} in familiar, simpler cases; some errors remain.",
        f"Can {skill} independently and accurately, and explains the steps.",
        f"Can {skill} in new, complex situations and justifies why the method works.",
    )


def case_package(content: FrameworkContent) -> dict:
    """The framework as a CASE 1.1 CFPackage, with a CFRubric per target."""
    doc_id = _id(content.key)
    doc_ref = _ref("CFDocuments", doc_id, content.title)
    items: list[dict] = []
    associations: list[dict] = []
    rubrics: list[dict] = []

    def item(code: str, statement: str, item_type: str, extra: dict) -> str:
        identifier = _id(content.key, code)
        items.append(
            {
                "identifier": identifier,
                "uri": f"{_BASE_URI}/CFItems/{identifier}",
                "CFDocumentURI": doc_ref,
                "fullStatement": statement,
                "humanCodingScheme": code,
                "CFItemType": item_type,
                "language": "en",
                "lastChangeDateTime": LAST_CHANGE,
                **extra,
            }
        )
        return identifier

    def associate(origin: str, kind: str, destination: dict, sequence: int | None = None) -> None:
        identifier = _id(content.key, "assoc", origin, kind, destination["identifier"])
        association: dict[str, object] = {
            "identifier": identifier,
            "uri": f"{_BASE_URI}/CFAssociations/{identifier}",
            "CFDocumentURI": doc_ref,
            "associationType": kind,
            "originNodeURI": _ref("CFItems", origin, origin),
            "destinationNodeURI": destination,
            "lastChangeDateTime": LAST_CHANGE,
        }
        if sequence is not None:
            association["sequenceNumber"] = sequence
        associations.append(association)

    codes: dict[str, str] = {}
    for c_index, competency in enumerate(content.competencies, start=1):
        comp_id = item(
            competency.code,
            competency.statement,
            "Competency",
            {"abbreviatedStatement": competency.title},
        )
        associate(comp_id, "isChildOf", doc_ref, c_index)
        for t_index, target in enumerate(competency.targets, start=1):
            target_id = item(
                target.code,
                target.statement,
                content.item_type,
                {"abbreviatedStatement": target.i_can, "notes": "Learner-facing: " + target.i_can},
            )
            codes[target.code] = target_id
            associate(target_id, "isChildOf", _ref("CFItems", comp_id, competency.code), t_index)
            rubrics.append(_rubric(content, target, target_id))
    for competency in content.competencies:
        for target in competency.targets:
            for prerequisite in target.prerequisites:
                if prerequisite in codes:  # prerequisites across frameworks are left out
                    associate(
                        codes[prerequisite],
                        "precedes",
                        _ref("CFItems", codes[target.code], target.code),
                    )
    document = {
        **doc_ref,
        "uri": f"{_BASE_URI}/CFDocuments/{doc_id}",
        "creator": "Continuum demo school",
        "publisher": "Continuum project",
        "title": content.title,
        "description": content.description,
        "subject": [content.subject],
        "language": "en",
        "version": "1.0",
        "adoptionStatus": "Adopted",
        "lastChangeDateTime": LAST_CHANGE,
        "CFPackageURI": _ref("CFPackages", doc_id, content.title),
    }
    return {
        "CFDocument": document,
        "CFItems": items,
        "CFAssociations": associations,
        "CFRubrics": rubrics,
    }


def _rubric(content: FrameworkContent, target: Target, target_id: str) -> dict:
    rubric_id = _id(content.key, "rubric", target.code)
    criterion_id = _id(content.key, "criterion", target.code)
    descriptors = target.descriptors or _default_descriptors(target)
    return {
        "identifier": rubric_id,
        "uri": f"{_BASE_URI}/CFRubrics/{rubric_id}",
        "title": f"{target.code} proficiency scale",
        "lastChangeDateTime": LAST_CHANGE,
        "CFRubricCriteria": [
            {
                "identifier": criterion_id,
                "uri": f"{_BASE_URI}/CFRubricCriteria/{criterion_id}",
                "category": "Proficiency",
                "description": target.i_can,
                "CFItemURI": _ref("CFItems", target_id, target.code),
                "rubricId": rubric_id,
                "lastChangeDateTime": LAST_CHANGE,
                "position": 1,
                "CFRubricCriterionLevels": [
                    {
                        "identifier": _id(content.key, "level", target.code, str(value)),
                        "uri": f"{_BASE_URI}/CFRubricCriterionLevels/"
                        f"{_id(content.key, 'level', target.code, str(value))}",
                        "description": text,
                        "quality": name,
                        "score": value,
                        "feedback": general,
                        "position": value,
                        "rubricCriterionId": criterion_id,
                        "lastChangeDateTime": LAST_CHANGE,
                    }
                    for (value, name, general), text in zip(LEVELS, descriptors, strict=True)
                ],
            }
        ],
    }
