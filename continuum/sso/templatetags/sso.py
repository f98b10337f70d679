"""``{% sign_in_buttons %}``: the single sign-on buttons of the sign-in pages."""

from django import template

from continuum.sso import selectors
from continuum.sso.middleware import sign_in_redirects_allow

register = template.Library()


@register.inclusion_tag("sso/_buttons.html", takes_context=True)
def sign_in_buttons(context, buttons=None) -> dict:
    """Every district's enabled providers (or ``buttons``), grouped by district."""
    rows = list(selectors.login_buttons() if buttons is None else buttons)
    request = context.get("request")
    if rows and request is not None:
        sign_in_redirects_allow(request, rows)
    districts: dict = {}
    for row in rows:
        districts.setdefault(row.district, []).append(row)
    return {
        "districts": list(districts.items()),
        "several": len(districts) > 1,
        "next": context.get("next", ""),
        "csrf_token": context.get("csrf_token"),
    }
