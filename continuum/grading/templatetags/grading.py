"""How a calculation method is named on the policy pages ("power law", not "power_law")."""

from django import template

register = template.Library()


@register.filter
def method_name(name: str) -> str:
    return str(name).replace("_", " ")
