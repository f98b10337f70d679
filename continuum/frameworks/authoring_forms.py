"""Forms of the authoring pages: add, move, reorder and retire competencies and targets.
Every change asks why; the reason goes into the history and the version's change set."""

from typing import cast

from django import forms
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from continuum.frameworks.authoring import PARENT_KINDS
from continuum.frameworks.forms import ReasonForm
from continuum.frameworks.models import FrameworkItem, FrameworkVersion, ItemKind
from continuum.frameworks.selectors import TREE_ORDER


def parent_choices(version: FrameworkVersion, kind: str) -> QuerySet[FrameworkItem]:
    """Where a competency or target may go: the version's domains and competencies (or its
    competencies, for a target) that are in use."""
    return (
        version.items.in_use()
        .filter(kind__in=PARENT_KINDS[ItemKind(kind)])
        .select_related("parent")
        .order_by("parent__position", *TREE_ORDER)
    )


class ItemCreateForm(ReasonForm):
    kind = forms.ChoiceField(
        label=_("Add a"),
        choices=[(ItemKind.TARGET, _("Learning target")), (ItemKind.COMPETENCY, _("Competency"))],
    )
    parent = forms.ModelChoiceField(
        label=_("Under"),
        queryset=FrameworkItem.objects.none(),
        help_text=_("A learning target goes under a competency; a competency under a domain."),
    )
    human_coding_scheme = forms.CharField(label=_("Code"), max_length=200, required=False)
    full_statement = forms.CharField(
        label=_("Full statement"), widget=forms.Textarea(attrs={"rows": 3})
    )
    abbreviated_statement = forms.CharField(
        label=_("Short statement"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    learner_statement = forms.CharField(
        label=_("“I can” statement"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )

    field_order = [
        "kind",
        "parent",
        "human_coding_scheme",
        "full_statement",
        "abbreviated_statement",
        "learner_statement",
        "reason",
    ]

    def __init__(self, data=None, *, version: FrameworkVersion, initial: dict | None = None):
        super().__init__(data, initial=initial)
        parent = cast(forms.ModelChoiceField, self.fields["parent"])
        parent.queryset = parent_choices(version, ItemKind.COMPETENCY)


class ItemMoveForm(ReasonForm):
    parent = forms.ModelChoiceField(label=_("Move it under"), queryset=FrameworkItem.objects.none())

    field_order = ["parent", "reason"]

    def __init__(self, data=None, *, item: FrameworkItem):
        super().__init__(data)
        parent = cast(forms.ModelChoiceField, self.fields["parent"])
        parent.queryset = parent_choices(item.version, item.kind).exclude(pk=item.pk)


class ReorderForm(forms.Form):
    """One step up or down. The buttons carry no reason box (one keystroke per step); the
    history records the step itself as the reason."""

    direction = forms.ChoiceField(choices=[("up", _("up")), ("down", _("down"))])

    def clean(self) -> dict:
        cleaned = super().clean() or {}
        cleaned["reason"] = str(_("Order changed on the authoring page"))
        return cleaned
