"""Single sign-on end to end through a real OpenID Connect provider (see conftest.py).

Lena (learner, Riverside) has the email her SIS gave her; the provider's people are named
by the test. Lara is a learner of Lakeside, another district."""

from allauth.socialaccount.models import SocialAccount
from django.urls import reverse

from continuum.people.models import User
from continuum.rostering.models import RosterKind, RosterRecord
from continuum.sso.models import SignInAttempt
from continuum.sso.services import settings_save


def _signed_in(client) -> int | None:
    user_id = client.session.get("_auth_user_id")
    return int(user_id) if user_id else None


def test_a_rostered_learner_matched_by_a_verified_email_signs_in_and_lands_on_home(
    client, world, clever, sso_sign_in
):
    User.objects.filter(pk=world["lena"].pk).update(email="lena@riverside.example")

    response = sso_sign_in(
        clever, username="clever-lena", email="Lena@Riverside.example", verified=True
    )

    assert response.status_code == 302
    assert response["Location"] == reverse("home")
    assert _signed_in(client) == world["lena"].pk
    assert client.get(reverse("home")).status_code in {200, 302}
    account = SocialAccount.objects.get(user=world["lena"])
    assert (account.provider, account.uid) == ("clever-test", "clever-lena")
    attempt = SignInAttempt.objects.get()
    assert (attempt.outcome, attempt.person) == ("matched", world["lena"])


def test_a_learner_is_matched_by_the_clever_id_the_roster_carries(
    client, world, clever, sso_sign_in
):
    RosterRecord.objects.create(
        district=world["district"],
        kind=RosterKind.USER,
        sourced_id="us-lena",
        person=world["lena"],
        object_id=world["lena"].pk,
        data={"userIds": "{Fed:123},{Clever:5f1ea0c2}"},
    )

    response = sso_sign_in(clever, username="5f1ea0c2")

    assert response.status_code == 302
    assert _signed_in(client) == world["lena"].pk


def test_the_second_sign_in_uses_the_linked_account(client, world, clever, sso_sign_in):
    User.objects.filter(pk=world["lena"].pk).update(email="lena@riverside.example")
    sso_sign_in(clever, username="clever-lena", email="lena@riverside.example")
    client.logout()

    response = sso_sign_in(clever, username="clever-lena", email="lena@riverside.example")

    assert response.status_code == 302
    assert _signed_in(client) == world["lena"].pk
    assert SocialAccount.objects.count() == 1


def test_a_linked_account_of_a_person_the_roster_deactivated_is_refused(
    client, world, clever, sso_sign_in
):
    User.objects.filter(pk=world["lena"].pk).update(email="lena@riverside.example")
    sso_sign_in(clever, username="clever-lena", email="lena@riverside.example")
    client.logout()
    User.objects.filter(pk=world["lena"].pk).update(is_active=False)

    response = sso_sign_in(clever, username="clever-lena", email="lena@riverside.example")

    assert response.status_code == 403
    assert _signed_in(client) is None
    assert SignInAttempt.objects.filter(outcome="inactive").count() == 1


def test_an_email_not_in_the_roster_is_refused_creates_no_one_and_is_audited(
    client, world, clever, sso_sign_in
):
    people = User.objects.count()

    response = sso_sign_in(clever, username="stranger", email="stranger@example.com")

    assert response.status_code == 403
    assert "Your account is not in the roster of Riverside District" in response.text
    assert _signed_in(client) is None
    assert User.objects.count() == people
    assert not SocialAccount.objects.exists()
    attempt = SignInAttempt.objects.get()
    assert (attempt.outcome, attempt.subject, attempt.email) == (
        "not_in_roster",
        "stranger",
        "stranger@example.com",
    )


def test_an_email_the_provider_did_not_verify_is_refused(client, world, clever, sso_sign_in):
    User.objects.filter(pk=world["lena"].pk).update(email="lena@riverside.example")

    response = sso_sign_in(
        clever, username="clever-lena", email="lena@riverside.example", verified=False
    )

    assert response.status_code == 403
    assert "has not verified your email address" in response.text
    assert _signed_in(client) is None
    assert not SocialAccount.objects.exists()
    assert SignInAttempt.objects.get().outcome == "unverified_email"


def test_a_person_of_another_district_is_not_matched_by_riversides_provider(
    client, world, clever, sso_sign_in
):
    User.objects.filter(pk=world["lara"].pk).update(email="lara@lakeside.example")

    response = sso_sign_in(clever, username="clever-lara", email="lara@lakeside.example")

    assert response.status_code == 403
    assert _signed_in(client) is None


def test_staff_of_a_district_that_requires_mfa_are_sent_to_enrol_after_single_sign_on(
    client, world, clever, sso_sign_in
):
    User.objects.filter(pk=world["erin"].pk).update(email="erin@riverside.example")
    settings_save(district=world["district"], passwords_enabled=True, staff_mfa_required=True)

    sso_sign_in(clever, username="clever-erin", email="erin@riverside.example")
    response = client.get(reverse("home"))

    assert _signed_in(client) == world["erin"].pk
    assert response.status_code == 302
    assert response["Location"] == reverse("mfa_activate_totp")
