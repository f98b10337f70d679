"""django-allauth's hooks: which providers exist (each district's, from our own table), and
who a provider's person is (a rostered person of that district, never a new account).

allauth asks ``list_apps`` for the apps of a provider; Google and Microsoft have one
allauth provider for every district, so the district's row is the one chosen by the
sign-in button (kept in the session by ``views.sso_start``). Clever, ClassLink and other
OpenID Connect providers are told apart by their key, part of their URLs.
"""

from allauth.account.adapter import DefaultAccountAdapter
from allauth.core.exceptions import ImmediateHttpResponse
from allauth.socialaccount.adapter import DefaultSocialAccountAdapter
from allauth.socialaccount.models import SocialApp, SocialLogin
from django.http import HttpRequest
from django.shortcuts import render

from continuum.sso import selectors
from continuum.sso.models import ProviderKind, SignInAttempt, SignInProvider
from continuum.sso.services import attempt_record, secret_decrypt

# The session key that holds the provider a sign-in button started.
CHOSEN_PROVIDER = "continuum.sso.provider"
# Microsoft's multi-tenant endpoints: any organization's (or anyone's) account, so an email
# they give proves nothing about the district.
_OPEN_TENANTS = {"", "common", "organizations", "consumers"}


def social_app(row: SignInProvider) -> SocialApp:
    """The unsaved allauth app for one district's provider (secret decrypted in memory)."""
    kind = ProviderKind(row.kind)
    app_settings: dict = {"continuum_provider": row.pk, "oauth_pkce_enabled": True}
    if kind.is_openid_connect:
        app_settings["server_url"] = row.server_url
    if kind == ProviderKind.MICROSOFT and row.tenant:
        app_settings["tenant"] = row.tenant
    return SocialApp(
        provider="openid_connect" if kind.is_openid_connect else kind.value,
        provider_id=row.key if kind.is_openid_connect else "",
        name=row.label,
        client_id=row.client_id,
        secret=secret_decrypt(row.secret_encrypted),
        settings=app_settings,
    )


class AccountAdapter(DefaultAccountAdapter):
    def is_open_for_signup(self, request: HttpRequest) -> bool:
        """No one signs up: people come from the roster or the district's admin."""
        return False


class SocialAccountAdapter(DefaultSocialAccountAdapter):
    def is_open_for_signup(self, request: HttpRequest, sociallogin: SocialLogin) -> bool:
        return False

    def list_apps(self, request, provider=None, client_id=None) -> list[SocialApp]:
        chosen = request.session.get(CHOSEN_PROVIDER) if request is not None else None
        pairs = [
            (row, social_app(row))
            for row in SignInProvider.objects.filter(enabled=True).order_by("pk")
        ]
        pairs = [
            (row, app)
            for row, app in pairs
            if provider in (None, app.provider, app.provider_id)
            and client_id in (None, app.client_id)
        ]
        shared = [row.pk for row, _ in pairs if not ProviderKind(row.kind).is_openid_connect]
        if chosen not in shared:
            chosen = shared[0] if shared else None
        # Several districts' Google (or Microsoft) apps: allauth takes the one not hidden.
        for row, app in pairs:
            if row.pk in shared and row.pk != chosen:
                app.settings["hidden"] = True
        return [app for _, app in pairs]

    def pre_social_login(self, request: HttpRequest, sociallogin: SocialLogin) -> None:
        """Accept the sign-in only for a person of the provider's district's roster."""
        row = _provider_of(request, sociallogin)
        account = sociallogin.account
        if row is None:
            raise ImmediateHttpResponse(
                _refused(request, None, SignInAttempt.Outcome.NOT_IN_ROSTER)
            )
        emails = _emails(row, sociallogin)
        first_email = emails[0][0] if emails else ""
        if sociallogin.is_existing:
            person = sociallogin.user
            if person.is_active and selectors.district_of(person) == row.district:
                return
            outcome = (
                SignInAttempt.Outcome.INACTIVE
                if not person.is_active
                else SignInAttempt.Outcome.OTHER_DISTRICT
            )
            attempt_record(provider=row, outcome=outcome, subject=account.uid, email=first_email)
            raise ImmediateHttpResponse(_refused(request, row, outcome))
        match = selectors.person_match(provider=row, subject=account.uid, emails=emails)
        attempt_record(
            provider=row,
            outcome=match.outcome,
            subject=account.uid,
            email=first_email,
            person=match.person,
        )
        if match.person is None:
            raise ImmediateHttpResponse(_refused(request, row, match.outcome))
        sociallogin.connect(request, match.person)


def _provider_of(request: HttpRequest, sociallogin: SocialLogin) -> SignInProvider | None:
    """The district's provider this sign-in went through."""
    name = sociallogin.account.provider
    rows = SignInProvider.objects.filter(enabled=True).select_related("district")
    by_key = rows.filter(key=name).first()
    if by_key is not None and ProviderKind(by_key.kind).is_openid_connect:
        return by_key
    chosen = request.session.get(CHOSEN_PROVIDER)
    return rows.filter(pk=chosen, kind=name).first() if chosen is not None else None


def _emails(row: SignInProvider, sociallogin: SocialLogin) -> list[tuple[str, bool]]:
    """(email, verified by the provider) pairs. A Microsoft directory named by its tenant id
    vouches for its own addresses (Entra sends no ``email_verified`` claim)."""
    vouched = row.kind == ProviderKind.MICROSOFT and row.tenant.lower() not in _OPEN_TENANTS
    return [
        (address.email, bool(address.verified) or vouched)
        for address in sociallogin.email_addresses
    ]


def _refused(request: HttpRequest, row: SignInProvider | None, outcome: str):
    return render(
        request,
        "sso/refused.html",
        {"district": row.district if row else None, "outcome": outcome},
        status=403,
    )
