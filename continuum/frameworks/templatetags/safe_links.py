"""Links to addresses that came from outside (CASE crosswalks, catalog experiences).

``{{ uri|safe_href:text }}`` renders a link only for an http or https address that
passes ``continuum.lib.uris``; anything else (a URN, or a ``javascript:`` stored before
imports were checked) renders as plain text, so no page ever emits an unsafe ``href``.
"""

from django import template
from django.utils.html import conditional_escape, format_html
from django.utils.safestring import SafeString

from continuum.lib.uris import is_web_url

register = template.Library()


@register.filter
def safe_href(uri: object, text: object = None) -> SafeString:
    """A link to ``uri`` showing ``text`` (the address itself when none), or the text alone."""
    shown = uri if text in (None, "") else text
    if is_web_url(uri):
        return format_html('<a href="{}" rel="noopener noreferrer">{}</a>', uri, shown)
    return conditional_escape(str(shown))
