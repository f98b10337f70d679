from django import forms
from django.utils.translation import gettext_lazy as _

from continuum.credentials.verification import MAX_BYTES


class RevokeForm(forms.Form):
    reason = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 2}),
        label=_("Why is this award revoked?"),
        help_text=_("Required. The learner's record keeps the reason, who revoked and when."),
        max_length=2000,
    )


class VerifyForm(forms.Form):
    """A credential to check, pasted or uploaded; both are capped before they are read."""

    credential = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 8, "spellcheck": "false"}),
        label=_("Paste a credential (JSON or JWT)"),
        required=False,
        max_length=MAX_BYTES,
    )
    upload = forms.FileField(label=_("Or upload the credential's file"), required=False)

    def clean(self) -> dict:
        super().clean()
        data = self.cleaned_data
        upload = data.get("upload")
        if upload is not None:
            if upload.size > MAX_BYTES:
                raise forms.ValidationError(
                    _("The file is larger than %(limit)s bytes.") % {"limit": f"{MAX_BYTES:,}"}
                )
            data["text"] = upload.read(MAX_BYTES + 1)
        elif data.get("credential", "").strip():
            data["text"] = data["credential"]
        else:
            raise forms.ValidationError(_("Paste a credential or choose its file."))
        return data
