"""The CASE 1.1 provider endpoints, each answer checked against 1EdTech's CASE 1.1 schema.

The schema is the package schema in the shared data (opencase-case-v1p1-cfpackage.json):
its ``$defs`` describe every CASE object. The REST binding adds one link to a package's
objects (a document's ``CFPackageURI``, an item's and an association's ``CFDocumentURI``),
so those definitions are widened by exactly that link. OpenCASE's single-object schemas
in the same folder call the identifier ``sourcedId`` (the binding's name for the path
parameter), which no CASE 1.1 object carries, so they are not used.
"""

import copy
import json

import jsonschema
import pytest
from django.urls import reverse

from continuum.frameworks.case.services import case_package_import
from continuum.frameworks.tests.factories import sample_framework, version_create
from continuum.frameworks.tests.fixtures import case_sample

SAMPLE = case_sample()
DOCUMENT = SAMPLE["CFDocument"]["identifier"]
ITEM = "31bc7f47-248f-55dd-9ddf-2e70ec7cdba3"  # N.1.a: two associations and a rubric row
RUBRIC = SAMPLE["CFRubrics"][0]["identifier"]
ITEM_TYPE = SAMPLE["CFDefinitions"]["CFItemTypes"][0]["identifier"]


@pytest.fixture
def package_schema(shared_data) -> dict:
    path = shared_data / "case" / "schemas" / "opencase-case-v1p1-cfpackage.json"
    return json.loads(path.read_text())


@pytest.fixture
def valid(package_schema):
    """``valid(body, "CFPckgItem", link="CFDocumentURI")`` checks against one definition."""

    def check(body: dict, definition: str, *, link: str | None = None) -> None:
        definitions = copy.deepcopy(package_schema["$defs"])
        if link:
            definitions[definition]["properties"][link] = {"$ref": "#/$defs/LinkURI"}
            definitions[definition]["required"].append(link)
        schema = {"$defs": definitions, "$ref": f"#/$defs/{definition}"}
        jsonschema.Draft201909Validator(schema).validate(body)

    return check


@pytest.fixture
def lena(client, world):
    case_package_import(package=case_sample(), source="test", user=world["ada"])
    client.force_login(world["lena"])
    return client


def get(client, name: str, identifier: str, **query):
    return client.get(reverse(name, args=[identifier]), query)


def test_a_document_is_served_with_a_link_to_its_package(lena, valid):
    body = get(lena, "case_document", DOCUMENT).json()
    valid(body, "CFPckgDocument", link="CFPackageURI")
    assert body["title"] == "Maple Grove Sample Continuum"
    assert body["CFPackageURI"]["uri"].endswith(reverse("case_package", args=[DOCUMENT]))


def test_the_document_list_is_one_page_of_valid_documents(lena, valid):
    response = lena.get(reverse("case_documents"))
    [document] = response.json()["CFDocuments"]
    valid(document, "CFPckgDocument", link="CFPackageURI")
    assert response["X-Total-Count"] == "1"


def test_the_document_list_pages_with_limit_and_offset_and_says_where_the_others_are(lena):
    for title in ("Alpha", "Bravo", "Charlie", "Delta"):
        version_create(title=title)  # platform-wide, so Lena reads them too
    response = lena.get(reverse("case_documents"), {"limit": 2, "offset": 2})
    titles = [document["title"] for document in response.json()["CFDocuments"]]
    assert titles == ["Charlie", "Delta"]  # Maple Grove is fifth in title order
    assert response["X-Total-Count"] == "5"
    links = dict(
        (part.split("; ")[1], part.split("; ")[0]) for part in response["Link"].split(", ")
    )
    assert links['rel="next"'].endswith("?limit=2&offset=4>")
    assert links['rel="prev"'].endswith("?limit=2&offset=0>")
    assert links['rel="first"'].endswith("?limit=2&offset=0>")
    assert links['rel="last"'].endswith("?limit=2&offset=4>")
    last = lena.get(reverse("case_documents"), {"limit": 2, "offset": 4})
    assert [d["title"] for d in last.json()["CFDocuments"]] == ["Maple Grove Sample Continuum"]
    assert 'rel="next"' not in last["Link"]


@pytest.mark.parametrize("query", [{"limit": "0"}, {"limit": "ten"}, {"offset": "-1"}])
def test_a_bad_page_is_refused_with_a_case_error_that_names_the_field(lena, query):
    response = lena.get(reverse("case_documents"), query)
    assert response.status_code == 400
    [field] = query
    assert response.json()["imsx_description"].startswith(f"{field} must be a whole number")


def test_an_item_is_served_as_its_package_serialises_it_with_its_document(lena, valid):
    body = get(lena, "case_item", ITEM).json()
    valid(body, "CFPckgItem", link="CFDocumentURI")
    [in_package] = [item for item in SAMPLE["CFItems"] if item["identifier"] == ITEM]
    assert body == in_package  # the sample's items already name their document


def test_an_item_made_in_continuum_gets_the_link_to_its_document(client, world, valid):
    sample = sample_framework()
    client.force_login(world["lena"])
    body = get(client, "case_item", sample["N.1.a"].identifier).json()
    valid(body, "CFPckgItem", link="CFDocumentURI")
    assert body["CFDocumentURI"]["identifier"] == sample.framework.identifier


def test_an_association_is_served_valid(lena, valid):
    identifier = SAMPLE["CFAssociations"][0]["identifier"]
    body = get(lena, "case_association", identifier).json()
    valid(body, "CFPckgAssociation", link="CFDocumentURI")
    assert body["originNodeURI"] == SAMPLE["CFAssociations"][0]["originNodeURI"]


def test_an_items_associations_are_every_one_that_starts_or_ends_at_it(lena, valid):
    body = get(lena, "case_item_associations", ITEM).json()
    valid(body["CFItem"], "CFPckgItem", link="CFDocumentURI")
    for association in body["CFAssociations"]:
        valid(association, "CFPckgAssociation", link="CFDocumentURI")
    expected = {
        association["identifier"]
        for association in SAMPLE["CFAssociations"]
        if ITEM
        in (
            association["originNodeURI"]["identifier"],
            association["destinationNodeURI"]["identifier"],
        )
    }
    assert {association["identifier"] for association in body["CFAssociations"]} == expected
    assert len(expected) >= 2


def test_a_rubric_is_served_as_imported(lena, valid):
    body = get(lena, "case_rubric", RUBRIC).json()
    valid(body, "CFRubric")
    assert body == SAMPLE["CFRubrics"][0]


def test_an_item_type_is_served_as_a_set_of_one(lena, valid):
    body = get(lena, "case_item_type", ITEM_TYPE).json()
    assert list(body) == ["CFItemTypes"]
    valid({"CFItemTypes": body["CFItemTypes"]}, "CFDefinition")
    assert body["CFItemTypes"] == SAMPLE["CFDefinitions"]["CFItemTypes"]


def test_every_definition_kind_is_found_by_its_identifier(client, world, valid):
    package = case_sample()
    made = {
        "CFConcepts": {"title": "Ratio", "hierarchyCode": "1"},
        "CFSubjects": {"title": "Math", "hierarchyCode": "1"},
        "CFAssociationGroupings": {"title": "Crosswalks"},
        "CFLicenses": {"title": "CC BY 4.0", "licenseText": "Share and adapt with credit."},
    }
    for number, (part, definition) in enumerate(made.items(), start=1):
        identifier = f"c0000000-0000-4000-8000-00000000000{number}"
        definition |= {
            "identifier": identifier,
            "uri": f"https://case.example.org/{part}/{identifier}",
            "lastChangeDateTime": "2025-09-01T12:00:00+00:00",
        }
        package["CFDefinitions"][part] = [definition]
    case_package_import(package=package, source="test", user=world["ada"])
    client.force_login(world["erin"])
    served = {
        "CFConcepts": "case_concept",
        "CFSubjects": "case_subject",
        "CFAssociationGroupings": "case_association_grouping",
        "CFLicenses": "case_license",
    }
    for part, name in served.items():
        body = get(client, name, made[part]["identifier"]).json()
        if part in ("CFConcepts", "CFSubjects"):  # a set of one, as the binding answers
            valid(body, "CFDefinition")
            assert body == {part: [made[part]]}
        else:
            valid(body, part.removesuffix("s"))
            assert body == made[part]


@pytest.mark.parametrize(
    "name",
    [
        "case_document",
        "case_item",
        "case_association",
        "case_item_associations",
        "case_rubric",
        "case_concept",
        "case_subject",
        "case_license",
        "case_item_type",
        "case_association_grouping",
    ],
)
def test_an_unknown_identifier_is_a_case_404(lena, name):
    response = get(lena, name, "no-such-thing")
    assert response.status_code == 404
    body = response.json()
    assert body["imsx_codeMajor"] == "failure"
    minor = body["imsx_CodeMinor"]["imsx_codeMinorField"][0]
    assert minor["imsx_codeMinorFieldValue"] == "unknownobject"
    assert "no-such-thing" in body["imsx_description"]


def test_another_districts_private_framework_is_a_404_in_every_endpoint(lena, client, world):
    client.force_login(world["otto"])
    assert client.get(reverse("case_documents")).json()["CFDocuments"] == []
    for name, identifier in [
        ("case_document", DOCUMENT),
        ("case_item", ITEM),
        ("case_item_associations", ITEM),
        ("case_association", SAMPLE["CFAssociations"][0]["identifier"]),
        ("case_rubric", RUBRIC),
        ("case_item_type", ITEM_TYPE),
    ]:
        assert get(client, name, identifier).status_code == 404, name


def test_only_the_current_version_is_served(lena, world):
    changed = case_sample()
    changed["CFItems"] = [item for item in changed["CFItems"] if item["identifier"] != ITEM]
    changed["CFAssociations"] = [
        association
        for association in changed["CFAssociations"]
        if ITEM
        not in (
            association["originNodeURI"]["identifier"],
            association["destinationNodeURI"]["identifier"],
        )
    ]
    changed["CFRubrics"] = []
    case_package_import(package=changed, source="test", user=world["ada"])
    assert get(lena, "case_item", ITEM).status_code == 404
    assert get(lena, "case_rubric", RUBRIC).status_code == 404


def test_signed_out_readers_get_a_case_401_not_a_login_page(client):
    response = client.get(reverse("case_documents"))
    assert response.status_code == 401
    assert response.json()["imsx_codeMajor"] == "failure"
