"""Single sign-on (continuum/sso and the part of django-allauth under /accounts/).

A district's sign-in settings and providers are its admin's: Ada (Riverside) edits
Riverside's; Otto (Lakeside) opens the pages, which then show Lakeside, and gets a 404 for
Riverside's provider. The sign-in buttons, the providers' login and callback pages and the
cancelled/error pages are for anyone (they come before signing in). The second-factor
pages are for staff: learners and guardians are refused them."""

from tests.access import EVERYONE_SIGNED_IN, Case, allow

OWN_DISTRICT = allow("admin", "outsider")
ANYONE = allow(*EVERYONE_SIGNED_IN, "anonymous")
STAFF = EVERYONE_SIGNED_IN - {"learner", "guardian"}


def populate(world: dict) -> None:
    from continuum.sso.models import SignInProvider
    from continuum.sso.services import provider_save

    world["sso_google"] = provider_save(
        provider=SignInProvider(
            district=world["district"],
            kind="google",
            key="riverside-google",
            label="Google",
            client_id="riverside.apps.googleusercontent.com",
        ),
        secret="google-secret",
    )
    world["sso_clever"] = provider_save(
        provider=SignInProvider(
            district=world["district"],
            kind="clever",
            key="riverside-clever",
            label="Clever",
            client_id="clever-client",
            server_url="https://clever.invalid",
        ),
        secret="clever-secret",
    )
    world["sso_microsoft"] = provider_save(
        provider=SignInProvider(
            district=world["district"],
            kind="microsoft",
            key="riverside-microsoft",
            label="Microsoft",
            client_id="entra-client",
            tenant="riverside.example",
        ),
        secret="entra-secret",
    )


def _google(world: dict) -> dict:
    return {"provider_id": world["sso_google"].pk}


def _clever_key(world: dict) -> dict:
    return {"provider_id": world["sso_clever"].key}


CASES = [
    Case("sso_settings", OWN_DISTRICT),
    Case("sso_settings", OWN_DISTRICT, method="post", label="save", data={}, ok_status=(302,)),
    Case("sso_provider_add", OWN_DISTRICT),
    Case("sso_provider_edit", allow("admin"), kwargs=_google),
    Case("sso_provider_delete", allow("admin"), kwargs=_google, method="post", ok_status=(302,)),
    # A sign-in button: off to the provider, whoever presses it.
    Case("sso_start", ANYONE, kwargs=_google, method="post", ok_status=(302,)),
    # With no authenticator app set up, the code page sends its visitor home.
    Case("sso_mfa_verify", EVERYONE_SIGNED_IN, ok_status=(302,)),
    Case("account_login", ANYONE, ok_status=(302,)),
    Case("account_logout", ANYONE, method="post", ok_status=(302,)),
    Case("socialaccount_login_cancelled", ANYONE),
    # allauth answers a callback with no sign-in in progress with its error page (401).
    Case("socialaccount_login_error", ANYONE, ok_status=(401,)),
    Case("google_login", ANYONE),
    Case("google_callback", ANYONE, ok_status=(401,)),
    Case("microsoft_login", ANYONE),
    Case("microsoft_callback", ANYONE, ok_status=(401,)),
    Case("openid_connect_login", ANYONE, kwargs=_clever_key),
    Case("openid_connect_callback", ANYONE, kwargs=_clever_key, ok_status=(401,)),
    Case("mfa_index", STAFF),
    # The code step of a sign-in in progress; with none, allauth sends its visitor to sign in.
    Case("mfa_authenticate", STAFF | {"anonymous"}, ok_status=(302,)),
    Case("mfa_activate_totp", STAFF),
    Case("mfa_generate_recovery_codes", STAFF),
    # Nothing to turn off or show before an authenticator app is set up: allauth says 404.
    Case("mfa_deactivate_totp", STAFF, ok_status=(404,)),
    Case("mfa_view_recovery_codes", STAFF, ok_status=(404,)),
    Case("mfa_download_recovery_codes", STAFF, ok_status=(404,)),
]
