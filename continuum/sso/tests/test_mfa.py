"""Staff's second factor (TOTP). Erin (educator) and Ada (district admin) are staff of
Riverside; Lena is a learner, never asked."""

import time

import pytest
from allauth.mfa.models import Authenticator
from allauth.mfa.recovery_codes.internal.auth import RecoveryCodes
from allauth.mfa.totp.internal.auth import (
    TOTP,
    format_hotp_value,
    generate_totp_secret,
    hotp_value,
)
from django.urls import reverse

from continuum.sso.services import settings_save

PASSWORD = "a-long-test-password"


def _code(secret: str, *, offset: int = 0) -> str:
    return format_hotp_value(hotp_value(secret, int(time.time()) // 30 + offset))


@pytest.fixture
def erin_totp(world) -> str:
    secret = generate_totp_secret()
    TOTP.activate(world["erin"], secret)
    return secret


def _sign_in(client, username: str):
    return client.post(reverse("login"), {"username": username, "password": PASSWORD})


def test_enrolled_staff_are_asked_for_a_code_after_the_password(client, world, erin_totp):
    _sign_in(client, "erin")

    response = client.get(reverse("section_list"))

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("sso_mfa_verify"))
    assert "next=%2Fsections%2F" in response["Location"]


def test_the_right_code_lets_staff_in_and_is_not_asked_again(client, world, erin_totp):
    _sign_in(client, "erin")

    response = client.post(
        reverse("sso_mfa_verify"), {"code": _code(erin_totp), "next": reverse("section_list")}
    )

    assert response.status_code == 302
    assert response["Location"] == reverse("section_list")
    assert client.get(reverse("section_list")).status_code == 200


def test_a_wrong_code_is_refused(client, world, erin_totp):
    _sign_in(client, "erin")

    response = client.post(reverse("sso_mfa_verify"), {"code": _code(erin_totp, offset=10)})

    assert response.status_code == 200
    assert "Incorrect code" in response.text
    assert client.get(reverse("section_list")).status_code == 302


def test_a_recovery_code_is_accepted(client, world, erin_totp):
    codes = RecoveryCodes.activate(world["erin"]).generate_codes()
    _sign_in(client, "erin")

    response = client.post(reverse("sso_mfa_verify"), {"code": codes[0]})

    assert response.status_code == 302
    assert client.get(reverse("section_list")).status_code == 200


def test_each_sign_in_asks_again(client, world, erin_totp):
    _sign_in(client, "erin")
    client.post(reverse("sso_mfa_verify"), {"code": _code(erin_totp)})
    client.post(reverse("logout"))

    _sign_in(client, "erin")

    assert client.get(reverse("section_list")).status_code == 302


def test_staff_are_not_asked_to_enrol_by_default(client, world):
    _sign_in(client, "erin")

    assert client.get(reverse("section_list")).status_code == 200


def test_staff_of_a_district_requiring_mfa_are_sent_to_enrol_and_then_let_in(client, world):
    settings_save(district=world["district"], passwords_enabled=True, staff_mfa_required=True)
    _sign_in(client, "erin")

    sent = client.get(reverse("section_list"))
    page = client.get(reverse("mfa_activate_totp"))
    secret = page.context["form"].secret
    enrolled = client.post(reverse("mfa_activate_totp"), {"code": _code(secret)})

    assert sent["Location"] == reverse("mfa_activate_totp")
    assert page.status_code == 200
    assert "<svg" in page.text  # drawn inline: the CSP refuses a data: image
    assert "data:image" not in page.text
    assert enrolled.status_code == 302
    assert Authenticator.objects.filter(user=world["erin"], type="totp").exists()
    assert client.get(reverse("section_list")).status_code == 200


def test_learners_are_never_asked_and_cannot_open_the_mfa_pages(client, world):
    settings_save(district=world["district"], passwords_enabled=True, staff_mfa_required=True)
    _sign_in(client, "lena")

    home = client.get(reverse("home"))

    assert "2fa" not in home.get("Location", "")
    assert client.get(reverse("mfa_activate_totp")).status_code == 403
