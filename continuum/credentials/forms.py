from django import forms
from django.utils.translation import gettext_lazy as _


class RevokeForm(forms.Form):
    reason = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 2}),
        label=_("Why is this award revoked?"),
        help_text=_("Required. The learner's record keeps the reason, who revoked and when."),
        max_length=2000,
    )
