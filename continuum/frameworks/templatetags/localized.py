"""What learners and families read, in their language: ``{% load localized %}``.

- ``{% statement target %}``: the "I can" statement, else the full statement, translated
  where a translation exists, else marked as the framework's language
  (``frameworks/translations.py``).
- ``{% item_text item "full_statement" %}``: one statement field, the same way.
- ``{% descriptor_text descriptor %}``: a level descriptor, the same way.
- ``{{ goal.title|typed }}``: text a person typed, marked with the school's language;
  ``lang="{% typed_language %}"`` marks an element that cannot hold a marked span (an
  option list of things the school named).
- ``{{ level.name|level_name }}``: a scale level's name, in the reader's language where
  the catalog has it (``frameworks/scales.py``).
- ``{{ value|day }}`` / ``{{ value|moment }}``: the one date format (``lib/dates.py``).

Translations load once per framework version per page render (one or two queries), not
once per item.
"""

from django import template
from django.conf import settings
from django.utils.safestring import SafeString
from django.utils.translation import get_language

from continuum.frameworks.models import FrameworkItem, LevelDescriptor
from continuum.frameworks.scales import level_name as _level_name
from continuum.frameworks.translations import (
    FrameworkTexts,
    LocalText,
    framework_texts,
    typed_text,
)
from continuum.lib import dates

register = template.Library()


def _texts(context: template.Context, item: FrameworkItem) -> FrameworkTexts:
    """One load per framework version and language for the whole render: kept as an
    attribute of the render context, which included templates share (its dict entries
    they do not)."""
    holder = context.render_context
    cache: dict[tuple[str, int], FrameworkTexts] | None = getattr(holder, "localized", None)
    if cache is None:
        cache = holder.localized = {}  # type: ignore[attr-defined]
    key = (get_language(), item.version_id)
    if key not in cache:
        cache[key] = framework_texts(version_ids=[item.version_id])
    return cache[key]


@register.simple_tag(takes_context=True)
def statement(context: template.Context, item: FrameworkItem | None) -> LocalText | str:
    if item is None:
        return ""
    return _texts(context, item).statement(item)


@register.simple_tag(takes_context=True)
def item_text(context: template.Context, item: FrameworkItem | None, field: str) -> LocalText | str:
    if item is None:
        return ""
    return _texts(context, item).text(item, field)


@register.simple_tag(takes_context=True)
def descriptor_text(context: template.Context, descriptor: LevelDescriptor | None):
    if descriptor is None:
        return ""
    return _texts(context, descriptor.item).descriptor(descriptor)


@register.filter
def typed(text: str | None) -> SafeString | str:
    """Rendered here, not later: ``blocktranslate`` turns its values into plain strings."""
    return typed_text(text).__html__() if text else ""


@register.simple_tag
def typed_language() -> str:
    return settings.LANGUAGE_CODE


@register.filter
def level_name(name: str) -> str:
    return _level_name(name)


@register.filter
def day(value) -> str:
    return dates.day(value)


@register.filter
def moment(value) -> str:
    return dates.moment(value)
