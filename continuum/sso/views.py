"""Sign-in pages: a district admin's sign-in settings and providers, the sign-in buttons'
start, and the code asked of staff after a password sign-in (thin views)."""

from allauth.mfa.base.forms import AuthenticateForm
from allauth.mfa.models import Authenticator
from allauth.socialaccount.adapter import get_adapter
from allauth.socialaccount.providers.base import AuthProcess
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from continuum.people.models import Role
from continuum.sso import selectors
from continuum.sso.adapter import CHOSEN_PROVIDER
from continuum.sso.forms import ProviderForm, SignInSettingsForm
from continuum.sso.models import SignInProvider
from continuum.sso.services import provider_delete, provider_save, settings_save


def _district(request):
    user = request.user
    if user.role != Role.DISTRICT_ADMIN or user.organization is None:
        raise PermissionDenied(_("Only district admins set up how their district signs in."))
    return user.organization.district


def _provider(request, provider_id: int) -> SignInProvider:
    found = selectors.provider_get(district=_district(request), provider_id=provider_id)
    if found is None:
        raise Http404
    return found


@login_required
def sso_settings(request):
    district = _district(request)
    current = selectors.settings_get(district=district)
    form = SignInSettingsForm(request.POST if request.method == "POST" else None, instance=current)
    if request.method == "POST" and form.is_valid():
        settings_save(district=district, **form.cleaned_data)
        messages.success(request, _("Sign-in settings saved."))
        return redirect("sso_settings")
    context = {
        "district": district,
        "form": form,
        "providers": selectors.provider_list(district=district),
        "attempts": selectors.attempt_list(district=district)[:25],
    }
    return render(request, "sso/settings.html", context)


def _provider_form(request, provider: SignInProvider, template_context: dict):
    form = ProviderForm(request.POST if request.method == "POST" else None, instance=provider)
    if request.method == "POST" and form.is_valid():
        provider_save(provider=form.save(commit=False), secret=form.cleaned_data["secret"])
        messages.success(request, _("Provider saved."))
        return redirect("sso_settings")
    return render(request, "sso/provider_form.html", {"form": form, **template_context})


@login_required
def sso_provider_add(request):
    district = _district(request)
    return _provider_form(request, SignInProvider(district=district), {"district": district})


@login_required
def sso_provider_edit(request, provider_id: int):
    provider = _provider(request, provider_id)
    return _provider_form(request, provider, {"district": provider.district, "provider": provider})


@login_required
@require_POST
def sso_provider_delete(request, provider_id: int):
    provider_delete(provider=_provider(request, provider_id))
    messages.success(request, _("Provider removed."))
    return redirect("sso_settings")


@require_POST
def sso_start(request, provider_id: int):
    """A sign-in button: remember which district's provider, then off to the provider."""
    row = get_object_or_404(SignInProvider, pk=provider_id, enabled=True)
    request.session[CHOSEN_PROVIDER] = row.pk
    provider = get_adapter(request).get_provider(request, row.allauth_provider)
    return provider.redirect(request, process=AuthProcess.LOGIN, next_url=_next(request))


@login_required
def sso_mfa_verify(request):
    """The code asked once per password sign-in of staff who set up an authenticator app."""
    user = request.user
    if not Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists():
        return redirect("home")
    form = AuthenticateForm(request.POST or None, user=user)
    if request.method == "POST" and form.is_valid():
        form.save()  # recorded in the session: the middleware lets this sign-in through
        return redirect(_next(request) or "home")
    return render(request, "sso/mfa_verify.html", {"form": form, "next": _next(request)})


def _next(request) -> str | None:
    url = request.POST.get("next") or request.GET.get("next")
    if url and url_has_allowed_host_and_scheme(
        url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return url
    return None
