"""Forms for pathways pages. Lists of tags are typed as comma-separated text."""

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from continuum.frameworks.models import FrameworkItem
from continuum.frameworks.public import (
    TARGET_ORDER,
    TargetChoiceField,
    TargetMultipleChoiceField,
)
from continuum.lib.uris import validate_safe_uri
from continuum.pathways.models import CheckIn, LearningExperience


class TagsField(forms.CharField):
    """Comma-separated tags in, a list of tags out."""

    def prepare_value(self, value):
        return ", ".join(value) if isinstance(value, list) else value

    def to_python(self, value):
        text = super().to_python(value) or ""
        return [part.strip() for part in text.split(",") if part.strip()]


class TargetChoice(TargetChoiceField):
    length = 90


class TargetChoices(TargetMultipleChoiceField):
    length = 90


def _area(rows: int = 3) -> forms.Textarea:
    """A box for text people type, marked as the school's language (as ``typed`` marks it
    on the pages): a screen reader reads a learner's saved words in the right voice."""
    return forms.Textarea(attrs={"rows": rows, "lang": settings.LANGUAGE_CODE})


def _typed_choice() -> forms.Select:
    """A list of things the school named (its learning experiences), in its language."""
    return forms.Select(attrs={"lang": settings.LANGUAGE_CODE})


class ProfileForm(forms.Form):
    strengths = forms.CharField(label=_("Strengths"), required=False, widget=_area())
    needs = forms.CharField(label=_("What I need help with"), required=False, widget=_area())
    interests = TagsField(
        label=_("Interests"), required=False, help_text=_("Separate with commas: music, soccer")
    )
    aspirations = forms.CharField(
        label=_("Aspirations: my future self"),
        required=False,
        widget=_area(),
        help_text=_("Careers, college, CTE pathways you are curious about."),
    )
    preferred_ways = TagsField(
        label=_("Preferred ways to show learning"),
        required=False,
        help_text=_("For example: project, performance, artifact, conversation, test"),
    )
    languages = TagsField(label=_("Languages"), required=False, help_text=_("Separate with commas"))


class AccommodationsForm(forms.Form):
    accommodations = forms.CharField(
        label=_("Accommodations (educators and counselor only)"), required=False, widget=_area()
    )


class GoalForm(forms.Form):
    title = forms.CharField(label=_("My goal"), max_length=200)
    targets = TargetChoices(
        label=_("Learning targets"),
        queryset=FrameworkItem.objects.none(),
        widget=forms.SelectMultiple(attrs={"size": 6}),
    )
    by_when = forms.DateField(label=_("By when"), widget=forms.DateInput(attrs={"type": "date"}))
    how = forms.CharField(label=_("How I will get there"), required=False, widget=_area())

    def __init__(self, *args, targets=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["targets"].queryset = FrameworkItem.objects.filter(  # type: ignore[attr-defined]
            pk__in=[t.pk for t in targets]
        ).order_by(*TARGET_ORDER)


class CommentForm(forms.Form):
    text = forms.CharField(label=_("Comment"), widget=_area())


class CheckInForm(forms.Form):
    progress = forms.ChoiceField(label=_("Progress"), choices=CheckIn.Progress.choices)
    on = forms.DateField(label=_("Date"), widget=forms.DateInput(attrs={"type": "date"}))
    note = forms.CharField(label=_("Note"), widget=_area())


class PlanItemAddForm(forms.Form):
    target = TargetChoice(label=_("Learning target"), queryset=FrameworkItem.objects.none())
    experience = forms.ModelChoiceField(
        label=_("Learning experience (optional)"),
        queryset=LearningExperience.objects.filter(active=True),
        required=False,
        widget=_typed_choice(),
    )
    due_on = forms.DateField(
        label=_("Due on (optional)"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
    )

    def __init__(self, *args, targets=(), experiences=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["target"].queryset = FrameworkItem.objects.filter(  # type: ignore[attr-defined]
            pk__in=[t.pk for t in targets]
        ).order_by(*TARGET_ORDER)
        _offer_only(self, experiences)


class PlanItemScheduleForm(forms.Form):
    due_on = forms.DateField(
        label=_("Due on"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    experience = forms.ModelChoiceField(
        label=_("Learning experience"),
        queryset=LearningExperience.objects.filter(active=True),
        required=False,
    )

    def __init__(self, *args, experiences=None, **kwargs):
        super().__init__(*args, **kwargs)
        _offer_only(self, experiences)


def _offer_only(form: forms.Form, experiences) -> None:
    """Offer only the experiences of the learner's districts (decision 0009): another
    district's catalog is neither listed nor accepted."""
    if experiences is not None:
        form.fields["experience"].queryset = experiences.filter(active=True)  # type: ignore[attr-defined]


class ExperienceForm(forms.ModelForm):
    interests = TagsField(
        label=_("Interests it fits"), required=False, help_text=_("Separate with commas")
    )
    targets = TargetChoices(
        label=_("Learning targets it serves"),
        queryset=FrameworkItem.objects.filter(kind="target"),
        required=False,
        widget=forms.SelectMultiple(attrs={"size": 8}),
    )

    def __init__(self, *args, targets=None, **kwargs):
        super().__init__(*args, **kwargs)
        if targets is not None:  # the curator's readable frameworks' targets (decision 0009)
            self.fields["targets"].queryset = targets  # type: ignore[attr-defined]

    class Meta:
        model = LearningExperience
        fields = ["title", "description", "kind", "setting", "modality", "url", "active"]
        widgets = {"description": _area(4)}

    def clean_url(self) -> str:
        """Only http(s): the link is shown to learners and families (no javascript: or ftp:)."""
        url = self.cleaned_data["url"]
        if url:
            validate_safe_uri(url)
        return url
