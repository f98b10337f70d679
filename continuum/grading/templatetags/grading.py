"""How the policy pages name things: a method ("power law", not "power_law"), a pace
status and a flag's kind, in the reader's language."""

from django import template
from django.utils.translation import gettext_lazy as _

from continuum.supports.models import Flag

register = template.Library()


@register.filter
def method_name(name: str) -> str:
    return str(name).replace("_", " ")


PACE_WORDS = {"ahead": _("ahead"), "on pace": _("on pace"), "behind": _("behind")}


@register.filter
def pace_word(status: str) -> str:
    """A pace status in the reader's language."""
    return str(PACE_WORDS.get(status, status))


@register.filter
def flag_kind(kind: str) -> str:
    """A flag's kind as the supports pages name it."""
    return str(Flag.Kind(kind).label)
