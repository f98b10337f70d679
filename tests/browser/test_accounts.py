"""Account pages through the real forms: lockout, password change and reset."""

import re

import pytest


@pytest.mark.django_db(transaction=True)
def test_a_person_locked_out_by_wrong_passwords_is_told_when_to_try_again(visit, world):
    visit.page.goto("/login/")
    for _ in range(5):
        visit.page.get_by_label("Username").fill("lena")
        visit.page.get_by_label("Password").fill("not-her-password")
        visit.page.get_by_role("button", name="Sign in").click()
        if visit.page.get_by_role("heading", name="Too many attempts to sign in").count():
            break
        visit.page.wait_for_load_state()
    assert re.search(r"Try again after \d\d:\d\d", visit.page.content())
    visit.check("locked-out")


@pytest.mark.django_db(transaction=True)
def test_a_person_resets_a_forgotten_password_and_changes_it_again(visit, world, mailoutbox):
    world["gabe"].email = "gabe@example.org"
    world["gabe"].save()
    visit.page.goto("/login/")
    visit.page.get_by_role("link", name="Forgot your password?").click()
    visit.check("password-reset")
    visit.page.get_by_label("Email").fill("gabe@example.org")
    visit.page.get_by_role("button", name="Send the link").click()
    assert visit.page.get_by_role("heading", name="Check your email").is_visible()
    link = re.search(r"https?://\S+/password/reset/\S+/", mailoutbox[0].body).group(0)
    visit.page.goto(link)
    visit.check("password-reset-confirm")
    visit.page.get_by_label(re.compile(r"^New password:?$")).fill("gabes-new-long-secret")
    visit.page.get_by_label("New password confirmation").fill("gabes-new-long-secret")
    visit.page.get_by_role("button", name="Set my password").click()
    assert visit.page.get_by_role("heading", name="Password set").is_visible()
    visit.login("gabe", "gabes-new-long-secret")
    visit.page.get_by_role("link", name="Change password").click()
    visit.check("password-change")
    visit.page.get_by_label("Old password").fill("gabes-new-long-secret")
    visit.page.get_by_label(re.compile(r"^New password:?$")).fill("another-long-secret")
    visit.page.get_by_label("New password confirmation").fill("another-long-secret")
    visit.page.get_by_role("button", name="Change password").click()
    assert visit.page.get_by_role("heading", name="Password changed").is_visible()
