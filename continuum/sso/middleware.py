"""Two gates around Django's own sign-in, which the rest of Continuum keeps using, and the
content security policy of the pages that show the sign-in buttons.

``PasswordPolicyMiddleware`` refuses the password pages (sign-in, reset, a reset link) to
people of a district that turned local passwords off, before any password is checked (so
django-axes counts nothing); superusers and CONTINUUM_SSO_PASSWORD_USERS keep them (break
glass). ``StaffMfaMiddleware`` asks staff who set up an authenticator app for a code once
per sign-in, and sends staff of a district that requires a second factor to set one up.
``SignInButtonsMiddleware`` lets a page's sign-in buttons reach their providers.
"""

from urllib.parse import urlencode, urlsplit

from allauth.account.internal.flows.login import get_authentication_records
from allauth.mfa.models import Authenticator
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.csp import CSP
from django.utils.encoding import force_str
from django.utils.http import urlsafe_base64_decode

from continuum.sso import selectors

User = get_user_model()

# Session keys: the user whose second factor was settled this sign-in, and a user sent to
# set one up (whose next sign-in check counts the code they just proved as this sign-in's).
MFA_SETTLED = "continuum.sso.mfa_settled"
MFA_ENROLLING = "continuum.sso.mfa_enrolling"
# Pages a person may open before the second factor is settled.
_OPEN_BEFORE_MFA = {"logout", "account_logout", "sso_mfa_verify", "set_language"}
# Set on the request by {% sign_in_buttons %}: where the page's forms may be redirected.
_BUTTON_FORM_ACTION = "_continuum_sso_form_action"


def passwords_refused(user) -> bool:
    """Whether ``user``'s district turned passwords off and the user has no break glass."""
    if user is None or user.is_superuser:
        return False
    if user.username in settings.CONTINUUM_SSO_PASSWORD_USERS:
        return False
    district = selectors.district_of(user)
    return district is not None and not selectors.settings_get(district=district).passwords_enabled


def _people_named(request: HttpRequest, view_name: str, kwargs: dict) -> list:
    if view_name == "login":
        return list(User.objects.filter(username=request.POST.get("username", ""))[:1])
    if view_name == "password_reset":
        email = request.POST.get("email", "")
        return list(User.objects.filter(email__iexact=email, is_active=True)) if email else []
    if view_name == "password_reset_confirm":
        try:
            pk = force_str(urlsafe_base64_decode(kwargs.get("uidb64", "")))
            return list(User.objects.filter(pk=int(pk)))
        except (ValueError, TypeError):
            return []
    return []


class PasswordPolicyMiddleware:
    def __init__(self, get_response) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_view(self, request: HttpRequest, view_func, view_args, view_kwargs):
        match = request.resolver_match
        if request.method != "POST" or match is None:
            return None
        for person in _people_named(request, match.view_name, view_kwargs):
            if passwords_refused(person):
                district = selectors.district_of(person)
                buttons = selectors.login_buttons().filter(district=district)
                return render(
                    request,
                    "sso/passwords_off.html",
                    {"district": district, "buttons": buttons},
                    status=403,
                )
        return None


def settle_at_sign_in(sender, request: HttpRequest | None, user, **kwargs) -> None:
    """Settle the second factor when the sign-in happens, where it can be, so pages that
    follow run no query for it: learners and guardians never need one, nor staff who have
    no authenticator app in a district that does not require one."""
    session = getattr(request, "session", None)
    if session is None:
        return
    if user.role in selectors.STAFF_ROLES:
        if Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists():
            return
        district = selectors.district_of(user)
        if district is not None and selectors.settings_get(district=district).staff_mfa_required:
            return
    session[MFA_SETTLED] = user.pk


class StaffMfaMiddleware:
    def __init__(self, get_response) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_view(self, request: HttpRequest, view_func, view_args, view_kwargs):
        user = getattr(request, "user", None)
        match = request.resolver_match
        if user is None or match is None:
            return None
        name = match.url_name or ""
        if not user.is_authenticated:
            # allauth would send them to its own sign-in page; Continuum's is Django's.
            if name.startswith("mfa_") and name != "mfa_authenticate":
                return redirect_to_login(request.get_full_path())
            return None
        staff = user.role in selectors.STAFF_ROLES
        if name.startswith("mfa_") and not staff:
            raise PermissionDenied("A second factor is for staff accounts.")
        if request.session.get(MFA_SETTLED) == user.pk:
            return None
        if not staff:
            request.session[MFA_SETTLED] = user.pk
            return None
        return self._staff(request, user, name)

    @staticmethod
    def _staff(request: HttpRequest, user, name: str):
        enrolled = Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists()
        if enrolled:
            proved = any(
                r.get("method") == "mfa" for r in get_authentication_records(request, user)
            )
            if proved or request.session.get(MFA_ENROLLING) == user.pk:
                request.session.pop(MFA_ENROLLING, None)
                request.session[MFA_SETTLED] = user.pk
                return None
            if name in _OPEN_BEFORE_MFA:
                return None
            return redirect(
                f"{reverse('sso_mfa_verify')}?{urlencode({'next': request.get_full_path()})}"
            )
        district = selectors.district_of(user)
        if district is None or not selectors.settings_get(district=district).staff_mfa_required:
            request.session[MFA_SETTLED] = user.pk
            return None
        if name.startswith("mfa_") or name in _OPEN_BEFORE_MFA:
            return None
        request.session[MFA_ENROLLING] = user.pk
        return redirect("mfa_activate_totp")


def sign_in_redirects_allow(request: HttpRequest, providers) -> None:
    """Let the page being rendered send its sign-in buttons on to ``providers``.

    A button posts to Continuum (``sso_start``), which redirects to the provider. Chromium
    applies the page's ``form-action`` to every redirect that follows a form's submission,
    so with ``'self'`` alone the button does nothing. The page allows any HTTPS address (a
    provider may pass the browser on, to a district's own identity server for one) and the
    origin of an http issuer, which the provider form accepts only on loopback (development).
    """
    sources = [CSP.SELF, "https:"]
    for row in providers:
        issuer = urlsplit(row.server_url or "")
        if issuer.scheme == "http" and issuer.netloc:
            sources.append(f"http://{issuer.netloc}")
    setattr(request, _BUTTON_FORM_ACTION, list(dict.fromkeys(sources)))


class SignInButtonsMiddleware:
    """Widens ``form-action`` on the responses whose page showed sign-in buttons only."""

    def __init__(self, get_response) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        sources = getattr(request, _BUTTON_FORM_ACTION, None)
        if sources:
            config = dict(getattr(response, "_csp_config", None) or settings.SECURE_CSP)
            config["form-action"] = sources
            response._csp_config = config
        return response
