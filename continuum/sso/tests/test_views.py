"""A district admin's sign-in pages. Ada administers Riverside; Otto administers Lakeside."""

from django.urls import reverse

from continuum.sso.models import SignInProvider, SignInSettings
from continuum.sso.services import provider_save, secret_decrypt


def _add(client, **fields):
    data = {
        "kind": "classlink",
        "label": "ClassLink",
        "key": "riverside-classlink",
        "client_id": "c-123",
        "secret": "very-secret-value",
        "server_url": "https://launchpad.classlink.com",
        "tenant": "",
        "enabled": "on",
        **fields,
    }
    return client.post(reverse("sso_provider_add"), data)


def test_a_district_admin_adds_a_provider_whose_secret_is_stored_encrypted(client, world):
    client.force_login(world["ada"])

    response = _add(client)

    assert response.status_code == 302
    row = SignInProvider.objects.get()
    assert row.district == world["district"]
    assert "very-secret-value" not in row.secret_encrypted
    assert secret_decrypt(row.secret_encrypted) == "very-secret-value"


def test_the_secret_is_never_shown_back_and_an_empty_one_keeps_it(client, world):
    client.force_login(world["ada"])
    _add(client)
    row = SignInProvider.objects.get()

    page = client.get(reverse("sso_provider_edit", args=[row.pk]))
    client.post(
        reverse("sso_provider_edit", args=[row.pk]),
        {"kind": "classlink", "label": "ClassLink LaunchPad", "key": row.key,
         "client_id": "c-123", "secret": "", "server_url": row.server_url, "enabled": "on"},
    )  # fmt: skip

    assert "very-secret-value" not in page.text
    assert row.secret_encrypted not in page.text
    row.refresh_from_db()
    assert row.label == "ClassLink LaunchPad"
    assert secret_decrypt(row.secret_encrypted) == "very-secret-value"


def test_the_settings_page_shows_the_redirect_uri_to_register(client, world):
    client.force_login(world["ada"])
    _add(client)

    page = client.get(reverse("sso_settings"))

    assert "http://testserver/accounts/oidc/riverside-classlink/login/callback/" in page.text


def test_an_openid_connect_provider_needs_an_https_issuer(client, world):
    client.force_login(world["ada"])

    missing = _add(client, server_url="")
    plain = _add(client, server_url="http://idp.example.org")

    assert "needs its issuer URL" in missing.text
    assert "must use https" in plain.text
    assert not SignInProvider.objects.exists()


def test_a_key_allauth_uses_itself_is_refused(client, world):
    client.force_login(world["ada"])

    response = _add(client, key="google")

    assert "is reserved" in response.text
    assert not SignInProvider.objects.exists()


def test_a_new_provider_needs_its_secret(client, world):
    client.force_login(world["ada"])

    response = _add(client, secret="")

    assert "Enter the client secret" in response.text


def test_the_settings_are_saved_for_the_admins_district(client, world):
    client.force_login(world["ada"])

    client.post(reverse("sso_settings"), {"staff_mfa_required": "on"})

    saved = SignInSettings.objects.get()
    assert (saved.district, saved.passwords_enabled, saved.staff_mfa_required) == (
        world["district"],
        False,
        True,
    )


def test_another_districts_admin_cannot_see_or_remove_riversides_provider(client, world):
    row = provider_save(
        provider=SignInProvider(
            district=world["district"], kind="google", key="rg", label="Google", client_id="g"
        ),
        secret="s",
    )
    client.force_login(world["otto"])

    assert client.get(reverse("sso_provider_edit", args=[row.pk])).status_code == 404
    assert client.post(reverse("sso_provider_delete", args=[row.pk])).status_code == 404
    assert SignInProvider.objects.filter(pk=row.pk).exists()


def test_the_sign_in_page_shows_a_button_per_enabled_provider(client, world):
    provider_save(
        provider=SignInProvider(
            district=world["district"], kind="google", key="rg", label="Google", client_id="g"
        ),
        secret="s",
    )
    provider_save(
        provider=SignInProvider(
            district=world["district"],
            kind="microsoft",
            key="rm",
            label="Microsoft",
            client_id="m",
            enabled=False,
        ),
        secret="s",
    )

    page = client.get(reverse("login"))

    assert "Sign in with Google" in page.text
    assert "Sign in with Microsoft" not in page.text


def test_the_integrations_page_leads_district_admins_to_single_sign_on(client, world):
    client.force_login(world["ada"])

    page = client.get(reverse("integrations"))

    assert reverse("sso_settings") in page.text


def _form_action(response) -> str:
    policy = response["Content-Security-Policy"]
    return next(part.strip() for part in policy.split(";") if "form-action" in part)


def test_the_sign_in_buttons_may_redirect_to_their_provider(client, world):
    """Chromium checks form-action on the redirect after a form's POST: with 'self' alone,
    the button's redirect to the provider was blocked and the button did nothing."""
    for key, issuer in (
        ("riverside-classlink", "https://launchpad.classlink.com"),
        ("dev-clever", "http://localhost:8001/o"),
    ):
        provider_save(
            provider=SignInProvider(
                district=world["district"],
                kind="clever",
                key=key,
                label=key,
                client_id="c",
                server_url=issuer,
            ),
            secret="s",
        )

    response = client.get(reverse("login"))

    assert _form_action(response) == "form-action 'self' https: http://localhost:8001"


def test_pages_without_sign_in_buttons_keep_forms_to_continuum(client, world):
    client.force_login(world["ada"])

    assert _form_action(client.get(reverse("sso_settings"))) == "form-action 'self'"
    client.logout()
    assert _form_action(client.get(reverse("login"))) == "form-action 'self'"  # no provider
