"""Forms: withdrawing an issued transcript, and a new version of the conversion table."""

from django import forms
from django.utils.translation import gettext_lazy as _


class RevokeForm(forms.Form):
    reason = forms.CharField(label=_("Why is it withdrawn?"), max_length=1000)


class ConversionForm(forms.Form):
    rows = forms.CharField(
        label=_("Table"),
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=_("One row a line: “proficient = B 3.0”, or a level range “3.5-4 = A 4.0”."),
    )
    effective_from = forms.DateField(
        label=_("Effective from"), widget=forms.DateInput(attrs={"type": "date"})
    )
    reason = forms.CharField(label=_("Why does the table change?"), max_length=1000)
