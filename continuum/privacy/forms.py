from django import forms
from django.utils.translation import gettext_lazy as _

from continuum.privacy.models import Via


class DisclosureFilterForm(forms.Form):
    learner = forms.CharField(label=_("Learner (username)"), required=False, max_length=150)
    actor = forms.CharField(label=_("Read by (username)"), required=False, max_length=150)
    since = forms.DateField(
        label=_("From"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    until = forms.DateField(
        label=_("To"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    via = forms.ChoiceField(
        label=_("How"), required=False, choices=[("", _("Any way")), *Via.choices]
    )

    def clean(self):
        cleaned = super().clean() or {}
        since, until = cleaned.get("since"), cleaned.get("until")
        if since and until and since > until:
            raise forms.ValidationError(_("“From” must not be after “To”."))
        return cleaned


class LearnerExportForm(forms.Form):
    reason = forms.CharField(
        label=_("Why is this export made?"),
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Kept in the record of disclosures, e.g. “Parent’s request of 2 May”."),
    )


class LearnerDeleteForm(forms.Form):
    reason = forms.CharField(
        label=_("Why is this learner deleted?"),
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    confirm = forms.CharField(label=_("Type the learner’s username to confirm"), max_length=150)

    def __init__(self, *args, username: str, **kwargs):
        super().__init__(*args, **kwargs)
        self.username = username

    def clean_confirm(self) -> str:
        typed = self.cleaned_data["confirm"].strip()
        if typed != self.username:
            raise forms.ValidationError(_("That is not this learner’s username."))
        return typed
