"""Framework text in the reader's language, and where the translations come from.

Targets, competencies and level descriptors are data, written in their framework's
language (``FrameworkVersion.language``, empty meaning English). A translation is a
``FrameworkTextTranslation`` keyed to the CASE identifier of the item (and a descriptor's
level value), so it holds for every version that keeps the identifier. Two sources fill
it: a CASE import of a framework that ``isTranslationOf`` another (``case_translations_save``)
and the school, on the item's edit page (``item_translations_set``).

Pages show a ``LocalText``: the translation in the reader's language where there is one,
else the original marked as such — ``lang`` on the element and a small "(in English)" in
the reader's language — so a screen reader switches voice and a family knows why.
Text people typed (goals, support notes, feedback) is never machine-translated; it is
marked with the school's language (``typed_text``).
"""

from collections.abc import Iterable, Mapping

from django.conf import settings
from django.db import transaction
from django.db.models import Q
from django.utils.functional import Promise
from django.utils.html import escape, format_html
from django.utils.safestring import SafeString
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _

from continuum.frameworks.models import (
    Association,
    AssociationType,
    FrameworkItem,
    FrameworkTextTranslation,
    FrameworkVersion,
    LevelDescriptor,
    TranslatedField,
)

STATEMENT_FIELDS = (
    TranslatedField.FULL_STATEMENT,
    TranslatedField.ABBREVIATED_STATEMENT,
    TranslatedField.LEARNER_STATEMENT,
)
IN_LANGUAGE: dict[str, Promise] = {
    "en": gettext_lazy("(in English)"),
    "es": gettext_lazy("(in Spanish)"),
}
_Key = tuple[str, str, float | None]


def base_language(code: str | None) -> str:
    """ "en-US" → "en"; empty (a framework that does not say) → English."""
    return (code or "en").split("-")[0].lower()


def in_language(code: str) -> str:
    """The marker after an untranslated text, in the reader's language."""
    words = IN_LANGUAGE.get(base_language(code))
    return str(words) if words is not None else _("(in %(language)s)") % {"language": code}


class LocalText(str):
    """A text as a page shows it: a ``str`` of the words, which a template renders with
    its language marked when that is not the reader's (a ``str`` subclass, because
    templates turn anything else into a plain string before escaping it)."""

    language: str
    reader: str

    def __new__(cls, text: str, language: str, reader: str) -> "LocalText":
        made = super().__new__(cls, text)
        made.language, made.reader = language, reader
        return made

    def __reduce__(self):
        return (LocalText, (str(self), self.language, self.reader))

    @property
    def text(self) -> str:
        return str.__str__(self)

    @property
    def foreign(self) -> bool:
        return bool(self) and base_language(self.language) != base_language(self.reader)

    def __html__(self) -> SafeString:
        if not self.foreign:
            return SafeString(escape(self.text))
        return format_html(
            '<span lang="{}">{}</span> <small class="untranslated">{}</small>',
            self.language,
            self.text,
            in_language(self.language),
        )


def typed_text(text: str, *, reader: str | None = None) -> LocalText:
    """Text a person typed, in the school's language (``LANGUAGE_CODE``), untranslated."""
    return LocalText(text, settings.LANGUAGE_CODE, reader or get_language() or "en")


class FrameworkTexts:
    """The translations of some items into one language, loaded once."""

    def __init__(self, *, reader: str, languages: Mapping[int, str], rows: Mapping[_Key, str]):
        self.reader = reader
        self.languages = languages  # version id → the framework's language
        self.rows = rows

    def _local(self, item: FrameworkItem, field: str, original: str, level=None) -> LocalText:
        translated = self.rows.get((item.identifier, field, level))
        if translated:
            return LocalText(translated, self.reader, self.reader)
        language = self.languages.get(item.version_id) or "en"
        return LocalText(original, language, self.reader)

    def text(self, item: FrameworkItem, field: str) -> LocalText:
        """One statement field of an item."""
        return self._local(item, field, getattr(item, field))

    def statement(self, item: FrameworkItem) -> LocalText:
        """What learners and families read: the "I can" statement, else the full one —
        a translation of either before an untranslated original."""
        for field in (TranslatedField.LEARNER_STATEMENT, TranslatedField.FULL_STATEMENT):
            found = self.rows.get((item.identifier, field, None))
            if found:
                return LocalText(found, self.reader, self.reader)
        if item.learner_statement.strip():
            return self.text(item, TranslatedField.LEARNER_STATEMENT)
        return self.text(item, TranslatedField.FULL_STATEMENT)

    def descriptor(self, descriptor: LevelDescriptor) -> LocalText:
        """A level descriptor (its item and level loaded)."""
        return self._local(
            descriptor.item,
            TranslatedField.DESCRIPTOR,
            descriptor.description,
            level=descriptor.level.value,
        )


def framework_texts(
    items: Iterable[FrameworkItem] = (),
    *,
    version_ids: Iterable[int] = (),
    language: str | None = None,
) -> FrameworkTexts:
    """Translations into ``language`` (the active one by default) of ``items`` and of every
    item of ``version_ids``, in at most two queries; none when every framework is already
    in the reader's language."""
    reader = language or get_language() or settings.LANGUAGE_CODE
    items = list(items)
    versions = {item.version_id for item in items} | set(version_ids)
    languages = dict(FrameworkVersion.objects.filter(pk__in=versions).values_list("pk", "language"))
    foreign = {pk for pk in versions if base_language(languages.get(pk)) != base_language(reader)}
    rows: dict[_Key, str] = {}
    if foreign:
        wanted = Q(identifier__in=[i.identifier for i in items if i.version_id in foreign])
        wanted |= Q(
            identifier__in=FrameworkItem.objects.filter(
                version_id__in=foreign & set(version_ids)
            ).values("identifier")
        )
        rows = {
            (row.identifier, row.field, row.level): row.text
            for row in FrameworkTextTranslation.objects.filter(
                wanted, language=base_language(reader)
            )
        }
    return FrameworkTexts(reader=reader, languages=languages, rows=rows)


def item_translations_set(*, item: FrameworkItem, language: str, texts: Mapping[str, str]) -> None:
    """Save (or, for an empty text, remove) the school's translations of an item's
    statements. The caller holds the transaction and has checked the editor may change
    the item."""
    for field, text in texts.items():
        if field not in STATEMENT_FIELDS:
            raise ValueError(f"{field!r} is not a translatable statement")
        found = FrameworkTextTranslation.objects.filter(
            identifier=item.identifier, field=field, level=None, language=language
        )
        if not text.strip():
            found.delete()
        elif not found.update(text=text.strip(), source=FrameworkTextTranslation.Source.SCHOOL):
            FrameworkTextTranslation.objects.create(
                identifier=item.identifier, field=field, language=language, text=text.strip()
            )


def item_translations_get(item: FrameworkItem) -> dict[tuple[str, str], str]:
    """The item's statement translations, by (language, field), for its edit page."""
    return {
        (row.language, row.field): row.text
        for row in FrameworkTextTranslation.objects.filter(identifier=item.identifier, level=None)
    }


@transaction.atomic
def case_translations_save(*, version: FrameworkVersion) -> int:
    """After importing ``version``: when its items are ``isTranslationOf`` items of
    another framework (or its CFDocument is a translation of another document, matching
    items by their code), store their statements and descriptors as translations of those
    items into the version's language. Returns how many texts were stored."""
    language = base_language(version.language) if version.language else ""
    if not language:
        return 0
    pairs = _translated_pairs(version)
    if not pairs:
        return 0
    stored = 0
    for origin, destination in pairs:
        for field in STATEMENT_FIELDS:
            stored += _case_put(destination, field, None, language, getattr(origin, field))
    descriptors = LevelDescriptor.objects.filter(
        item__in=[origin for origin, _d in pairs]
    ).select_related("level")
    by_item: dict[int, list[LevelDescriptor]] = {}
    for descriptor in descriptors:
        by_item.setdefault(descriptor.item_id, []).append(descriptor)
    for origin, destination in pairs:
        for descriptor in by_item.get(origin.pk, []):
            stored += _case_put(
                destination,
                TranslatedField.DESCRIPTOR,
                descriptor.level.value,
                language,
                descriptor.description,
            )
    return stored


def translation_put(
    *,
    identifier: str,
    field: str,
    language: str,
    text: str,
    level: float | None = None,
    source: str = FrameworkTextTranslation.Source.SCHOOL,
) -> None:
    """Save one translation of the item ``identifier``'s ``field`` (of its descriptor at
    ``level``), replacing any before it."""
    FrameworkTextTranslation.objects.update_or_create(
        identifier=identifier,
        field=field,
        level=level,
        language=base_language(language),
        defaults={"text": text.strip(), "source": source},
    )


def _case_put(identifier: str, field: str, level, language: str, text: str) -> int:
    if not text.strip():
        return 0
    translation_put(
        identifier=identifier,
        field=field,
        language=language,
        text=text,
        level=level,
        source=FrameworkTextTranslation.Source.CASE,
    )
    return 1


def _translated_pairs(version: FrameworkVersion) -> list[tuple[FrameworkItem, str]]:
    """(item of this version, identifier of the item it translates)."""
    translations = Association.objects.filter(
        version=version, association_type=AssociationType.IS_TRANSLATION_OF
    )
    items = {item.identifier: item for item in version.items.all()}
    pairs = {
        a.origin_identifier: a.destination_identifier
        for a in translations
        if a.origin_identifier in items
    }
    document = version.framework.identifier
    of_document = [
        a.destination_identifier for a in translations if a.origin_identifier == document
    ]
    if of_document:
        originals = FrameworkItem.objects.filter(
            version__framework__identifier__in=of_document
        ).order_by("version__number")  # the newest version's code wins
        by_code = {item.human_coding_scheme: item.identifier for item in originals}
        for identifier, item in items.items():
            code = item.human_coding_scheme
            if identifier not in pairs and code and code in by_code:
                pairs[identifier] = by_code[code]
    return [(items[origin], destination) for origin, destination in pairs.items()]
