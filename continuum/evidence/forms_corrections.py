"""The form that corrects a recorded score. It checks the shape of the input;
``services.recording.evidence_update`` checks the rules (scale, bounds, the scorer's
right), so its field-keyed refusals land on the fields of the same names here."""

from datetime import datetime

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from continuum.evidence.models import Evidence, EvidenceKind, Mark
from continuum.evidence.services.recording import MAX_WEIGHT
from continuum.frameworks.models import ProficiencyScale
from continuum.frameworks.public import level_choices


class CorrectionForm(forms.Form):
    mark = forms.ChoiceField(label=_("Mark"), choices=Mark.choices, widget=forms.RadioSelect)
    level = forms.TypedChoiceField(
        label=_("Level"),
        coerce=float,
        required=False,
        empty_value=None,
        help_text=_(
            "For a scored piece of evidence; leave it empty for missing, excused or withdrawn."
        ),
    )
    kind = forms.ChoiceField(label=_("Kind of evidence"), choices=EvidenceKind.choices)
    weight = forms.FloatField(
        label=_("Weight"),
        min_value=0,
        max_value=MAX_WEIGHT,
        help_text=_("How much it counts beside other evidence; 0 leaves it out."),
    )
    assessed_at = forms.DateField(
        label=_("Date assessed"), widget=forms.DateInput(attrs={"type": "date"})
    )
    feedback = forms.CharField(
        label=_("Feedback"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    reason = forms.CharField(
        label=_("Reason for the correction"),
        max_length=300,
        help_text=_(
            "Required. Shown with the correction to the learner and their family, and kept "
            "in the audit log."
        ),
        widget=forms.Textarea(attrs={"rows": 2}),
    )

    def __init__(self, data=None, *, evidence: Evidence, scale: ProficiencyScale | None):
        self.evidence = evidence
        initial = {
            "mark": evidence.mark,
            "level": f"{evidence.level:g}" if evidence.level is not None else "",
            "kind": evidence.kind,
            "weight": evidence.weight,
            "assessed_at": timezone.localtime(evidence.assessed_at).date(),
            "feedback": evidence.feedback,
        }
        super().__init__(data, initial=initial)
        self.fields["level"].choices = [  # type: ignore[attr-defined]
            ("", _("— no level —")),
            *level_choices(scale),
        ]

    def clean(self):
        cleaned = super().clean() or {}
        if cleaned.get("mark") == Mark.SCORED and cleaned.get("level") is None:
            self.add_error("level", _("Scored evidence needs a level."))
        elif cleaned.get("mark") in (Mark.MISSING, Mark.EXCUSED, Mark.WITHDRAWN):
            cleaned["level"] = None  # these marks have no level, whatever was picked
        return cleaned

    def moment(self) -> datetime:
        """The recorded moment when the day is unchanged, else the new day at the recorded
        time of day (the form asks for a day; the evidence keeps a moment)."""
        recorded = timezone.localtime(self.evidence.assessed_at)
        day = self.cleaned_data["assessed_at"]
        if day == recorded.date():
            return self.evidence.assessed_at
        return timezone.make_aware(datetime.combine(day, recorded.time().replace(tzinfo=None)))

    def values(self) -> dict:
        """The keyword arguments of ``evidence_update`` (besides the evidence and who)."""
        data = self.cleaned_data
        return {
            "mark": data["mark"],
            "level": data["level"],
            "kind": data["kind"],
            "weight": data["weight"],
            "assessed_at": self.moment(),
            "feedback": data["feedback"],
            "reason": data["reason"],
        }
