from django import forms
from django.utils.translation import gettext_lazy as _

from continuum.people.models import Organization
from continuum.xapi.services import district_educators


class ClientForm(forms.Form):
    name = forms.CharField(
        label=_("Name"),
        max_length=100,
        help_text=_("Which system will send statements, e.g. “Moodle, Maple Grove”."),
    )
    scorer: forms.ModelChoiceField = forms.ModelChoiceField(
        label=_("Record evidence as"),
        queryset=None,
        help_text=_("Only this educator's learners' statements become evidence."),
    )

    def __init__(self, *args, district: Organization, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["scorer"].queryset = district_educators(district).order_by(  # type: ignore[attr-defined]
            "last_name", "first_name"
        )
