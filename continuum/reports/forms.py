"""Forms: a reporting period, a work habit, and an educator's observations for a period."""

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from continuum.people.models import Section
from continuum.reports.models import HabitRating, ReportingPeriod, WorkHabit


class PeriodForm(forms.Form):
    name = forms.CharField(label=_("Name"), max_length=100)
    starts_on = forms.DateField(
        label=_("Starts on"), widget=forms.DateInput(attrs={"type": "date"})
    )
    ends_on = forms.DateField(label=_("Ends on"), widget=forms.DateInput(attrs={"type": "date"}))


class HabitForm(forms.Form):
    name = forms.CharField(label=_("Work habit"), max_length=100)


class ObservationsForm(forms.Form):
    """One rating and note per work habit of the school, then the comment and next steps."""

    comment = forms.CharField(label=_("Comment"), required=False, widget=forms.Textarea)
    next_steps = forms.CharField(label=_("Next steps"), required=False, widget=forms.Textarea)

    def __init__(self, *args, habits: list[WorkHabit], **kwargs):
        super().__init__(*args, **kwargs)
        self.habits = habits
        choices = [("", _("not rated")), *HabitRating.choices]
        for habit in habits:
            self.fields[f"rating_{habit.pk}"] = forms.TypedChoiceField(
                label=habit.name, choices=choices, required=False, coerce=int, empty_value=None
            )
            self.fields[f"note_{habit.pk}"] = forms.CharField(
                label=_("Note on “%(habit)s”") % {"habit": habit.name},
                required=False,
                max_length=1000,
            )

    def habit_rows(self) -> list[tuple[forms.BoundField, forms.BoundField]]:
        return [(self[f"rating_{h.pk}"], self[f"note_{h.pk}"]) for h in self.habits]

    def ratings(self) -> dict[int, tuple[int | None, str]]:
        data = self.cleaned_data
        return {h.pk: (data[f"rating_{h.pk}"], data[f"note_{h.pk}"]) for h in self.habits}


class BatchForm(forms.Form):
    """A batch: the period, the language, and a section (for a leader, none is the whole
    school; an educator picks one of their sections)."""

    period = forms.ModelChoiceField(
        label=_("Reporting period"), queryset=ReportingPeriod.objects.none()
    )
    section = forms.ModelChoiceField(label=_("Section"), queryset=Section.objects.none())
    language = forms.ChoiceField(label=_("Language"), choices=settings.LANGUAGES)

    def __init__(self, *args, periods, sections, whole_school: bool, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["period"].queryset = periods  # type: ignore[attr-defined]
        section = self.fields["section"]
        section.queryset = sections  # type: ignore[attr-defined]
        section.required = not whole_school
        if whole_school:
            section.empty_label = _("The whole school")  # type: ignore[attr-defined]
