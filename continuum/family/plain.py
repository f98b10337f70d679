"""Plain words for families: statuses without numbers, and how to help at home.

Families never see a level like "2.5". Each status becomes words (the mapping is in
docs/user-guide/family.md):

    not started → "not started yet"     not yet    → "not yet"
    approaching → "getting close"       proficient → "can do it"
    advanced    → "can do it with depth"

These functions read no database and no clock; they only translate. Spanish agrees
with no one's gender: a child is "por delante del ritmo", never "adelantado/a".
"""

from django.utils.functional import Promise
from django.utils.html import format_html
from django.utils.safestring import SafeString
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from continuum.frameworks.models import LearningArea
from continuum.mastery import Bands, Status, status_of

STATUS_WORDS: dict[int, Promise] = {
    Status.NOT_STARTED: gettext_lazy("not started yet"),
    Status.NOT_YET: gettext_lazy("not yet"),
    Status.APPROACHING: gettext_lazy("getting close"),
    Status.PROFICIENT: gettext_lazy("can do it"),
    Status.ADVANCED: gettext_lazy("can do it with depth"),
}
CAN_DO = frozenset({Status.PROFICIENT, Status.ADVANCED})
WORKING_ON = frozenset({Status.NOT_YET, Status.APPROACHING})


def status_in_words(status: int) -> str:
    """A status value in the family's words; unknown statuses say so."""
    words = STATUS_WORDS.get(status)
    return str(words) if words is not None else _("no estimate yet")


def evidence_in_words(level: float | None, *, bands: Bands) -> str:
    """One scored piece of evidence in words, read against its scale's evidence bands
    (the same status the gradebook shows)."""
    if level is None:
        return _("not scored")
    return str(STATUS_WORDS[status_of(level, bands)])


def statement_of(learner_statement: str, full_statement: str) -> str:
    """The learner-facing "I can" statement, else the framework's full statement."""
    return (learner_statement or full_statement).strip()


def help_at_home(
    *, name: str, statement: object, status: int, descriptor: object = ""
) -> SafeString:
    """One short suggestion for a target the child is working on, composed only from the
    target's own text (nothing invented): with a proficient-level descriptor, what "can do
    it" looks like; without one, the target's statement quoted. The quoted text keeps its
    own language marks (a ``LocalText`` renders them), so the result is HTML."""
    if status == Status.APPROACHING:
        ask = _("%(name)s is getting close. Ask them to explain, step by step, how they do it.")
    elif status == Status.NOT_YET:
        ask = _("Ask %(name)s to show you what they have tried so far.")
    else:
        ask = _("Ask %(name)s what they will learn next.")
    text = ask % {"name": name}
    if str(descriptor).strip():
        looks = _("When they can do it, it looks like this: “%(descriptor)s”")
        return format_html("{} " + _escaped(looks, "descriptor"), text, descriptor)
    goal = _("The goal: “%(statement)s”")
    return format_html("{} " + _escaped(goal, "statement"), text, statement)


def _escaped(translated: str, name: str) -> str:
    """A translated sentence as a ``format_html`` pattern with one ``{}`` hole."""
    braces = translated.replace("{", "{{").replace("}", "}}")
    return braces.replace(f"%({name})s", "{}")


PACE_WORDS: dict[str, Promise] = {
    LearningArea.ACADEMIC: gettext_lazy(
        "Academic learning: %(can_do)d of %(total)d learning targets: can do it"
    ),
    LearningArea.LIFELONG: gettext_lazy(
        "Lifelong learning (skills like planning and working with others): "
        "%(can_do)d of %(total)d learning targets: can do it"
    ),
}


def pace_in_words(*, area: str, can_do: int, total: int) -> str:
    """One learning area's count, e.g. "Academic learning: 12 of 25 learning targets: can
    do it". Academic and lifelong learning are always told apart, never added up."""
    return str(PACE_WORDS[area]) % {"can_do": can_do, "total": total}


def requirement_pace_in_words(
    *,
    name: str,
    title: str,
    status: str,
    projected: str | None,
    due: str,
    out_of_reach: bool = False,
) -> str:
    """A requirement's pace (from the supports computation) as one sentence: ahead, on pace
    or behind, and when the child would finish at their own rate of mastery. Dates arrive
    already formatted for the reader's language. A projection more than a year past
    graduation (`out_of_reach`) is not given as a date: a year like 2032 reads as a
    prediction, when it only says the current rate is too slow."""
    values = {"name": name, "title": title, "projected": projected, "due": due}
    if out_of_reach:
        text = _(
            "%(title)s: %(name)s is behind pace, and at this pace would not finish within a "
            "year of graduation. It is due %(due)s. Ask %(name)s's educators how you can help."
        )
    elif projected is None:
        text = _(
            "%(title)s: %(name)s has not mastered a target towards it yet, so there is no "
            "finishing date to project. It is due %(due)s."
        )
    elif status == "ahead":
        text = _(
            "%(title)s: %(name)s is ahead of pace. At this pace, the finish will be by "
            "%(projected)s, before the due date (%(due)s)."
        )
    elif status == "behind":
        text = _(
            "%(title)s: %(name)s is behind pace. At this pace, the finish would be by "
            "%(projected)s, after the due date (%(due)s). Ask %(name)s's educators how you "
            "can help."
        )
    else:
        text = _("%(title)s: %(name)s is on pace to finish by %(projected)s; it is due %(due)s.")
    return text % values
