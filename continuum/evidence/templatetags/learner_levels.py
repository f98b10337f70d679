"""How an estimate reads on pages: its level with up to two decimals and no trailing
zeros (so 2.95, approaching, never shows as a rounded-up 3.0 next to the proficient cut),
and a stored status value in words."""

from django import template

from continuum.evidence.models import EstimateStatus

register = template.Library()


@register.filter
def level_shown(value: float | None) -> str:
    if value is None:
        return ""
    return f"{round(float(value), 2):g}"


@register.filter
def status_label(value: int) -> str:
    """A status value (as stored, or the engine's) in the reader's language."""
    return str(EstimateStatus(value).label)
