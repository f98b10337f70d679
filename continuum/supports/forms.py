from django import forms
from django.utils.translation import gettext_lazy as _

from continuum.frameworks.models import FrameworkItem
from continuum.people.models import Section
from continuum.supports.models import Requirement, SupportPlan


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


RULE_CHOICES = [
    ("all_proficient", _("All targets proficient")),
    ("share_proficient", _("A share of the targets proficient, none below a floor")),
    ("named_targets", _("All of these named targets proficient")),
    ("points", _("At least a number of targets proficient (points)")),
]


class _ItemChoice(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj) -> str:
        code = obj.human_coding_scheme or obj.full_statement[:60]
        return f"{code} — {obj.full_statement[:80]} ({obj.get_kind_display()}, {obj.get_learning_area_display()})"


class _SectionChoice(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj) -> str:
        return f"{obj.title} ({obj.school.name})"


class RequirementForm(forms.Form):
    """A requirement and its rule; the service checks what needs the database (areas never
    mixed, the floor within each target's scale, sections of the school)."""

    title = forms.CharField(max_length=200, label=_("Title"))
    school: forms.ModelChoiceField = forms.ModelChoiceField(queryset=None, label=_("School"))
    kind = forms.ChoiceField(
        choices=Requirement.Kind.choices,
        label=_("Kind"),
        help_text=_(
            "Graduation applies to every learner of the school; course credit to the learners "
            "of its sections; a certificate or pathway to learners who chose it and whose "
            "counselor confirmed."
        ),
    )
    starts_on = forms.DateField(widget=DateInput, label=_("Work starts on"))
    due_on = forms.DateField(widget=DateInput, label=_("Due on"))
    competencies = _ItemChoice(
        queryset=FrameworkItem.objects.none(),
        label=_("Competencies or named targets"),
        help_text=_(
            "All academic or all lifelong learning, never both. A competency brings all its "
            "learning targets."
        ),
        widget=forms.SelectMultiple(attrs={"size": 14}),
    )
    sections = _SectionChoice(
        queryset=Section.objects.none(),
        required=False,
        label=_("Sections (course credit only)"),
        widget=forms.CheckboxSelectMultiple,
    )
    rule = forms.ChoiceField(choices=RULE_CHOICES, label=_("Rule"), widget=forms.RadioSelect)
    share = forms.FloatField(
        required=False,
        label=_("Share proficient"),
        help_text=_("For a share rule: more than 0, at most 1 (0.8 is four targets in five)."),
    )
    floor = forms.FloatField(
        required=False,
        label=_("Floor"),
        help_text=_("For a share rule: no target may be below this level."),
    )
    points = forms.FloatField(
        required=False,
        label=_("Points"),
        help_text=_("For a points rule: how many targets must be proficient."),
    )
    reason = forms.CharField(
        required=False,
        max_length=500,
        label=_("Why this change"),
        help_text=_("Kept in the requirement's history."),
    )

    def __init__(self, *args, items=None, schools=None, sections=None, editing=False, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["competencies"].queryset = items  # type: ignore[attr-defined]
        self.fields["sections"].queryset = sections  # type: ignore[attr-defined]
        if editing:
            del self.fields["school"]
            self.fields["reason"].required = True
        else:
            self.fields["school"].queryset = schools  # type: ignore[attr-defined]
            del self.fields["reason"]

    def clean(self):
        data = super().clean() or {}
        rule = data.get("rule")
        if rule == "share_proficient":
            share = data.get("share")
            if share is None or not 0 < share <= 1:
                self.add_error("share", _("The share must be more than 0 and at most 1."))
            if data.get("floor") is None:
                self.add_error("floor", _("Give the floor: the level no target may be below."))
        if rule == "points" and (data.get("points") is None or data["points"] < 1):
            self.add_error("points", _("Give how many targets must be proficient (at least 1)."))
        return data


def requirement_initial(requirement: Requirement) -> dict:
    """The edit form's starting values: the requirement as stored, its rule as offered."""
    parameters = requirement.rule.get("parameters", {})
    return {
        "title": requirement.title,
        "kind": requirement.kind,
        "starts_on": requirement.starts_on,
        "due_on": requirement.due_on,
        "competencies": list(requirement.competencies.all()),
        "sections": list(requirement.sections.all()),
        "rule": requirement.rule_choice,
        "share": parameters.get("share"),
        "floor": parameters.get("floor"),
        "points": parameters.get("points"),
    }


class RetireForm(forms.Form):
    reason = forms.CharField(
        max_length=500,
        label=_("Why retire it"),
        help_text=_("It then applies to no one; it stays readable, with its history."),
    )


class ElectForm(forms.Form):
    why = forms.CharField(
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 2}),
        label=_("Why you choose it (optional)"),
    )


class DecisionForm(forms.Form):
    decision = forms.ChoiceField(
        choices=[("confirm", _("Confirm")), ("decline", _("Decline"))], label=_("Decision")
    )
    note = forms.CharField(
        required=False,
        max_length=1000,
        label=_("Note to the learner"),
        help_text=_("Needed when you decline."),
    )
