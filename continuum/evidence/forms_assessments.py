"""Forms for writing, aligning, scoring and taking assessments. Rules live in
services/assessments.py; these forms only parse what people type."""

from typing import cast

from django import forms
from django.utils.translation import gettext_lazy as _

from continuum.evidence.models import (
    Alignment,
    AssessmentKind,
    EvidenceKind,
    Question,
    QuestionKind,
)
from continuum.evidence.selectors.assessments import AlignmentView
from continuum.frameworks.models import FrameworkItem
from continuum.people.models import Section


class TargetChoiceField(forms.ModelMultipleChoiceField):
    widget = forms.CheckboxSelectMultiple

    def label_from_instance(self, obj: FrameworkItem) -> str:
        return str(obj)


class AlignmentChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: Alignment) -> str:
        return str(obj.target)


class AssessmentForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=200)
    description = forms.CharField(
        label=_("Description"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    kind = forms.ChoiceField(label=_("Kind of assessment"), choices=AssessmentKind.choices)
    evidence_kind = forms.ChoiceField(
        label=_("Counts as"),
        required=False,
        choices=[("", _("The usual for its kind")), *EvidenceKind.choices],
        help_text=_(
            "Formative checks, observations and conversations usually count as formative "
            "evidence; everything else as summative."
        ),
    )
    section = forms.ModelChoiceField(label=_("Section"), queryset=Section.objects.none())
    targets = TargetChoiceField(
        label=_("Learning targets"), queryset=FrameworkItem.objects.none(), required=True
    )
    weight = forms.FloatField(
        label=_("Weight of each target"), initial=1.0, min_value=0, help_text=_("Usually 1.")
    )
    due_on = forms.DateField(
        label=_("Due date"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )

    def __init__(self, data=None, *, sections, targets, section_required: bool):
        super().__init__(data)
        section = cast(forms.ModelChoiceField, self.fields["section"])
        section.queryset, section.required = sections, section_required
        cast(TargetChoiceField, self.fields["targets"]).queryset = targets
        self.fields["targets"].error_messages["required"] = _("Choose at least one target.")


class AlignmentsForm(forms.Form):
    """Weight, due date, rubric text per level and "remove" for each alignment, plus
    targets to add."""

    add_targets = TargetChoiceField(
        label=_("Add targets"), queryset=FrameworkItem.objects.none(), required=False
    )

    def __init__(self, data=None, *, views: list[AlignmentView], addable):
        super().__init__(data)
        self.views = views
        cast(TargetChoiceField, self.fields["add_targets"]).queryset = addable
        for view in views:
            a = view.alignment
            code = a.target.human_coding_scheme
            self.fields[f"weight_{a.pk}"] = forms.FloatField(
                label=_("Weight"), initial=a.weight, min_value=0
            )
            self.fields[f"due_{a.pk}"] = forms.DateField(
                label=_("Due date"),
                required=False,
                initial=a.due_on,
                widget=forms.DateInput(attrs={"type": "date"}),
            )
            for level in view.levels:
                self.fields[f"rubric_{a.pk}_{level.key}"] = forms.CharField(
                    label=f"{level.key} {level.name}",
                    required=False,
                    initial=a.rubric.get(level.key, ""),
                    widget=forms.Textarea(
                        attrs={"rows": 2, "placeholder": "" if level.own else level.text}
                    ),
                )
            self.fields[f"remove_{a.pk}"] = forms.BooleanField(
                label=_("Remove %(code)s from this assessment") % {"code": code}, required=False
            )

    def rows(self):
        for view in self.views:
            pk = view.alignment.pk
            yield {
                "view": view,
                "weight": self[f"weight_{pk}"],
                "due": self[f"due_{pk}"],
                "rubric": [self[f"rubric_{pk}_{level.key}"] for level in view.levels],
                "remove": self[f"remove_{pk}"],
            }


class QuestionForm(forms.Form):
    alignment = AlignmentChoiceField(label=_("Learning target"), queryset=Alignment.objects.none())
    kind = forms.ChoiceField(
        label=_("Kind of question"), choices=QuestionKind.choices, widget=forms.RadioSelect
    )
    prompt = forms.CharField(label=_("Question"), widget=forms.Textarea(attrs={"rows": 3}))
    choices = forms.CharField(
        label=_("Choices (multiple choice)"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("One choice per line."),
    )
    answer = forms.CharField(
        label=_("Right answer"),
        max_length=200,
        help_text=_("For multiple choice, copy the right choice exactly."),
    )
    tolerance = forms.FloatField(
        label=_("Tolerance (numeric)"),
        required=False,
        min_value=0,
        initial=0,
        help_text=_("Answers within ± this much count as right."),
    )

    def __init__(self, data=None, *, alignments):
        super().__init__(data)
        cast(AlignmentChoiceField, self.fields["alignment"]).queryset = alignments


class TakeForm(forms.Form):
    """One field per question: radio buttons for multiple choice, a text box for numbers."""

    def __init__(self, data=None, *, questions: list[Question]):
        super().__init__(data)
        self.questions = questions
        for number, question in enumerate(questions, start=1):
            label = _("Question %(number)s") % {"number": number}
            if question.kind == QuestionKind.MULTIPLE_CHOICE:
                self.fields[f"q_{question.pk}"] = forms.ChoiceField(
                    label=label,
                    choices=[(c, c) for c in question.choices],
                    widget=forms.RadioSelect,
                    error_messages={"required": _("Choose an answer.")},
                )
            else:
                self.fields[f"q_{question.pk}"] = forms.CharField(
                    label=label,
                    max_length=50,
                    widget=forms.TextInput(attrs={"inputmode": "decimal", "autocomplete": "off"}),
                    error_messages={"required": _("Type a number.")},
                )

    def items(self):
        for question in self.questions:
            yield question, self[f"q_{question.pk}"]

    def answers(self) -> dict[int, str]:
        return {q.pk: self.cleaned_data[f"q_{q.pk}"] for q in self.questions}
