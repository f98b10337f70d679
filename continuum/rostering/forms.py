"""The OneRoster package upload."""

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _


class PackageUploadForm(forms.Form):
    package = forms.FileField(
        label=_("OneRoster CSV package"),
        help_text=_("The .zip your student information system exports (OneRoster 1.1 or 1.2)."),
        widget=forms.ClearableFileInput(attrs={"accept": ".zip,application/zip"}),
    )

    def clean_package(self):
        upload = self.cleaned_data["package"]
        if upload.size > settings.CONTINUUM_ONEROSTER_MAX_BYTES:
            raise forms.ValidationError(_("The package is larger than this server accepts."))
        return upload
