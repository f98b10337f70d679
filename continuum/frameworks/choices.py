"""Targets as form choices, in the reader's language.

A ``<select>`` or a list of check boxes cannot mark one option's language, so an option
reads "M6.RP.1 Puedo …" from the translation store (``translations.py``) where the
school or a CASE import gave one, else the original followed by "(in English)" in the
reader's language. The translations load once per form render, not once per option.
"""

from django.forms import ModelChoiceField, ModelMultipleChoiceField
from django.utils.translation import get_language

from continuum.frameworks.models import FrameworkItem
from continuum.frameworks.translations import FrameworkTexts, framework_texts, in_language


class TargetChoiceField(ModelChoiceField):
    """One target; ``separator`` goes between the code and the statement, ``length`` cuts
    long statements."""

    separator = " "
    length: int | None = None

    def _texts(self) -> FrameworkTexts:
        language = get_language()
        cached: tuple[str | None, FrameworkTexts] | None = getattr(self, "_local_texts", None)
        if cached is None or cached[0] != language:
            items = self.queryset if self.queryset is not None else ()
            cached = (language, framework_texts(items))
            self._local_texts = cached
        return cached[1]

    def label_from_instance(self, obj: FrameworkItem) -> str:
        statement = self._texts().statement(obj)
        words = statement.text[: self.length] if self.length else statement.text
        if statement.foreign:
            words = f"{words} {in_language(statement.language)}"
        return f"{obj.human_coding_scheme}{self.separator}{words}".strip()


class TargetMultipleChoiceField(TargetChoiceField, ModelMultipleChoiceField):
    """Several targets."""
