"""The CASE 1.1 provider API: Riverside's people read Riverside's private framework.

The sample package is Riverside's (Ada imported it) and not shared, so every object in it
is a 404 to Otto, as the CFPackages endpoint is (decision 0009); the document list names
no object, so he reaches it and finds only what Lakeside may read. Anonymous gets 401.
"""

from continuum.frameworks.case.selectors import case_version_get
from continuum.frameworks.case.services import case_package_import
from continuum.frameworks.tests.fixtures import case_sample
from tests.access import EVERYONE_SIGNED_IN, RIVERSIDE, Case

_SAMPLE = case_sample()
_ITEM = _SAMPLE["CFItems"][0]["identifier"]
# One object of each definitions part the sample lacks, added to its stored version.
_DEFINITIONS = {
    "CFConcepts": ("case_concept", "a0000000-0000-4000-8000-000000000001"),
    "CFSubjects": ("case_subject", "a0000000-0000-4000-8000-000000000002"),
    "CFLicenses": ("case_license", "a0000000-0000-4000-8000-000000000003"),
    "CFAssociationGroupings": ("case_association_grouping", "a0000000-0000-4000-8000-000000000004"),
}


def _object(url_name: str, identifier: str) -> Case:
    return Case(url_name, RIVERSIDE, kwargs=lambda w: {"identifier": identifier})


CASES = [
    Case("case_documents", EVERYONE_SIGNED_IN),
    _object("case_document", _SAMPLE["CFDocument"]["identifier"]),
    _object("case_item", _ITEM),
    _object("case_item_associations", _ITEM),
    _object("case_association", _SAMPLE["CFAssociations"][0]["identifier"]),
    _object("case_rubric", _SAMPLE["CFRubrics"][0]["identifier"]),
    _object("case_item_type", _SAMPLE["CFDefinitions"]["CFItemTypes"][0]["identifier"]),
    *(_object(url_name, identifier) for url_name, identifier in _DEFINITIONS.values()),
]


def populate(world: dict) -> None:
    identifier = _SAMPLE["CFDocument"]["identifier"]
    if case_version_get(identifier, user=None) is None:  # tests/access/case.py may have
        case_package_import(package=case_sample(), source="test", user=world["ada"])
    version = case_version_get(identifier, user=None)
    assert version is not None
    for part, (_, definition) in _DEFINITIONS.items():
        version.raw_definitions[part] = [{"identifier": definition, "title": part}]
    version.save(update_fields=["raw_definitions"])
