"""``{{ reason|reason_words }}``: a plan step's stored reason in the reader's language."""

from django import template

from continuum.pathways.reasons import reason_in_words

register = template.Library()


@register.filter
def reason_words(reason: str):
    return reason_in_words(reason)
