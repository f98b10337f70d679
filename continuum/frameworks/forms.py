"""Forms of the continuum browser. Every edit asks why: the reason goes into the history."""

from typing import cast

from django import forms
from django.conf import settings
from django.utils.translation import get_language_info
from django.utils.translation import gettext_lazy as _

from continuum.frameworks import scales, selectors, translations
from continuum.frameworks.models import (
    Framework,
    FrameworkItem,
    FrameworkVersion,
    LearningArea,
    TranslatedField,
)


class ReasonForm(forms.Form):
    # simple-history keeps change reasons in a 100-character column.
    reason = forms.CharField(
        label=_("Reason for the change"),
        max_length=100,
        help_text=_(
            "A short note kept in the history, e.g. “Clarified wording after calibration”."
        ),
    )


class ItemForm(ReasonForm):
    human_coding_scheme = forms.CharField(label=_("Code"), max_length=200, required=False)
    full_statement = forms.CharField(
        label=_("Full statement"), widget=forms.Textarea(attrs={"rows": 3})
    )
    abbreviated_statement = forms.CharField(
        label=_("Short statement"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    learner_statement = forms.CharField(
        label=_("“I can” statement"),
        required=False,
        help_text=_("What learners and families read, e.g. “I can find equivalent ratios”."),
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    learning_area = forms.ChoiceField(label=_("Learning area"), choices=LearningArea.choices)

    field_order = [
        "human_coding_scheme",
        "full_statement",
        "abbreviated_statement",
        "learner_statement",
        "learning_area",
        "reason",
    ]

    def __init__(self, data=None, *, item: FrameworkItem):
        initial = {name: getattr(item, name) for name in self.field_order if name != "reason"}
        super().__init__(data, initial=initial)
        self.translated: dict[str, tuple[str, str]] = {}  # form field → (language, field)
        saved = translations.item_translations_get(item)
        source = translations.base_language(item.version.language)
        for code, _name in settings.LANGUAGES:
            if code == source:
                continue
            name = get_language_info(code)["name_translated"]
            for field, label in (
                (TranslatedField.LEARNER_STATEMENT, _("“I can” statement in %(language)s")),
                (TranslatedField.FULL_STATEMENT, _("Full statement in %(language)s")),
            ):
                key = f"{field}_{code}"
                self.translated[key] = (code, field)
                self.fields[key] = forms.CharField(
                    label=label % {"language": name},
                    required=False,
                    initial=saved.get((code, field), ""),
                    help_text=_("Shown to readers of this language; empty: none."),
                    widget=forms.Textarea(attrs={"rows": 2, "lang": code}),
                )
        self.order_fields([*self.field_order[:-1], *self.translated, "reason"])

    def clean(self):
        cleaned = super().clean() or {}
        texts: dict[str, dict[str, str]] = {}
        for key, (language, field) in self.translated.items():
            texts.setdefault(language, {})[field] = cleaned.pop(key, "") or ""
        cleaned["translations"] = texts
        return cleaned


class DescriptorForm(ReasonForm):
    """One text box per level of each of the version's scales; an empty box removes the
    descriptor for that level."""

    def __init__(self, data=None, *, detail: selectors.ItemDetail):
        super().__init__(data)
        self.levels = {}
        for table in detail.scales:
            for row in table.rows:
                name = f"level_{row.level.pk}"
                self.levels[name] = row.level
                self.fields[name] = forms.CharField(
                    label=f"{row.level} ({table.scale})"
                    if len(detail.scales) > 1
                    else str(row.level),
                    required=False,
                    initial=row.descriptor.description if row.descriptor else "",
                    widget=forms.Textarea(attrs={"rows": 2}),
                )
        self.order_fields([*self.levels, "reason"])

    def clean(self):
        cleaned = super().clean() or {}
        return {
            "descriptions": {level: cleaned.get(name, "") for name, level in self.levels.items()},
            "reason": cleaned.get("reason"),
        }


class SharingForm(ReasonForm):
    shared = forms.BooleanField(
        label=_("Share read-only with other districts"),
        required=False,
        help_text=_(
            "Their people can browse it and align to it; only your district's admins change it."
        ),
    )

    field_order = ["shared", "reason"]

    def __init__(self, data=None, *, framework: Framework):
        super().__init__(data, initial={"shared": framework.shared})


class PrerequisiteAddForm(ReasonForm):
    origin = forms.ModelChoiceField(
        label=_("Prerequisite to add"),
        queryset=FrameworkItem.objects.none(),
        help_text=_("The item learners should master first."),
    )

    field_order = ["origin", "reason"]

    def __init__(self, data=None, *, item: FrameworkItem):
        super().__init__(data)
        origin = cast(forms.ModelChoiceField, self.fields["origin"])
        origin.queryset = selectors.prerequisite_choices(item=item)


class ScaleBandsForm(ReasonForm):
    """The four bands a district may set, each blank for the derived value (shown in the box
    and in its help). The service checks them against the cut and names what is wrong."""

    def __init__(self, data=None, *, detail: scales.ScaleDetail):
        super().__init__(data)
        for name, label in scales.SCALE_BAND_FIELDS.items():
            derived = detail.bands[name].derived
            shown = _("none") if derived is None else f"{derived:g}"
            self.fields[name] = forms.FloatField(
                label=label,
                required=False,
                initial=getattr(detail.scale, name),
                help_text=_("Leave blank to derive it from the levels and the cut: %(value)s.")
                % {"value": shown},
                widget=forms.NumberInput(attrs={"step": "any", "placeholder": shown}),
            )
        self.order_fields([*scales.SCALE_BAND_FIELDS, "reason"])


class GraphScopeForm(forms.Form):
    competency = forms.ModelChoiceField(
        label=_("Show the prerequisites around"),
        queryset=FrameworkItem.objects.none(),
        required=False,
        empty_label=_("the whole framework"),
    )

    def __init__(self, data=None, *, version: FrameworkVersion):
        super().__init__(data)
        competency = cast(forms.ModelChoiceField, self.fields["competency"])
        competency.queryset = selectors.competency_list(version=version)
