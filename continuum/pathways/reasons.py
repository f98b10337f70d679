"""Why a plan step was suggested, in the reader's language.

The recommender (``mastery/recommend.py``, pure, no Django) writes its reasons in English,
and a plan step keeps them as text, so a plan drafted months ago still says why. The
reasons come in a few fixed shapes; each is read back here and said again through the
catalog. A reason of another shape (written before a shape changed) is shown as it was
stored, marked as English.
"""

import re
from collections.abc import Callable

from django.utils.translation import get_language, ngettext
from django.utils.translation import gettext as _

from continuum.frameworks.public import LocalText


def _codes(listed: str) -> tuple[str, int]:
    """ "M6.RP.1, M6.RP.2 and M6.NS.1" in the reader's language, and how many."""
    codes = [code.strip() for code in re.split(r",| and ", listed) if code.strip()]
    if len(codes) <= 1:
        return "".join(codes), len(codes)
    joined = _("%(first)s and %(last)s") % {"first": ", ".join(codes[:-1]), "last": codes[-1]}
    return joined, len(codes)


def _ready_after(match: re.Match[str]) -> str:
    codes, count = _codes(match["codes"])
    return ngettext(
        "ready: its prerequisite %(codes)s is mastered",
        "ready: its prerequisites %(codes)s are mastered",
        count,
    ) % {"codes": codes}


def _opens(match: re.Match[str]) -> str:
    count = int(match["count"])
    return ngettext(
        "opens the way to %(count)d later target", "opens the way to %(count)d later targets", count
    ) % {"count": count}


_SHAPES: list[tuple[re.Pattern[str], Callable[[re.Match[str]], str]]] = [
    (re.compile(r"ready: it has no prerequisites"), lambda m: _("ready: it has no prerequisites")),
    (re.compile(r"ready: its prerequisites? (?P<codes>.+) (?:is|are) mastered"), _ready_after),
    (
        re.compile(r"almost there: your estimate is approaching proficient"),
        lambda m: _("almost there: your estimate is approaching proficient"),
    ),
    (
        re.compile(r"started: you have evidence on it and are not there yet"),
        lambda m: _("started: you have evidence on it and are not there yet"),
    ),
    (
        re.compile(r"new: you have not started it yet"),
        lambda m: _("new: you have not started it yet"),
    ),
    (
        re.compile(r"fits your interest in (?P<tag>.+)"),
        lambda m: _("fits your interest in %(interest)s") % {"interest": m["tag"]},
    ),
    (re.compile(r"opens the way to (?P<count>\d+) later targets?"), _opens),
    (
        re.compile(r"the learner model gives a (?P<percent>\d+)% chance of mastery"),
        lambda m: (
            _("the learner model gives a %(percent)s%% chance of mastery")
            % {"percent": m["percent"]}
        ),
    ),
    (
        re.compile(r"stretch: needs (?P<codes>.+) first"),
        lambda m: _("stretch: needs %(codes)s first") % {"codes": _codes(m["codes"])[0]},
    ),
]


def reason_in_words(reason: str) -> LocalText | str:
    """One stored reason, capitalised, in the reader's language (else marked English)."""
    for pattern, say in _SHAPES:
        match = pattern.fullmatch(reason.strip())
        if match:
            words = say(match)
            return words[:1].upper() + words[1:]
    return LocalText(reason[:1].upper() + reason[1:], "en", get_language() or "en")
