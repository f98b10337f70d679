"""One way to write a date on the pages learners and families read, in each language.

Django's own ``DATE_FORMAT`` differs by language in shape as well as words ("Dec. 3,
2026" beside "3 de diciembre de 2026"), and templates had added two more ("j M Y",
"j M"). ``day`` writes every date the same short way: "3 Dec 2026", "3 dic 2026".
"""

from datetime import date, datetime

from django.utils import dateformat
from django.utils.timezone import is_aware, localtime
from django.utils.translation import get_language

DAY_FORMATS = {"en": "j M Y", "es": "j b Y"}  # es months are lower case: "3 dic 2026"
TIME_FORMAT = "H:i"


def _shape(language: str | None) -> str:
    return DAY_FORMATS.get((language or "en").split("-")[0], DAY_FORMATS["en"])


def day(value: date | datetime | None, *, language: str | None = None) -> str:
    """The date in the active language's one short format; empty for no date."""
    if value is None or value == "":
        return ""
    if isinstance(value, datetime) and is_aware(value):
        value = localtime(value)
    return dateformat.format(value, _shape(language or get_language()))


def moment(value: datetime | None, *, language: str | None = None) -> str:
    """A date and time: "3 dic 2026, 14:30"."""
    if value is None:
        return ""
    if is_aware(value):
        value = localtime(value)
    return dateformat.format(value, f"{_shape(language or get_language())}, {TIME_FORMAT}")
