"""Every page a learner or a family reads is Spanish when they read in Spanish.

Method: the demo school is built, and each learner- and family-facing page is rendered
twice, in English and in Spanish. Every visible text (text nodes, and the ``aria-label``,
``title``, ``alt`` and ``placeholder`` a screen reader reads) of the Spanish page that is
also a text of the English page is a miss — unless it is

- inside an element marked with another language (``lang="en"``: framework text with no
  translation, text people typed), which the reader is told about;
- data: names of people, schools, sections and frameworks, target codes, numbers and
  dates (every word of it is in the ``_data_words`` of the demo database);
- one of the few words Spanish writes the same way (``SAME_IN_SPANISH``);
- a page title naming something typed (a goal's title), which the page itself shows
  marked with its language: a ``<title>`` cannot hold a marked span.

This catches a string left out of ``{% translate %}``, a Python label never marked for
translation, and a msgid with no msgstr in the .po alike, on the real pages rather than
in the template source. Every page must be wholly Spanish; what cannot yet be is listed
in ``KNOWN_GAPS``, a ratchet: a new miss fails, and so does a listed gap that is gone.
"""

import re
from datetime import date
from html.parser import HTMLParser

import pytest
from django.conf import settings
from django.urls import resolve, reverse

from continuum.demo.school import demo_school_build
from continuum.evidence.models import Estimate
from continuum.frameworks.models import Framework, FrameworkItem
from continuum.learning.models import Proposal, Reassessment
from continuum.pathways.models import Goal
from continuum.people.models import GuardianLink, Organization, Section, User
from continuum.reports.models import ReportingPeriod
from continuum.supports.models import Requirement

TODAY = date(2026, 11, 23)
FULLY_SPANISH = {"home", "family_home", "family_learner", "learner_dashboard"}
# Texts still English on a page, by "<role> <url name>": empty since issue 14 closed the
# last (form labels, scale level names, framework statements in form choices, and typed
# text shown unmarked). A ratchet both ways: a new miss fails, and so does a listed text
# no longer found, so the list can only shrink.
KNOWN_GAPS: dict[str, set[str]] = {}
SAME_IN_SPANISH = {"no", "total", "continuum", "pdf", "csv", "zip", "json", "clr", "url", "email"}
_SKIPPED = {"script", "style", "template"}
_VOID = {"area", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "wbr"}
_READ_ATTRIBUTES = ("aria-label", "title", "alt", "placeholder")
_WORD = re.compile(r"[^\W\d_]{3,}")


class _Texts(HTMLParser):
    """Visible texts of a page in its own language, in document order."""

    def __init__(self, language: str):
        super().__init__(convert_charrefs=True)
        self.language = language
        self.stack: list[tuple[str, bool]] = []  # (tag, hidden: skipped or other language)
        self.texts: list[str] = []
        self.marked: set[str] = set()  # texts marked with another language
        self.title = ""

    @property
    def hidden(self) -> bool:
        return bool(self.stack) and self.stack[-1][1]

    def handle_starttag(self, tag, attrs):
        found = dict(attrs)
        lang = (found.get("lang") or "").split("-")[0]
        hidden = (
            self.hidden
            or tag in _SKIPPED
            or (bool(lang) and lang != self.language)
            or "code" in (found.get("class") or "").split()
        )
        if not hidden:
            self.texts += [found[a] or "" for a in _READ_ATTRIBUTES if a in found]
            if tag == "input" and found.get("type") in {"submit", "button"}:
                self.texts.append(found.get("value") or "")
        if tag not in _VOID:
            self.stack.append((tag, hidden))

    def handle_endtag(self, tag):
        while self.stack:
            if self.stack.pop()[0] == tag:
                break

    def handle_data(self, data):
        if not data.strip():
            return
        if self.stack and self.stack[-1][0] == "title":
            self.title += data
        elif self.hidden:
            self.marked.add(" ".join(data.split()))
        else:
            self.texts.append(data)


def visible_texts(html: str, language: str) -> list[str]:
    """The page's texts, its title first unless the title names something the page marks
    with another language ("<goal title> · Continuum")."""
    parser = _Texts(language)
    parser.feed(html)
    title = " ".join(parser.title.split())
    named = title.rsplit(" · ", 1)[0]
    shown = [] if not title or named in parser.marked else [title]
    return shown + [" ".join(text.split()) for text in parser.texts if text.strip()]


def _data_words() -> set[str]:
    """Every word of the demo's data: people, places, sections, frameworks, codes."""
    strings: list[str] = []
    for user in User.objects.all():
        strings += [user.first_name, user.last_name, user.username]
    strings += Organization.objects.values_list("name", flat=True)
    strings += Section.objects.values_list("title", flat=True)
    strings += Framework.objects.values_list("title", flat=True)
    strings += FrameworkItem.objects.values_list("human_coding_scheme", flat=True)
    strings += Requirement.objects.values_list("title", flat=True)
    return {word.lower() for text in strings for word in _WORD.findall(text)}


def misses(english: str, spanish: str, data: set[str]) -> list[str]:
    """Texts of the Spanish page that are English: the same as a text of the English
    page, with a word that is neither data nor the same in Spanish."""
    seen = set(visible_texts(english, "en"))
    found = []
    for text in visible_texts(spanish, "es"):
        words = {w.lower() for w in _WORD.findall(text)} - data - SAME_IN_SPANISH
        if text in seen and words and text not in found:
            found.append(text)
    return found


def _pages() -> list[tuple[User, str]]:
    """(viewer, address) for every page a learner or a guardian reads."""
    link = GuardianLink.objects.select_related("guardian", "learner").order_by("pk").first()
    guardian, learner = link.guardian, link.learner
    estimate = (
        Estimate.objects.filter(learner=learner).select_related("target").order_by("pk").first()
    )
    target = estimate.target
    reassessment = Reassessment.objects.filter(learner=learner).order_by("pk").first() or (
        Reassessment.objects.create(
            learner=learner, target=target, requested_by=learner, preparation="M6"
        )
    )
    proposal = Proposal.objects.create(
        learner=learner, target=target, way=Proposal.Way.choices[0][0], description="M6"
    )
    school = learner.organization
    period = ReportingPeriod.objects.filter(school=school).order_by("pk").first() or (
        ReportingPeriod.objects.create(
            school=school, name="T1", starts_on=date(2026, 8, 24), ends_on=TODAY
        )
    )
    goal = Goal.objects.filter(learner=learner).order_by("pk").first()
    learner_pages = [
        reverse("learner_dashboard", args=[learner.pk]),
        reverse("learner_evidence", args=[learner.pk]),
        reverse("learner_estimate", args=[learner.pk, target.pk]),
        reverse("reassessment_request", args=[learner.pk, target.pk]),
        reverse("reassessment_detail", args=[reassessment.pk]),
        reverse("proposal_create", args=[learner.pk, target.pk]),
        reverse("proposal_detail", args=[proposal.pk]),
        reverse("portfolio", args=[learner.pk]),
        reverse("artifact_upload", args=[learner.pk]),
        reverse("learning_plan", args=[learner.pk]),
        reverse("goal_list", args=[learner.pk]),
        reverse("pathway_profile", args=[learner.pk]),
        reverse("my_requirements"),
        reverse("report_card", args=[learner.pk, period.pk]),
        reverse("transcript", args=[learner.pk]),
        reverse("my_credentials"),
        reverse("learner_badges", args=[learner.pk]),
        reverse("family_home"),
        reverse("home"),
    ]
    if goal is not None:
        learner_pages.append(reverse("goal_detail", args=[goal.pk]))
    family_pages = [
        reverse("family_home"),
        reverse("home"),
        reverse("family_learner", args=[learner.pk]),
        reverse("learner_dashboard", args=[learner.pk]),
        reverse("report_card", args=[learner.pk, period.pk]),
        reverse("learner_badges", args=[learner.pk]),
    ]
    return [(learner, page) for page in learner_pages] + [(guardian, page) for page in family_pages]


def _render(client, viewer: User, address: str, language: str) -> tuple[int, str]:
    client.force_login(viewer)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
    response = client.get(address)
    return response.status_code, response.content.decode()


@pytest.mark.django_db
def test_no_learner_or_family_page_shows_english_to_a_spanish_reader(client):
    demo_school_build(seed=2026, today=TODAY)
    data = _data_words()
    found: dict[str, list[str]] = {}
    for viewer, address in _pages():
        status, english = _render(client, viewer, address, "en")
        if status != 200:
            found[f"{viewer.role} {resolve(address).url_name}"] = [f"status {status}"]
            continue
        _status, spanish = _render(client, viewer, address, "es")
        if left := misses(english, spanish, data):
            found[f"{viewer.role} {resolve(address).url_name}"] = left
    assert not ratchet(found, KNOWN_GAPS)
    assert not [page for page in KNOWN_GAPS if page.split()[1] in FULLY_SPANISH], (
        "the family view and the learner dashboard have no known gaps"
    )


def ratchet(found: dict[str, list[str]], known: dict[str, set[str]]) -> str:
    """What is wrong with the pages against the known gaps: a miss not listed, or a listed
    gap no longer found (delete it from ``KNOWN_GAPS``); empty when nothing is."""
    new = {
        page: [text for text in texts if text not in known.get(page, set())]
        for page, texts in found.items()
    }
    stale = {page: sorted(texts - set(found.get(page, []))) for page, texts in known.items()}
    return "\n".join(
        [f"English on a Spanish page, {page}: {texts}" for page, texts in new.items() if texts]
        + [f"Stale known gap, now fixed, {page}: {texts}" for page, texts in stale.items() if texts]
    )


def test_text_marked_as_english_or_data_is_not_a_miss():
    english = '<p>Hello</p><p lang="en">I can add</p><span class="code">M6.RP.1</span><p>Lena</p>'
    spanish = '<p>Hola</p><p lang="en">I can add</p><span class="code">M6.RP.1</span><p>Lena</p>'
    assert misses(english, spanish, {"lena"}) == []


def test_a_string_left_in_english_is_a_miss_with_its_aria_label():
    english = '<p>My goals</p><nav aria-label="Steps"></nav>'
    spanish = '<p>My goals</p><nav aria-label="Steps"></nav>'
    assert misses(english, spanish, set()) == ["My goals", "Steps"]


def test_a_known_gap_that_is_fixed_fails_so_the_list_only_shrinks():
    known = {"learner goal_list": {"My goals", "Set a goal"}}
    assert "Stale known gap" in ratchet({"learner goal_list": ["My goals"]}, known)
    assert ratchet({"learner goal_list": ["My goals", "Set a goal"]}, known) == ""


def test_a_new_miss_beside_the_known_gaps_fails():
    known = {"learner goal_list": {"My goals"}}
    assert "English on a Spanish page" in ratchet({"learner goal_list": ["My goals", "By"]}, known)


def test_a_title_naming_marked_typed_text_is_not_a_miss():
    page = '<title>{} · Continuum</title><h1><span lang="en">Solve it</span></h1>'
    assert visible_texts(page.format("Solve it"), "es") == []
    assert visible_texts(page.format("My goals"), "es") == ["My goals · Continuum"]
