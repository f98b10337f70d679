"""Login initiation and launch, driven by the test platform with really signed id_tokens."""

from html import unescape
from urllib.parse import urlparse

import pytest

from continuum.lti.models import CourseLink, LaunchOutcome, LaunchRecord
from continuum.lti.tests.platform import (
    INSTRUCTOR,
    LAUNCH_URL,
    LTI,
    launch,
    oidc_login,
    rsa_key,
)
from continuum.people.models import User

LIS = "https://purl.imsglobal.org/spec/lti/claim/lis"


def _signed_in(client) -> str | None:
    return client.session.get("_auth_user_id")


def test_the_login_redirects_to_the_platform_with_state_and_nonce(client, lms):
    response, params = oidc_login(client, lms, login_hint="lena-hint")

    assert response.status_code == 302
    assert response["Location"].startswith(lms.details["auth_url"] + "?")
    assert params["redirect_uri"] == LAUNCH_URL
    assert params["client_id"] == lms.client_id
    assert params["login_hint"] == "lena-hint"
    assert params["lti_message_hint"] == "message-hint"
    assert params["response_mode"] == "form_post"
    assert params["nonce"]
    assert params["state"].startswith("state-")
    assert client.cookies[f"lti1p3-{params['state']}"].value == params["state"]


def test_the_login_refuses_an_issuer_no_district_registered(client, lms):
    response = client.get(
        "/lti/login/",
        {"iss": "https://elsewhere.example", "login_hint": "x", "target_link_uri": LAUNCH_URL},
    )

    assert response.status_code == 400
    assert "No platform registered in Continuum has this issuer" in unescape(
        response.content.decode()
    )


def test_a_learner_lands_on_their_dashboard_framed_by_the_lms_only(client, lms, world):
    response = launch(client, lms, "lms-user-17", **{LIS: {"person_sourcedid": "stu-lena"}})

    assert response.status_code == 302
    assert response["Location"] == f"/dashboard/learners/{world['lena'].pk}/"
    assert _signed_in(client) == str(world["lena"].pk)
    page = client.get(response["Location"])
    assert page.status_code == 200
    assert "X-Frame-Options" not in page
    assert "frame-ancestors https://riverside.lms.example.edu" in page["Content-Security-Policy"]
    record = LaunchRecord.objects.get()
    assert (record.outcome, record.person, record.reason) == (
        LaunchOutcome.LANDED,
        world["lena"],
        "matched by sourcedId",
    )


def test_a_page_outside_an_lti_launch_still_refuses_every_frame(client, world):
    client.force_login(world["lena"])

    page = client.get(f"/dashboard/learners/{world['lena'].pk}/")

    assert page["X-Frame-Options"] == "DENY"
    assert "frame-ancestors 'none'" in page["Content-Security-Policy"]


def test_an_educator_lands_on_the_gradebook_of_the_courses_section(client, lms, world):
    response = launch(
        client,
        lms,
        "lms-user-3",
        email="ERIN@schools.example",
        **{LTI + "roles": [INSTRUCTOR], LIS: {"course_section_sourcedid": "class-math6a"}},
    )

    assert response["Location"] == f"/gradebook/sections/{world['math_a'].pk}/"
    assert _signed_in(client) == str(world["erin"].pk)
    assert CourseLink.objects.get().section == world["math_a"]


def test_the_next_launch_finds_the_person_by_their_lms_account(client, lms, world):
    launch(client, lms, "lms-user-17", **{LIS: {"person_sourcedid": "stu-lena"}})
    client.logout()

    response = launch(client, lms, "lms-user-17")

    assert response["Location"] == f"/dashboard/learners/{world['lena'].pk}/"
    assert (
        LaunchRecord.objects.latest("at", "id").reason
        == "matched by earlier match of this LMS account"
    )


def test_an_unknown_person_gets_a_clear_page_and_nobody_is_created(client, lms):
    people = User.objects.count()

    response = launch(client, lms, "lms-user-99", email="new.kid@schools.example")

    assert response.status_code == 403
    assert "We could not find you in Continuum" in unescape(response.content.decode())
    assert User.objects.count() == people
    assert _signed_in(client) is None
    record = LaunchRecord.objects.get()
    assert record.outcome == LaunchOutcome.NO_PERSON
    assert "new.kid@schools.example" in record.reason


def test_a_launch_through_riversides_lms_never_reaches_lakesides_people(client, lms, world):
    response = launch(
        client,
        lms,
        "lms-user-50",
        email="lara@schools.example",
        **{LIS: {"person_sourcedid": "stu-lara", "course_section_sourcedid": "class-birch7"}},
    )

    assert response.status_code == 403
    assert _signed_in(client) is None
    assert not CourseLink.objects.exists()


def test_an_educator_links_an_unrostered_course_once(client, lms, world):
    response = launch(
        client, lms, "lms-user-3", email="erin@schools.example", **{LTI + "roles": [INSTRUCTOR]}
    )
    assert response["Location"] == "/lti/course/link/"
    page = client.get("/lti/course/link/")
    assert "Math 6A" in page.content.decode()
    assert "Math 6B" not in page.content.decode()

    refused = client.post("/lti/course/link/", {"section": world["math_b"].pk})
    linked = client.post("/lti/course/link/", {"section": world["math_a"].pk})

    assert refused.status_code == 400
    assert linked["Location"] == f"/gradebook/sections/{world['math_a'].pk}/"
    link = CourseLink.objects.get()
    assert (link.section, link.linked_by) == (world["math_a"], world["erin"])
    assert link.history.get().history_user == world["erin"]


@pytest.mark.parametrize(
    ("claims", "reason"),
    [
        ({"signing_key": "forged"}, "signature does not match the platform's published key"),
        (
            {"aud": "another-tool"},
            "No platform registered in Continuum has this issuer and client id",
        ),
        ({"exp": 1_000_000_000, "iat": 999_999_000}, "The id_token has expired"),
        ({LTI + "deployment_id": "deployment-9"}, "not one the district admin listed"),
        (
            {"signing_key": "unknown-kid"},
            "signed with a key the platform's key set (JWKS) does not publish",
        ),
    ],
    ids=["wrong signature", "wrong audience", "expired", "unknown deployment", "unknown key"],
)
def test_an_invalid_id_token_is_refused_with_a_clear_message(client, lms, claims, reason):
    if "signing_key" in claims:  # same kid as the platform's key, or one it never published
        kid = lms.key.kid if claims["signing_key"] == "forged" else "never-published"
        claims = {"signing_key": rsa_key("forger", kid)}

    response = launch(client, lms, "lms-user-17", **claims)

    assert response.status_code == 400
    assert reason in unescape(response.content.decode())
    assert _signed_in(client) is None
    assert LaunchRecord.objects.get().outcome == LaunchOutcome.REFUSED


def test_a_replayed_id_token_is_refused(client, lms, world):
    _login, params = oidc_login(client, lms)
    token = lms.id_token(params["nonce"], "lms-user-17", **{LIS: {"person_sourcedid": "stu-lena"}})
    first = client.post("/lti/launch/", {"id_token": token, "state": params["state"]})
    client.logout()

    replay = client.post("/lti/launch/", {"id_token": token, "state": params["state"]})

    assert first.status_code == 302
    assert replay.status_code == 400
    assert "nonce was already used" in unescape(replay.content.decode())
    assert _signed_in(client) is None


def test_a_replay_is_logged_for_its_platform_and_readable_in_the_lms_frame(client, lms, world):
    """The nonce is checked before the registration is looked up: the refusal used to be
    logged with no platform, so the district admin's launch log never showed it."""
    _login, params = oidc_login(client, lms)
    token = lms.id_token(params["nonce"], "lms-user-17", **{LIS: {"person_sourcedid": "stu-lena"}})
    client.post("/lti/launch/", {"id_token": token, "state": params["state"]})
    client.logout()

    replay = client.post("/lti/launch/", {"id_token": token, "state": params["state"]})

    refused = LaunchRecord.objects.get(outcome=LaunchOutcome.REFUSED)
    assert (refused.platform, refused.sub) == (lms.registered, "lms-user-17")
    assert "frame-ancestors https://riverside.lms.example.edu" in replay["Content-Security-Policy"]
    client.force_login(world["ada"])
    page = unescape(client.get(f"/lti/platforms/{lms.registered.pk}/").content.decode())
    assert "nonce was already used" in page


def test_a_refused_token_naming_no_registered_platform_is_logged_without_one(client, lms):
    _login, params = oidc_login(client, lms)
    token = lms.id_token(params["nonce"], "lms-user-17", aud="someone-else")
    client.post("/lti/launch/", {"id_token": token, "state": params["state"]})

    assert LaunchRecord.objects.get().platform is None


def test_garbage_posted_to_the_launch_is_refused(client, lms):
    response = client.post("/lti/launch/", {"id_token": "not-a-jwt"})

    assert response.status_code == 400
    assert "did not come through Continuum's login step" in unescape(response.content.decode())


def test_a_platform_turned_off_launches_nobody(client, lms, world):
    client.force_login(world["ada"])
    client.post(f"/lti/platforms/{lms.registered.pk}/toggle/")
    client.logout()

    response, _params = oidc_login(client, lms)

    assert response.status_code == 400
    assert urlparse(response.get("Location", "")).netloc == ""


def test_a_refusal_from_a_registered_lms_can_be_read_in_its_frame(client, lms):
    response = launch(client, lms, "lms-user-17", exp=1_000_000_000, iat=999_999_000)

    assert response.status_code == 400
    assert "X-Frame-Options" not in response
    assert (
        "frame-ancestors https://riverside.lms.example.edu" in (response["Content-Security-Policy"])
    )
