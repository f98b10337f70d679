"""Signing in: throttling and lockout, password change, password reset by email."""

import logging
import re
from datetime import timedelta

import pytest
from axes.models import AccessAttempt
from django.urls import reverse

from continuum.people.models import User

PASSWORD = "a-long-test-password"  # conftest.py's password for everyone in the world


def sign_in(client, username: str, password: str, address: str = "127.0.0.1"):
    return client.post(
        reverse("login"), {"username": username, "password": password}, REMOTE_ADDR=address
    )


def signed_in_as(client) -> str | None:
    user = client.get(reverse("home")).context.get("user")
    return user.username if user is not None and user.is_authenticated else None


# The probe: 30 wrong passwords, then the right one, all accepted.
def test_thirty_wrong_passwords_then_the_right_one_is_refused(client, world):
    for _ in range(30):
        assert sign_in(client, "lena", "not-her-password").status_code in {200, 429}
    response = sign_in(client, "lena", PASSWORD)
    assert response.status_code == 429
    assert "_auth_user_id" not in client.session


def test_the_fifth_wrong_password_locks_the_username_out(client, world, settings):
    settings.AXES_FAILURE_LIMIT = 5
    for _ in range(4):
        assert sign_in(client, "lena", "wrong").status_code == 200  # the form, with its error
    assert sign_in(client, "lena", "wrong").status_code == 429
    assert sign_in(client, "lena", PASSWORD).status_code == 429


def test_a_locked_out_person_sees_when_to_try_again(client, world, settings):
    settings.AXES_COOLOFF_TIME = timedelta(minutes=15)
    for _ in range(5):
        response = sign_in(client, "lena", "wrong")
    text = response.content.decode()
    assert response.status_code == 429
    assert "paused for 15 minutes" in text
    assert re.search(r"Try again after \d\d:\d\d", text)
    assert reverse("password_reset") in text


def test_a_lockout_is_logged(client, world, caplog):
    with caplog.at_level(logging.WARNING, logger="axes"):
        for _ in range(5):
            sign_in(client, "lena", "wrong")
    assert any("Locking out" in record.getMessage() for record in caplog.records)
    assert AccessAttempt.objects.get(username="lena").failures_since_start == 5


def test_the_lockout_holds_one_username_at_one_address(client, world):
    for _ in range(5):
        sign_in(client, "lena", "wrong", address="10.0.0.7")
    assert sign_in(client, "gabe", PASSWORD, address="10.0.0.7").status_code == 302
    client.logout()
    assert sign_in(client, "lena", PASSWORD, address="10.0.0.8").status_code == 302


def test_the_right_password_works_again_after_the_cool_off(client, world, settings):
    settings.AXES_COOLOFF_TIME = timedelta(minutes=15)
    for _ in range(5):
        sign_in(client, "lena", "wrong")
    AccessAttempt.objects.update(
        attempt_time=AccessAttempt.objects.get().attempt_time - timedelta(minutes=16)
    )
    assert sign_in(client, "lena", PASSWORD).status_code == 302


def test_fewer_failures_than_the_limit_are_forgotten_after_a_good_sign_in(client, world):
    for _ in range(4):
        sign_in(client, "lena", "wrong")
    assert sign_in(client, "lena", PASSWORD).status_code == 302
    assert not AccessAttempt.objects.filter(username="lena").exists()


def test_the_test_client_can_still_sign_in_without_a_request(client, world):
    assert client.login(username="lena", password=PASSWORD)


def test_signing_in_leaves_no_history_row_but_a_name_change_does(client, world):
    lena = world["lena"]
    before = lena.history.count()
    assert sign_in(client, "lena", PASSWORD).status_code == 302
    assert lena.history.count() == before
    lena.first_name = "Helena"
    lena.save()
    assert lena.history.count() == before + 1


def test_a_signed_in_person_changes_their_password(client, world):
    client.force_login(world["erin"])
    response = client.post(
        reverse("password_change"),
        {
            "old_password": PASSWORD,
            "new_password1": "a-brand-new-long-secret",
            "new_password2": "a-brand-new-long-secret",
        },
    )
    assert response.status_code == 302
    assert response["Location"] == reverse("password_change_done")
    assert signed_in_as(client) == "erin"  # this device stays signed in
    assert User.objects.get(username="erin").check_password("a-brand-new-long-secret")


def test_a_password_change_needs_the_current_password(client, world):
    client.force_login(world["erin"])
    response = client.post(
        reverse("password_change"),
        {
            "old_password": "a-guess",
            "new_password1": "a-brand-new-long-secret",
            "new_password2": "a-brand-new-long-secret",
        },
    )
    assert response.status_code == 200
    assert "old_password" in response.context["form"].errors
    assert User.objects.get(username="erin").check_password(PASSWORD)


def test_the_change_password_page_is_linked_from_every_page_and_labelled(client, world):
    client.force_login(world["gabe"])
    assert reverse("password_change") in client.get(reverse("home")).content.decode()
    form = client.get(reverse("password_change")).content.decode()
    for name in ("old_password", "new_password1", "new_password2"):
        assert f'<label for="id_{name}"' in form


def test_the_sign_in_page_links_to_password_reset(client, db):
    assert reverse("password_reset") in client.get(reverse("login")).content.decode()


def _reset_link(mail) -> str:
    match = re.search(r"https?://[^/\s]+(/password/reset/[^\s]+/)", mail.body)
    assert match, mail.body
    return match.group(1)


def test_a_password_reset_round_trip_ends_in_signing_in(client, world, mailoutbox):
    User.objects.filter(username="gabe").update(email="gabe@example.org")
    response = client.post(reverse("password_reset"), {"email": "gabe@example.org"})
    assert response["Location"] == reverse("password_reset_done")
    assert [mail.to for mail in mailoutbox] == [["gabe@example.org"]]
    assert "gabe" in mailoutbox[0].body
    form = client.get(_reset_link(mailoutbox[0]), follow=True)
    assert form.context["validlink"]
    done = client.post(
        form.redirect_chain[-1][0],
        {"new_password1": "gabes-new-long-secret", "new_password2": "gabes-new-long-secret"},
    )
    assert done["Location"] == reverse("password_reset_complete")
    assert sign_in(client, "gabe", "gabes-new-long-secret").status_code == 302
    assert signed_in_as(client) == "gabe"


def test_a_reset_link_works_only_once(client, world, mailoutbox):
    User.objects.filter(username="gabe").update(email="gabe@example.org")
    client.post(reverse("password_reset"), {"email": "gabe@example.org"})
    form = client.get(_reset_link(mailoutbox[0]), follow=True)
    new = {"new_password1": "gabes-new-long-secret", "new_password2": "gabes-new-long-secret"}
    client.post(form.redirect_chain[-1][0], new)
    again = client.get(_reset_link(mailoutbox[0]), follow=True)
    assert not again.context["validlink"]


def test_password_reset_does_not_reveal_whether_an_account_exists(client, world, mailoutbox):
    User.objects.filter(username="gabe").update(email="gabe@example.org")
    known = client.post(reverse("password_reset"), {"email": "gabe@example.org"})
    unknown = client.post(reverse("password_reset"), {"email": "nobody@example.org"})
    assert (known.status_code, known["Location"]) == (unknown.status_code, unknown["Location"])
    assert len(mailoutbox) == 1


def test_a_password_reset_lifts_the_lockout(client, world, mailoutbox):
    User.objects.filter(username="gabe").update(email="gabe@example.org")
    for _ in range(5):
        sign_in(client, "gabe", "wrong")
    client.post(reverse("password_reset"), {"email": "gabe@example.org"})
    form = client.get(_reset_link(mailoutbox[0]), follow=True)
    new = {"new_password1": "gabes-new-long-secret", "new_password2": "gabes-new-long-secret"}
    client.post(form.redirect_chain[-1][0], new)
    assert sign_in(client, "gabe", "gabes-new-long-secret").status_code == 302


@pytest.mark.parametrize(
    "name", ["password_reset", "password_reset_done", "password_reset_complete"]
)
def test_the_reset_pages_need_no_sign_in(client, db, name):
    assert client.get(reverse(name)).status_code == 200


def test_the_account_pages_speak_spanish_to_spanish_speakers(client, world):
    User.objects.filter(username="gabe").update(preferred_language="es")
    client.force_login(world["gabe"])
    page = client.get(reverse("password_change")).content.decode()
    assert "Cambie su contraseña" in page


def test_without_a_trusted_proxy_a_forged_forwarded_address_is_ignored():
    from continuum.people.lockout import forwarded_client

    assert forwarded_client(peer="10.0.0.5", forwarded_for="1.2.3.4", trusted_proxies=0) == (
        "10.0.0.5"
    )


def test_behind_one_trusted_proxy_the_address_it_saw_is_counted_not_what_the_client_wrote():
    from continuum.people.lockout import forwarded_client

    # The client forged "1.2.3.4"; the proxy appended the address it was really reached from.
    header = "1.2.3.4, 203.0.113.9"
    assert forwarded_client(peer="10.0.0.5", forwarded_for=header, trusted_proxies=1) == (
        "203.0.113.9"
    )
    assert forwarded_client(peer="10.0.0.5", forwarded_for=header, trusted_proxies=2) == "1.2.3.4"
    assert forwarded_client(peer="10.0.0.5", forwarded_for="", trusted_proxies=1) == "10.0.0.5"
