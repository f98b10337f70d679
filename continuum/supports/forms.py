from django import forms
from django.utils.translation import gettext_lazy as _

from continuum.frameworks.models import FrameworkItem
from continuum.supports.models import SupportPlan


class DateInput(forms.DateInput):
    input_type = "date"


class PlanForm(forms.Form):
    tier = forms.TypedChoiceField(choices=SupportPlan.Tier.choices, coerce=int, label=_("Tier"))
    concern = forms.CharField(widget=forms.Textarea(attrs={"rows": 3}), label=_("Concern"))
    goal = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 2}),
        label=_("Goal"),
        help_text=_("What success looks like, and by when."),
    )
    targets = forms.ModelMultipleChoiceField(
        queryset=FrameworkItem.objects.none(),
        required=False,
        label=_("Targets"),
        widget=forms.CheckboxSelectMultiple,
    )
    review_on = forms.DateField(widget=DateInput, label=_("Review date"))

    def __init__(self, *args, targets=None, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields["targets"]
        assert isinstance(field, forms.ModelMultipleChoiceField)
        field.queryset = targets if targets is not None else FrameworkItem.objects.none()


class ReviewForm(forms.Form):
    review_on = forms.DateField(widget=DateInput, label=_("Next review date"))
    outcome = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 2}), required=False, label=_("Outcome")
    )
    close = forms.BooleanField(required=False, label=_("Close the plan"))
    shared_with_family = forms.BooleanField(required=False, label=_("Share with the family"))
    family_summary = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
        label=_("Summary for the family"),
        help_text=_("Plain language, no jargon: what we noticed, what we will do, how to help."),
    )


class ActionForm(forms.Form):
    description = forms.CharField(max_length=500, label=_("What will be done"))
    owner: forms.ModelChoiceField = forms.ModelChoiceField(queryset=None, label=_("Owner"))
    due_on = forms.DateField(widget=DateInput, label=_("Due"))

    def __init__(self, *args, owners=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["owner"].queryset = owners  # type: ignore[attr-defined]


class NoteForm(forms.Form):
    text = forms.CharField(widget=forms.Textarea(attrs={"rows": 3}), label=_("Progress note"))


class FlagForm(forms.Form):
    state = forms.ChoiceField(choices=[("acknowledged", "acknowledged"), ("resolved", "resolved")])
    note = forms.CharField(required=False, max_length=1000, label=_("Note"))
