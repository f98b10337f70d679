from django import forms
from django.utils.translation import gettext_lazy as _

from continuum.notifications.models import Kind


class PreferencesForm(forms.Form):
    """Two checkboxes per kind of notice: in the app, by email."""

    def __init__(self, *args, initial_choices: dict[str, tuple[bool, bool]], **kwargs):
        super().__init__(*args, **kwargs)
        for kind, label in Kind.choices:
            in_app, email = initial_choices[kind]
            self.fields[f"{kind}_in_app"] = forms.BooleanField(
                required=False, initial=in_app, label=_("%(kind)s: in Continuum") % {"kind": label}
            )
            self.fields[f"{kind}_email"] = forms.BooleanField(
                required=False, initial=email, label=_("%(kind)s: by email") % {"kind": label}
            )

    def rows(self):
        for kind, label in Kind.choices:
            yield label, self[f"{kind}_in_app"], self[f"{kind}_email"]

    def choices(self) -> dict[str, tuple[bool, bool]]:
        data = self.cleaned_data
        return {kind: (data[f"{kind}_in_app"], data[f"{kind}_email"]) for kind in Kind.values}
