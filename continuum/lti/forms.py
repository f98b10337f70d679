from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from continuum.lti.models import GradePassback, Platform
from continuum.lti.services.platforms import PlatformDetails


class PlatformForm(forms.Form):
    """The values the LMS shows once the tool is registered there (docs/integrations.md)."""

    name = forms.CharField(label=_("Name"), max_length=255, help_text=_("e.g. “Canvas”."))
    issuer = forms.CharField(
        label=_("Issuer"), max_length=255, help_text=_("e.g. https://canvas.instructure.com")
    )
    client_id = forms.CharField(label=_("Client id"), max_length=255)
    deployment_ids = forms.CharField(
        label=_("Deployment ids"),
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("One a line: the deployments of the tool in this LMS."),
    )
    auth_url = forms.URLField(label=_("OIDC authorization URL"), max_length=200)
    token_url = forms.URLField(label=_("Access token URL"), max_length=200)
    keyset_url = forms.URLField(label=_("Platform key set (JWKS) URL"), max_length=200)
    frame_origin = forms.URLField(
        label=_("LMS address"),
        help_text=_("The address people open the LMS at; only it may frame Continuum."),
    )
    grade_passback = forms.ChoiceField(
        label=_("Send mastery to the LMS gradebook"),
        choices=GradePassback.choices,
        initial=GradePassback.OFF,
        help_text=_("Only where the school's policy allows it."),
    )

    def clean_deployment_ids(self) -> tuple[str, ...]:
        ids = tuple(
            dict.fromkeys(line.strip() for line in self.cleaned_data["deployment_ids"].split("\n"))
        )
        ids = tuple(i for i in ids if i)
        if not ids:
            raise ValidationError(_("List at least one deployment id."))
        if any(len(i) > 255 for i in ids):
            raise ValidationError(_("A deployment id has at most 255 characters."))
        return ids

    def clean_frame_origin(self) -> str:
        value = self.cleaned_data["frame_origin"]
        scheme, _sep, rest = value.partition("://")
        return f"{scheme}://{rest.split('/', 1)[0]}"

    def details(self) -> PlatformDetails:
        return PlatformDetails(**self.cleaned_data)

    @classmethod
    def initial_for(cls, platform: Platform) -> dict:
        registration = platform.registration
        deployments = registration.deployments.filter(is_active=True).order_by("deployment_id")
        return {
            "name": registration.name,
            "issuer": registration.issuer,
            "client_id": registration.client_id,
            "deployment_ids": "\n".join(d.deployment_id for d in deployments),
            "auth_url": registration.auth_url,
            "token_url": registration.token_url,
            "keyset_url": registration.keyset_url,
            "frame_origin": platform.frame_origin,
            "grade_passback": platform.grade_passback,
        }
