"""Stored XSS through CASE (issue 9, finding 1): unsafe URIs are refused on import, never
rendered as links and never served back, even when stored before imports were checked."""

import json
from io import StringIO

import pytest
from django.core.management import call_command
from django.urls import reverse

from continuum.frameworks.case.services import case_package_import
from continuum.frameworks.case.validate import CaseError
from continuum.frameworks.models import Association, Framework, FrameworkItem, FrameworkVersion
from continuum.frameworks.tests.fixtures import case_sample, latest

pytestmark = pytest.mark.django_db
IDENTIFIER = case_sample()["CFDocument"]["identifier"]
PAYLOAD = "javascript:alert(document.cookie)"
N_1_A = "31bc7f47-248f-55dd-9ddf-2e70ec7cdba3"  # the item with an exactMatchOf to CCSS


def _exact_match(package: dict) -> tuple[int, dict]:
    return next(
        (index, association)
        for index, association in enumerate(package["CFAssociations"])
        if association["associationType"] == "exactMatchOf"
    )


def _refused(package) -> str:
    with pytest.raises(CaseError) as refused:
        case_package_import(package=package, source="test")
    assert not Framework.objects.exists()
    return "\n".join(map(str, refused.value.problems))


def test_the_probes_crosswalk_to_a_javascript_uri_is_refused_and_nothing_is_imported():
    package = case_sample()
    index, association = _exact_match(package)
    association["destinationNodeURI"]["uri"] = "javascript:alert(1)"
    assert _refused(package) == (
        f"CFAssociations[{index}].destinationNodeURI.uri: unsafe address 'javascript:alert(1)': "
        "only http://, https://, urn: and local: URIs are accepted"
    )


def test_a_document_uri_of_javascript_is_refused():
    package = case_sample()
    package["CFDocument"]["uri"] = PAYLOAD
    assert _refused(package).startswith(f"CFDocument.uri: unsafe address {PAYLOAD!r}")


@pytest.mark.parametrize(
    ("where", "value"),
    [
        (("CFDocument", "licenseURI"), {"title": "L", "identifier": "l", "uri": "data:text/html,x"}),
        (("CFDocument", "CFPackageURI"), {"title": "P", "identifier": "p", "uri": " javascript:x"}),
        (("CFDocument", "officialSourceURL"), "vbscript:msgbox(1)"),
        (("CFItems", 0, "CFItemTypeURI"), {"title": "T", "identifier": "t", "uri": "file:///x"}),
        (("CFItems", 0, "uri"), "JaVaScRiPt:alert(1)"),
        (("CFItems", 0, "conceptKeywordsURI"), {"title": "K", "identifier": "k", "uri": "//evil"}),
        (("CFAssociations", 0, "originNodeURI"), {"title": "", "identifier": "o", "uri": "java\tscript:x"}),
        (("CFAssociations", 0, "CFAssociationGroupingURI"), {"title": "", "identifier": "g", "uri": "javascript&#58;x"}),
        (("CFRubrics", 0, "CFRubricCriteria", 0, "CFItemURI"), {"title": "", "identifier": "i", "uri": "https:\\\\evil"}),
    ],
)  # fmt: skip
def test_every_uri_field_of_a_package_is_checked(where, value):
    package = case_sample()
    holder = package
    for part in where[:-1]:
        holder = holder[part]
    holder[where[-1]] = value
    path = "".join(f"[{p}]" if isinstance(p, int) else f".{p}" for p in where).lstrip(".")
    problems = _refused(package)
    assert f"{path}{'.uri' if isinstance(value, dict) else ''}: unsafe address" in problems


def _imported_then_tampered(world) -> FrameworkVersion:
    """A version as an import before this fix could have stored it."""
    case_package_import(package=case_sample(), source="test", user=world["ada"])
    version = latest(IDENTIFIER)
    association = Association.objects.get(version=version, association_type="exactMatchOf")
    association.raw["destinationNodeURI"]["uri"] = PAYLOAD
    association.save()
    version.raw_document = {**version.raw_document, "uri": PAYLOAD}
    version.uri = PAYLOAD
    version.save()
    FrameworkItem.objects.filter(version=version, identifier=N_1_A).update(uri=PAYLOAD)
    return version


def test_a_stored_javascript_crosswalk_renders_as_plain_text(client, world):
    version = _imported_then_tampered(world)
    item = FrameworkItem.objects.get(version=version, identifier=N_1_A)
    client.force_login(world["ada"])
    page = client.get(reverse("item_detail", args=[item.pk])).content.decode()
    assert "CCSS.Math.Content.6.RP.A.1" in page
    assert "javascript:" not in page


def test_a_safe_crosswalk_still_renders_as_a_link(client, world):
    case_package_import(package=case_sample(), source="test", user=world["ada"])
    item = FrameworkItem.objects.get(version=latest(IDENTIFIER), identifier=N_1_A)
    client.force_login(world["ada"])
    page = client.get(reverse("item_detail", args=[item.pk])).content.decode()
    assert (
        '<a href="http://corestandards.org/Math/Content/6/RP/A/1/" rel="noopener noreferrer">'
        "CCSS.Math.Content.6.RP.A.1</a>"
    ) in page


def test_the_case_api_never_serves_a_stored_unsafe_uri_back(client, world):
    _imported_then_tampered(world)
    client.force_login(world["ada"])
    response = client.get(reverse("case_package", args=[IDENTIFIER]))
    assert response.status_code == 200
    assert "javascript:" not in response.content.decode()
    package = response.json()
    assert "uri" not in package["CFDocument"]
    _, association = _exact_match(package)
    assert association["destinationNodeURI"]["identifier"] == "ccss-6-rp-a-1"
    assert "uri" not in association["destinationNodeURI"]


def test_export_case_never_writes_a_stored_unsafe_uri(world):
    _imported_then_tampered(world)
    out = StringIO()
    call_command("export_case", IDENTIFIER, stdout=out)
    assert "javascript:" not in out.getvalue()
    assert json.loads(out.getvalue())["CFDocument"]["title"] == "Maple Grove Sample Continuum"


def test_the_json_api_never_serves_a_stored_unsafe_crosswalk_uri(client, world):
    version = _imported_then_tampered(world)
    item = FrameworkItem.objects.get(version=version, identifier=N_1_A)
    client.force_login(world["ada"])
    body = client.get(reverse("api-v1:item_detail", args=[item.pk])).json()
    [crosswalk] = [c for c in body["crosswalks"] if c["title"] == "CCSS.Math.Content.6.RP.A.1"]
    assert crosswalk["uri"] == ""
