"""Forms for the integrations pages: a scores CSV upload and a new API token's name."""

from django import forms
from django.utils.translation import gettext_lazy as _

from continuum.integrations.services.csv_import import MAX_BYTES


class ScoresUploadForm(forms.Form):
    file = forms.FileField(
        label=_("Scores CSV"),
        help_text=_("UTF-8 CSV with the template's columns; at most 2 MB and 5,000 lines."),
        widget=forms.ClearableFileInput(attrs={"accept": ".csv,text/csv"}),
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > MAX_BYTES:
            raise forms.ValidationError(_("The file is larger than 2 MB; split it."))
        return upload


class TokenForm(forms.Form):
    name = forms.CharField(
        label=_("Token name"),
        max_length=100,
        help_text=_("Which integration uses it, e.g. “Quiz app”."),
    )
