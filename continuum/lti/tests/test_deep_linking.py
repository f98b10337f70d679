"""Deep Linking: the educator's choices come back as an LtiDeepLinkingResponse JWT that the
platform verifies with the tool's published key set; its links open the chosen pages."""

import re
from html import unescape

import pytest
from joserfc import jwt
from joserfc.jwk import KeySet

from continuum.evidence.models import Assessment, AssessmentKind
from continuum.frameworks.tests.factories import sample_framework
from continuum.lti.tests.platform import DEPLOYMENT, INSTRUCTOR, LTI, launch

DL = "https://purl.imsglobal.org/spec/lti-dl/claim/"
LIS = "https://purl.imsglobal.org/spec/lti/claim/lis"
RETURN_URL = "https://lms.example.edu/courses/7/deep_linking_response"


@pytest.fixture
def section_content(world):
    """Riverside's framework (the only one with targets, so the section's) and a summative
    assessment of Math 6A."""
    sample = sample_framework(owner=world["district"])
    quiz = Assessment.objects.create(
        title="Ratios quiz",
        kind=AssessmentKind.SUMMATIVE,
        school=world["school"],
        section=world["math_a"],
        created_by=world["erin"],
    )
    return sample, quiz


def _deep_link_launch(client, lms):
    return launch(
        client,
        lms,
        "lms-user-3",
        email="erin@schools.example",
        **{
            LTI + "message_type": "LtiDeepLinkingRequest",
            LTI + "roles": [INSTRUCTOR],
            LTI + "resource_link": None,
            LIS: {"course_section_sourcedid": "class-math6a"},
            DL + "deep_linking_settings": {
                "deep_link_return_url": RETURN_URL,
                "accept_types": ["ltiResourceLink"],
                "accept_presentation_document_targets": ["iframe", "window"],
                "data": "platform-opaque-data",
            },
        },
    )


def test_an_educator_places_a_target_and_an_assessment_with_a_signed_response(
    client, lms, section_content
):
    sample, quiz = section_content
    target = sample["N.1.b"]
    assert _deep_link_launch(client, lms)["Location"] == "/lti/deep-link/"
    page = client.get("/lti/deep-link/")
    assert "Find equivalent ratios" in page.content.decode()

    response = client.post("/lti/deep-link/", {"target": [target.pk], "assessment": [quiz.pk]})

    html = unescape(response.content.decode())
    assert f'action="{RETURN_URL}"' in html
    assert "form-action 'self' https://lms.example.edu" in response["Content-Security-Policy"]
    found = re.search(r'name="JWT" value="([^"]+)"', html)
    assert found is not None
    token = found.group(1)
    published = KeySet.import_key_set(client.get("/lti/jwks.json").json())
    claims = jwt.decode(token, published, algorithms=["RS256"]).claims
    assert claims["iss"] == lms.client_id
    assert claims["aud"] == [lms.issuer]
    assert claims[LTI + "message_type"] == "LtiDeepLinkingResponse"
    assert claims[LTI + "deployment_id"] == DEPLOYMENT
    assert claims[DL + "data"] == "platform-opaque-data"
    items = claims[DL + "content_items"]
    assert [item["type"] for item in items] == ["ltiResourceLink", "ltiResourceLink"]
    assert items[0]["url"] == "http://testserver/lti/launch/"
    assert items[0]["custom"] == {"continuum_target": target.identifier}
    assert items[1]["custom"] == {"continuum_assessment": str(quiz.pk)}
    assert items[1]["title"] == "Ratios quiz"


def test_a_choice_from_outside_the_section_is_refused(client, lms, section_content, world):
    _sample, _quiz = section_content
    other = Assessment.objects.create(
        title="Birch quiz",
        kind=AssessmentKind.SUMMATIVE,
        school=world["birch"],
        section=world["birch_math"],
        created_by=world["erin"],
    )
    _deep_link_launch(client, lms)

    response = client.post("/lti/deep-link/", {"assessment": [other.pk]})

    assert response.status_code == 400
    assert "of this section only" in response.content.decode()


def test_an_educator_of_another_section_places_nothing(client, lms, section_content, world):
    world["eli"].email = "eli@schools.example"
    world["eli"].save()
    launch(
        client,
        lms,
        "lms-user-4",
        email="eli@schools.example",
        **{
            LTI + "message_type": "LtiDeepLinkingRequest",
            LTI + "roles": [INSTRUCTOR],
            LTI + "resource_link": None,
            LIS: {"course_section_sourcedid": "class-math6a"},
            DL + "deep_linking_settings": {
                "deep_link_return_url": RETURN_URL,
                "accept_types": ["ltiResourceLink"],
                "accept_presentation_document_targets": ["iframe"],
            },
        },
    )

    assert client.get("/lti/deep-link/").status_code == 403


def test_the_deep_link_page_needs_a_deep_linking_launch(client, world):
    client.force_login(world["erin"])

    assert client.get("/lti/deep-link/").status_code == 403


def test_launching_a_placed_target_opens_its_page(client, lms, section_content, world):
    sample, _quiz = section_content
    response = launch(
        client,
        lms,
        "lms-user-17",
        **{
            LIS: {"person_sourcedid": "stu-lena"},
            LTI + "custom": {"continuum_target": sample["N.1.b"].identifier},
        },
    )

    assert response["Location"] == f"/continuum/items/{sample['N.1.b'].pk}/"
    assert client.get(response["Location"]).status_code == 200


def test_launching_a_placed_assessment_opens_it_for_the_learner(client, lms, section_content):
    _sample, quiz = section_content
    response = launch(
        client,
        lms,
        "lms-user-17",
        **{
            LIS: {"person_sourcedid": "stu-lena"},
            LTI + "custom": {"continuum_assessment": str(quiz.pk)},
        },
    )

    assert response["Location"] == f"/assessments/{quiz.pk}/take/"
