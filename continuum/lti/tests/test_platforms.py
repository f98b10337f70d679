"""A district admin registers the district's LMS from Continuum's own pages; registrations
are audited, one district's, and the tool's keys rotate with a grace period."""

from datetime import timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone
from lti_tool.models import Key, LtiDeployment, LtiRegistration

from continuum.lti.models import Platform
from continuum.lti.services.platforms import key_rotate
from continuum.lti.tests.platform import Platform as LmsPlatform
from continuum.lti.tests.platform import launch


def _form(**changes) -> dict:
    return {**LmsPlatform().details, **changes}


def test_a_district_admin_registers_a_platform_from_the_page(client, world, tool_key):
    client.force_login(world["ada"])

    response = client.post("/lti/platforms/", _form(deployment_ids="dep-1\ndep-2\n\ndep-1"))

    assert response.status_code == 302
    platform = Platform.objects.get()
    assert platform.district == world["district"]
    assert platform.frame_origin == "https://riverside.lms.example.edu"
    assert platform.grade_passback == "off"
    assert sorted(
        LtiDeployment.objects.filter(is_active=True).values_list("deployment_id", flat=True)
    ) == ["dep-1", "dep-2"]
    change = platform.history.get()
    assert (change.history_user, change.history_change_reason) == (
        world["ada"],
        "LTI platform registered",
    )
    page = client.get("/lti/platforms/")
    assert "http://testserver/lti/jwks.json" in page.content.decode()


def test_another_district_cannot_register_the_same_issuer_and_client(client, lms, world):
    client.force_login(world["otto"])

    response = client.post("/lti/platforms/", _form())

    assert response.status_code == 400
    assert "already registered" in response.content.decode()
    assert LtiRegistration.objects.count() == 1


def test_a_bad_url_is_refused_and_nothing_is_registered(client, world):
    client.force_login(world["ada"])

    response = client.post("/lti/platforms/", _form(keyset_url="javascript:alert(1)"))

    assert response.status_code == 400
    assert not LtiRegistration.objects.exists()


def test_an_admin_of_another_district_cannot_open_the_platform(client, lms, world):
    client.force_login(world["otto"])

    assert client.get(f"/lti/platforms/{lms.registered.pk}/").status_code == 404
    assert client.post(f"/lti/platforms/{lms.registered.pk}/toggle/").status_code == 404


def test_a_deployment_taken_off_the_list_launches_no_more(client, lms, world):
    client.force_login(world["ada"])
    saved = client.post(
        f"/lti/platforms/{lms.registered.pk}/", _form(deployment_ids="deployment-2")
    )
    client.logout()

    response = launch(client, lms, "lms-user-17")

    assert saved.status_code == 302
    assert "not one the district admin listed" in response.content.decode()
    reason = lms.registered.history.first().history_change_reason
    assert reason == "LTI platform changed (deployments: deployment-2)"


def test_the_key_set_publishes_the_signing_key(client, tool_key):
    keys = client.get("/lti/jwks.json").json()["keys"]

    assert [(k["kid"], k["kty"], k["alg"], k["use"]) for k in keys] == [
        (str(tool_key), "RSA", "RS256", "sig")
    ]
    assert "d" not in keys[0]


@pytest.mark.django_db
def test_rotation_keeps_the_previous_key_published_for_the_grace_period(client, settings):
    settings.CONTINUUM_LTI_KEY_GRACE_DAYS = 7
    call_command("lti_key_rotate")
    first = Key.objects.get()
    start = first.datetime_created

    second = key_rotate(now=start + timedelta(days=1))
    published = {k["kid"] for k in client.get("/lti/jwks.json").json()["keys"]}
    assert published == {str(first), second.new_kid}
    assert str(Key.objects.active().latest()) == second.new_kid  # signs from now on

    third = key_rotate(now=start + timedelta(days=9))
    published = {k["kid"] for k in client.get("/lti/jwks.json").json()["keys"]}
    assert published == {second.new_kid, third.new_kid}
    assert third.retired == 1
    assert timezone.now() > start
