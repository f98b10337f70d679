"""A district's sign-in: its identity providers, whether local passwords still work, whether
staff must use a second factor, and the audit of every refused single sign-on.

Providers live here rather than in allauth's ``SocialApp`` because each one belongs to a
district (allauth's apps belong to sites), its secret is stored encrypted (``SocialApp``
keeps it in clear) and matching needs to know which district's roster to search; the
allauth adapter turns each row into an unsaved ``SocialApp`` (``adapter.py``).
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from continuum.people.models import Organization


class ProviderKind(models.TextChoices):
    GOOGLE = "google", "Google"
    MICROSOFT = "microsoft", "Microsoft"
    CLEVER = "clever", "Clever"
    CLASSLINK = "classlink", "ClassLink"
    OIDC = "oidc", _("Other OpenID Connect provider")

    @property
    def is_openid_connect(self) -> bool:
        """Clever, ClassLink and any other provider go through allauth's generic OIDC one."""
        return self not in (ProviderKind.GOOGLE, ProviderKind.MICROSOFT)


class SignInSettings(models.Model):
    """How a district's people sign in. A district without a row keeps the defaults:
    passwords on, MFA optional (so the demo school signs in as it always did)."""

    district = models.OneToOneField(
        Organization, on_delete=models.CASCADE, related_name="sign_in_settings"
    )
    passwords_enabled = models.BooleanField(
        _("local passwords"),
        default=True,
        help_text=_("Off: the district's people sign in only through its providers."),
    )
    staff_mfa_required = models.BooleanField(
        _("staff must use a second factor"),
        default=False,
        help_text=_("Staff who have not set up an authenticator app are asked to at sign-in."),
    )

    def __str__(self) -> str:
        return f"sign-in of {self.district}"


class SignInProvider(models.Model):
    """One identity provider a district's people may sign in with."""

    district = models.ForeignKey(
        Organization, on_delete=models.CASCADE, related_name="sign_in_providers"
    )
    kind = models.CharField(max_length=16, choices=ProviderKind.choices)
    # Part of the redirect URI of OpenID Connect providers, unique across districts.
    key = models.SlugField(max_length=60, unique=True)
    label = models.CharField(max_length=80)
    client_id = models.CharField(max_length=255)
    # Fernet token of the client secret (services.secret_encrypt); never shown back.
    secret_encrypted = models.TextField()
    # The issuer for OpenID Connect kinds (its discovery document is fetched from it).
    server_url = models.URLField(blank=True)
    # Microsoft Entra: the directory (tenant) id, or "organizations".
    tenant = models.CharField(max_length=100, blank=True)
    enabled = models.BooleanField(default=True)

    class Meta:
        ordering = ["district_id", "label"]

    def __str__(self) -> str:
        return self.label

    @property
    def allauth_provider(self) -> str:
        """The id allauth knows this provider by (and stores on its social accounts)."""
        return self.key if ProviderKind(self.kind).is_openid_connect else self.kind


class SignInAttempt(models.Model):
    """A single sign-on that was refused (or accepted for the first time), for the district's
    audit: who the provider said it was and why Continuum said no."""

    class Outcome(models.TextChoices):
        MATCHED = "matched", _("Matched to a rostered person")
        NOT_IN_ROSTER = "not_in_roster", _("Not in the roster")
        UNVERIFIED_EMAIL = "unverified_email", _("Email not verified by the provider")
        AMBIGUOUS = "ambiguous", _("More than one person matched")
        OTHER_DISTRICT = "other_district", _("Linked to a person of another district")
        INACTIVE = "inactive", _("Linked to a deactivated person")

    district = models.ForeignKey(Organization, on_delete=models.CASCADE, related_name="+")
    provider = models.ForeignKey(
        SignInProvider, null=True, on_delete=models.SET_NULL, related_name="attempts"
    )
    at = models.DateTimeField(auto_now_add=True)
    outcome = models.CharField(max_length=20, choices=Outcome.choices)
    subject = models.CharField(max_length=255, help_text=_("The provider's id for the person"))
    email = models.CharField(max_length=254, blank=True)
    # A matched attempt goes with its person (a learner's deletion leaves no email here).
    person = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.CASCADE, related_name="+"
    )

    class Meta:
        ordering = ["-at", "-pk"]

    def __str__(self) -> str:
        return f"{self.outcome} {self.subject}"
