"""Local passwords turned off per district. Riverside turns them off; Lena (learner) and Erin
(educator) are Riverside's, Lara is Lakeside's, which keeps them."""

import pytest
from axes.models import AccessAttempt
from django.contrib.auth.tokens import default_token_generator
from django.core import mail
from django.urls import reverse
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from continuum.people.models import User
from continuum.sso.models import ProviderKind, SignInProvider
from continuum.sso.services import provider_save, settings_save

PASSWORD = "a-long-test-password"


@pytest.fixture
def passwords_off(world):
    settings_save(district=world["district"], passwords_enabled=False, staff_mfa_required=False)
    provider_save(
        provider=SignInProvider(
            district=world["district"],
            kind=ProviderKind.GOOGLE,
            key="riverside-google",
            label="Google",
            client_id="riverside.apps.googleusercontent.com",
        ),
        secret="s3cret",
    )


def _sign_in(client, username: str, password: str = PASSWORD):
    return client.post(reverse("login"), {"username": username, "password": password})


def test_the_password_form_refuses_a_district_that_turned_passwords_off(
    client, world, passwords_off
):
    response = _sign_in(client, "lena")

    assert response.status_code == 403
    assert "signs in through its school accounts" in response.text
    assert "Sign in with Google" in response.text
    assert "_auth_user_id" not in client.session
    assert not AccessAttempt.objects.exists()  # refused before any password was checked


def test_another_districts_people_keep_their_passwords(client, world, passwords_off):
    assert _sign_in(client, "lara").status_code == 302
    assert int(client.session["_auth_user_id"]) == world["lara"].pk


def test_passwords_work_while_the_district_has_not_turned_them_off(client, world):
    assert _sign_in(client, "lena").status_code == 302


def test_a_superuser_keeps_the_password_as_break_glass(client, world, passwords_off):
    User.objects.filter(pk=world["ada"].pk).update(is_superuser=True)

    assert _sign_in(client, "ada").status_code == 302


def test_a_break_glass_username_from_the_settings_keeps_the_password(
    client, world, passwords_off, settings
):
    settings.CONTINUUM_SSO_PASSWORD_USERS = ["ada"]

    assert _sign_in(client, "ada").status_code == 302
    assert _sign_in(client, "erin").status_code == 403


def test_a_password_reset_is_refused_and_sends_nothing(client, world, passwords_off):
    User.objects.filter(pk=world["lena"].pk).update(email="lena@riverside.example")

    response = client.post(reverse("password_reset"), {"email": "LENA@riverside.example"})

    assert response.status_code == 403
    assert "signs in through its school accounts" in response.text
    assert not mail.outbox


def test_a_reset_link_sent_before_passwords_were_turned_off_sets_nothing(
    client, world, passwords_off
):
    lena = world["lena"]
    url = reverse(
        "password_reset_confirm",
        kwargs={
            "uidb64": urlsafe_base64_encode(force_bytes(lena.pk)),
            "token": default_token_generator.make_token(lena),
        },
    )
    response = client.post(url, {"new_password1": "x" * 20, "new_password2": "x" * 20})

    assert response.status_code == 403
    lena.refresh_from_db()
    assert lena.check_password(PASSWORD)


def test_wrong_passwords_still_lock_a_username_out(client, world, settings):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        _sign_in(client, "erin", "wrong-password")

    assert _sign_in(client, "erin").status_code == 429
