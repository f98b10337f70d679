"""The policy editor's form: the frameworks it covers (every one, or one framework's
targets), a method, its parameters (the fields change with the method), which evidence
counts, minimum evidence and recency. The engine has the last word on what is valid
(``policy_draft_create`` refuses with its reason)."""

from typing import Any

from django import forms
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from continuum.frameworks.models import Framework
from continuum.mastery import METHODS, GradingPolicy

ORDER_CHOICES = [
    ("assessed_at", _("The date it was assessed")),
    ("due_at", _("The date it was due (a late-graded early attempt stays early)")),
]
COUNTS_CHOICES = [
    (
        "summative",
        _("Summative evidence only (formative work is shown and guides, but does not count)"),
    ),
    ("formative", _("Summative and formative evidence, formative at the weight below")),
]
PARAMETER_HELP = {
    "w": _("Weight of the newest score, between 0 and 1 (Canvas uses 0.65)."),
    "floor": _(
        "Scores below this enter the trend as this value (the logarithm of 0 does not exist)."
    ),
    "n": _("How many of the recent scores must reach the cut."),
    "m": _("How many recent scores are looked at."),
    "cut": _("The level a score must reach to count towards n."),
    "last": _("How many of the most recent scores are used."),
}


def method_choices() -> list[tuple[str, str]]:
    return [
        (name, f"{name.replace('_', ' ')} — {method.summary}") for name, method in METHODS.items()
    ]


class PolicyForm(forms.Form):
    framework = forms.ModelChoiceField(
        label=_("Applies to"),
        queryset=Framework.objects.none(),
        required=False,
        empty_label=_("Every framework"),
        help_text=_(
            "Choose a framework to grade its targets differently (one course's framework, "
            "say); the policy for every framework still applies to the others."
        ),
    )
    method = forms.ChoiceField(label=_("Calculation method"), choices=method_choices)
    counts = forms.ChoiceField(
        label=_("Which evidence counts"), choices=COUNTS_CHOICES, widget=forms.RadioSelect
    )
    formative_weight = forms.FloatField(
        label=_("Weight of formative evidence"),
        min_value=0.0,
        max_value=1.0,
        required=False,
        help_text=_("Used only when formative evidence counts: 1 counts it like summative work."),
    )
    minimum_evidence = forms.IntegerField(
        label=_("Minimum evidence for proficiency"),
        min_value=1,
        max_value=50,
        help_text=_("With fewer counted pieces the status stops at approaching. 1: no minimum."),
    )
    recent_count = forms.IntegerField(
        label=_("Use only the most recent pieces"),
        min_value=0,
        max_value=1000,
        help_text=_("0 uses every counted piece."),
    )
    order_by = forms.ChoiceField(label=_("Order evidence by"), choices=ORDER_CHOICES)
    note = forms.CharField(
        label=_("What this draft is for"),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )

    def __init__(
        self, *args: Any, method: str, frameworks: QuerySet[Framework], **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        self.fields["framework"].queryset = frameworks  # type: ignore[attr-defined]
        chosen = METHODS.get(method) or METHODS["power_law"]
        for name, default in chosen.defaults.items():
            low, high = chosen.bounds.get(name, (None, None))
            self.fields[f"p_{name}"] = forms.FloatField(
                label=_("Parameter %(name)s") % {"name": name},
                initial=default,
                min_value=low,
                max_value=high,
                required=False,
                help_text=PARAMETER_HELP.get(name, ""),
            )
        self.method_parameters = [self[f"p_{name}"] for name in chosen.defaults]

    @staticmethod
    def initial_from(policy: GradingPolicy) -> dict[str, Any]:
        """The form's starting values: the policy in force, so a draft starts from it."""
        return {
            "method": policy.method,
            "counts": "formative" if policy.formative_weight > 0 else "summative",
            "formative_weight": policy.formative_weight or 0.5,
            "minimum_evidence": policy.minimum_evidence,
            "recent_count": policy.recent_count,
            "order_by": policy.order_by,
            **{f"p_{name}": value for name, value in policy.parameters.items()},
        }

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("counts") == "formative" and data.get("formative_weight") in (None, 0):
            self.add_error("formative_weight", _("Give formative evidence a weight above 0."))
        return data

    def body(self) -> dict[str, Any]:
        """The policy body the service validates (the engine's dict, without a version)."""
        data = self.cleaned_data
        method = METHODS[data["method"]]
        return {
            "method": data["method"],
            "parameters": {
                name: default if data.get(f"p_{name}") is None else data[f"p_{name}"]
                for name, default in method.defaults.items()
            },
            "formative_weight": data["formative_weight"] if data["counts"] == "formative" else 0.0,
            "minimum_evidence": data["minimum_evidence"],
            "recent_count": data["recent_count"],
            "order_by": data["order_by"],
        }


class DecisionForm(forms.Form):
    """Adopt (with an effective date) or discard: both need a reason."""

    reason = forms.CharField(
        label=_("Why"), max_length=1000, widget=forms.Textarea(attrs={"rows": 2})
    )
    effective_on = forms.DateField(
        label=_("Takes effect on"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
        help_text=_("Today if left empty; never in the past."),
    )
