"""The CASE import form: a file or a URL, not both."""

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _


class CaseImportForm(forms.Form):
    file = forms.FileField(
        required=False,
        label=_("CASE package file (.json)"),
        help_text=_("One CFPackage or a JSON array of them."),
    )
    url = forms.URLField(
        required=False,
        label=_("or the package's URL"),
        assume_scheme="https",
        help_text=_("For example https://…/ims/case/v1p1/CFPackages/<identifier>"),
    )
    keep_first = forms.BooleanField(
        required=False,
        label=_("Keep the first of repeated identifiers"),
        help_text=_("Some published packages list one identifier twice with different content."),
    )

    def clean(self) -> dict:
        data = super().clean() or {}
        upload, url = data.get("file"), data.get("url")
        if bool(upload) == bool(url):
            raise forms.ValidationError(_("Choose a file or give a URL (one of them)."))
        data["payload"] = ""
        if upload:
            if upload.size > settings.DATA_UPLOAD_MAX_MEMORY_SIZE:
                raise forms.ValidationError(_("The file is larger than the upload limit."))
            try:
                data["payload"] = upload.read().decode("utf-8-sig")
            except UnicodeDecodeError as error:
                raise forms.ValidationError(_("The file is not UTF-8 text.")) from error
        return data

    def source(self) -> str:
        upload = self.cleaned_data["file"]
        return upload.name if upload else self.cleaned_data["url"]
