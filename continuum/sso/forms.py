from urllib.parse import urlsplit

from django import forms
from django.utils.translation import gettext_lazy as _

from continuum.sso.models import ProviderKind, SignInProvider, SignInSettings

# allauth's own provider ids: a key equal to one would hide that provider's URLs.
_RESERVED_KEYS = {"google", "microsoft", "openid_connect"}


class SignInSettingsForm(forms.ModelForm):
    class Meta:
        model = SignInSettings
        fields = ["passwords_enabled", "staff_mfa_required"]


class ProviderForm(forms.ModelForm):
    """A district's provider. The secret is write-only: the page never shows it back, and
    leaving it empty when editing keeps the one stored."""

    secret = forms.CharField(
        label=_("Client secret"),
        required=False,
        strip=True,
        widget=forms.PasswordInput(render_value=False, attrs={"autocomplete": "off"}),
    )

    class Meta:
        model = SignInProvider
        fields = ["kind", "label", "key", "client_id", "secret", "server_url", "tenant", "enabled"]
        labels = {
            "kind": _("Provider"),
            "label": _("Button label"),
            "server_url": _("Issuer URL"),
            "tenant": _("Microsoft tenant"),
            "enabled": _("Show the button on the sign-in page"),
        }
        help_texts = {
            "label": _("The button reads “Sign in with” and this label, e.g. “Clever”."),
            "key": _("Lowercase letters, digits and hyphens; part of the redirect URI."),
            "server_url": _("Clever, ClassLink and other OpenID Connect providers: the issuer."),
            "tenant": _("Microsoft only: your directory (tenant) id."),
        }

    def clean_key(self) -> str:
        key = self.cleaned_data["key"]
        if key in _RESERVED_KEYS:
            raise forms.ValidationError(
                _("“%(key)s” is reserved; choose another key."), params={"key": key}
            )
        return key

    def clean(self):
        data = super().clean() or {}
        kind = data.get("kind")
        server_url = data.get("server_url", "")
        if kind and ProviderKind(kind).is_openid_connect:
            if not server_url:
                self.add_error("server_url", _("An OpenID Connect provider needs its issuer URL."))
            elif urlsplit(server_url).scheme != "https" and urlsplit(server_url).hostname not in {
                "localhost",
                "127.0.0.1",
            }:
                self.add_error("server_url", _("The issuer URL must use https."))
        if not self.instance.pk and not data.get("secret"):
            self.add_error("secret", _("Enter the client secret the provider gave you."))
        return data
