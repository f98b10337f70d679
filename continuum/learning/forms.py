"""Forms of the learner's side of evidence: reassessment, proposals and the portfolio.

Forms check the shape of the input; the services check the rules (who, which state,
which scale), so the API and the pages refuse the same things.
"""

from collections.abc import Iterable

from django import forms
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from continuum.evidence.models import Artifact
from continuum.frameworks.models import FrameworkItem, ProficiencyScale
from continuum.frameworks.public import TargetMultipleChoiceField, level_choices
from continuum.learning.models import Proposal
from continuum.learning.services.portfolio import ALLOWED_TYPES, max_bytes
from continuum.learning.services.proposals import DESCRIPTION_MIN_LENGTH
from continuum.learning.services.reassessment import PREPARATION_MIN_LENGTH


class ReassessmentRequestForm(forms.Form):
    preparation = forms.CharField(
        label=_("How did you prepare?"),
        min_length=PREPARATION_MIN_LENGTH,
        widget=forms.Textarea(attrs={"rows": 5}),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Filled in per form, in the reader's language: at import time it froze in English.
        self.fields["preparation"].help_text = _(
            "What you practised, with whom, and what you understand now that you did not "
            "before. At least %(count)d characters."
        ) % {"count": PREPARATION_MIN_LENGTH}


class ScheduleForm(forms.Form):
    scheduled_for = forms.DateTimeField(
        label=_("Date and time of the reassessment"),
        input_formats=["%Y-%m-%dT%H:%M"],
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
    )
    note = forms.CharField(
        label=_("Note for the learner (optional)"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )


class DeclineForm(forms.Form):
    note = forms.CharField(
        label=_("What to do before asking again"),
        help_text=_("Shown to the learner with “not yet approved”."),
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class LevelField(forms.TypedChoiceField):
    def __init__(self, scale: ProficiencyScale | None, **options):
        super().__init__(choices=level_choices(scale), coerce=float, **options)


class CompleteForm(forms.Form):
    feedback = forms.CharField(
        label=_("Feedback"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )

    def __init__(self, data=None, *, scale: ProficiencyScale | None):
        super().__init__(data)
        self.fields["level"] = LevelField(
            scale, label=_("Level shown in the reassessment"), widget=forms.RadioSelect
        )
        self.order_fields(["level", "feedback"])


class ProposalForm(forms.Form):
    way = forms.ChoiceField(
        label=_("How will you show it?"), choices=Proposal.Way.choices, widget=forms.RadioSelect
    )
    description = forms.CharField(
        label=_("Describe your idea"),
        min_length=DESCRIPTION_MIN_LENGTH,
        help_text=_("What you will make or do, and how it shows each level of the target."),
        widget=forms.Textarea(attrs={"rows": 5}),
    )


class ProposalReviewForm(forms.Form):
    decision = forms.ChoiceField(
        label=_("Decision"),
        choices=[("approve", _("Approve")), ("revise", _("Ask for a revision"))],
        widget=forms.RadioSelect,
    )
    note = forms.CharField(
        label=_("Note for the learner"),
        required=False,
        help_text=_("Required when you ask for a revision: say what to change."),
        widget=forms.Textarea(attrs={"rows": 3}),
    )


def _allowed_help() -> str:
    kinds = ", ".join(sorted({ext.lstrip(".").upper() for ext in ALLOWED_TYPES}))
    return str(_("%(kinds)s; up to %(size)d MB.")) % {
        "kinds": kinds,
        "size": max_bytes() // (1024 * 1024),
    }


class TargetChoiceField(TargetMultipleChoiceField):
    separator = " — "


class ArtifactUploadForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=200)
    file = forms.FileField(label=_("File"))
    reflection = forms.CharField(
        label=_("Reflection (optional)"),
        required=False,
        help_text=_("What this work shows about your learning."),
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def __init__(self, data=None, files=None, *, targets: QuerySet[FrameworkItem], initial=None):
        super().__init__(data, files, initial=initial)
        self.fields["file"].help_text = _allowed_help()
        accept = ",".join(sorted(ALLOWED_TYPES))
        self.fields["file"].widget.attrs["accept"] = accept
        self.fields["targets"] = TargetChoiceField(
            queryset=targets,
            label=_("Which learning targets does it show?"),
            widget=forms.CheckboxSelectMultiple,
        )
        self.order_fields(["title", "file", "targets", "reflection"])


class ArtifactValidateForm(forms.Form):
    """One level per linked target; leave a target blank to accept the work for the others."""

    feedback = forms.CharField(
        label=_("Feedback"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )

    def __init__(
        self,
        data=None,
        *,
        artifact: Artifact,
        targets: Iterable[FrameworkItem],
        scales: dict[int, ProficiencyScale | None],
    ):
        super().__init__(data)
        # Fields are numbered in the targets' order, so a form needs no database ids.
        self.targets = {f"level_{n}": target for n, target in enumerate(targets, start=1)}
        for name, target in self.targets.items():
            field = LevelField(
                scales.get(target.pk),
                label=_("Level on %(code)s") % {"code": target.human_coding_scheme},
                required=False,
                empty_value=None,
            )
            field.choices = [
                ("", _("— no level this time —")),
                *level_choices(scales.get(target.pk)),
            ]
            self.fields[name] = field
        self.order_fields([*self.targets, "feedback"])

    def clean(self):
        cleaned = super().clean() or {}
        if not any(cleaned.get(name) is not None for name in self.targets):
            raise forms.ValidationError(_("Give a level on at least one of the work’s targets."))
        return cleaned

    def levels(self) -> dict[FrameworkItem, float]:
        return {
            target: self.cleaned_data[name]
            for name, target in self.targets.items()
            if self.cleaned_data.get(name) is not None
        }


class NoteForm(forms.Form):
    note = forms.CharField(
        label=_("What the work needs"),
        help_text=_("Shown to the learner with the returned work."),
        widget=forms.Textarea(attrs={"rows": 3}),
    )
