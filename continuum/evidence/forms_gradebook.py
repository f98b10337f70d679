"""Forms of the gradebook: an override with its reason, and scoring a class on a target."""

from django import forms
from django.utils.translation import gettext_lazy as _

from continuum.evidence.models import EvidenceKind, EvidenceSource
from continuum.frameworks.models import ProficiencyScale
from continuum.frameworks.public import level_choices
from continuum.people.models import User

CLEAR = "clear"


class OverrideForm(forms.Form):
    level = forms.ChoiceField(label=_("Level to show instead"))
    # simple-history keeps change reasons in a 100-character column.
    reason = forms.CharField(
        label=_("Reason for the override"),
        max_length=100,
        help_text=_("Shown with the override and kept in the audit log."),
        widget=forms.TextInput(),
    )

    def __init__(self, data=None, *, scale: ProficiencyScale | None, overridden: bool):
        super().__init__(data)
        # A blank first choice, so no level is ever preselected: the educator chooses one.
        choices = [("", str(_("— choose a level —"))), *level_choices(scale)]
        if overridden:
            choices.append((CLEAR, str(_("Remove the override (show the calculated estimate)"))))
        self.fields["level"].choices = choices  # type: ignore[attr-defined]

    def level_value(self) -> float | None:
        value = self.cleaned_data["level"]
        return None if value == CLEAR else float(value)


class ClassScoreForm(forms.Form):
    """One level and feedback per learner (blank skips the learner), all recorded
    together. "Set all to" fills every row left blank, never a row already chosen."""

    kind = forms.ChoiceField(
        label=_("Kind of evidence"), choices=EvidenceKind.choices, initial=EvidenceKind.FORMATIVE
    )
    source = forms.ChoiceField(
        label=_("Source"),
        choices=[
            (EvidenceSource.ASSESSMENT.value, EvidenceSource.ASSESSMENT.label),
            (EvidenceSource.OBSERVATION.value, EvidenceSource.OBSERVATION.label),
        ],
    )
    set_all = forms.ChoiceField(
        label=_("Set every empty row to"),
        required=False,
        help_text=_("Rows where you chose a level keep it."),
    )

    def __init__(self, data=None, *, learners: list[User], scale: ProficiencyScale | None):
        super().__init__(data)
        choices = [
            *level_choices(scale),
            ("m", str(_("Missing"))),
            ("e", str(_("Excused"))),
        ]
        self.fields["set_all"].choices = [("", str(_("— leave them empty —"))), *choices]  # type: ignore[attr-defined]
        self.learners = learners
        for learner in learners:
            self.fields[self.field_name(learner)] = forms.ChoiceField(
                label=str(learner), choices=[("", str(_("— skip —"))), *choices], required=False
            )
            self.fields[self.feedback_name(learner)] = forms.CharField(
                label=_("Feedback for %(name)s") % {"name": learner.display_name},
                required=False,
                widget=forms.Textarea(attrs={"rows": 1}),
            )

    @staticmethod
    def field_name(learner: User) -> str:
        return f"learner_{learner.pk}"

    @staticmethod
    def feedback_name(learner: User) -> str:
        return f"feedback_{learner.pk}"

    def learner_fields(self):
        return [
            (learner, self[self.field_name(learner)], self[self.feedback_name(learner)])
            for learner in self.learners
        ]

    def entries(self) -> dict[User, str]:
        """Each learner's choice; a blank row takes "set all" when one was chosen."""
        fill = self.cleaned_data.get("set_all") or ""
        return {
            learner: self.cleaned_data.get(self.field_name(learner)) or fill
            for learner in self.learners
        }

    def feedback(self) -> dict[User, str]:
        return {
            learner: self.cleaned_data.get(self.feedback_name(learner)) or ""
            for learner in self.learners
        }
