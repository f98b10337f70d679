"""How an estimate's level reads on learner pages: up to two decimals, no trailing zeros,
so 2.95 (approaching) never shows as a rounded-up 3.0 next to the proficient cut."""

from django import template

register = template.Library()


@register.filter
def level_shown(value: float | None) -> str:
    if value is None:
        return ""
    return f"{round(float(value), 2):g}"
