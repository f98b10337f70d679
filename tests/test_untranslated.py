"""Every page a learner or a family reads is Spanish when they read in Spanish.

Method: the demo school is built, and each learner- and family-facing page is rendered
twice, in English and in Spanish. Every visible text (text nodes, and the ``aria-label``,
``title``, ``alt`` and ``placeholder`` a screen reader reads) of the Spanish page that is
also a text of the English page is a miss — unless it is

- inside an element marked with another language (``lang="en"``: framework text with no
  translation, text people typed), which the reader is told about;
- data: names of people, schools, sections and frameworks, target codes, numbers and
  dates (every word of it is in the ``_data_words`` of the demo database);
- one of the few words Spanish writes the same way (``SAME_IN_SPANISH``).

This catches a string left out of ``{% translate %}``, a Python label never marked for
translation, and a msgid with no msgstr in the .po alike, on the real pages rather than
in the template source. The family view and the learner dashboard must be wholly
Spanish; on the other pages, what was still English when the test was written is listed
in ``KNOWN_GAPS`` (a ratchet: any new miss fails).
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
FULLY_SPANISH = {"family_home", "family_learner", "learner_dashboard"}
# Every demo target's code and statement, as the goal and plan forms list them (English only).
TARGET_STATEMENTS = (
    "M6.RP.1 I can describe a ratio relationship between two quantities.",
    "M6.RP.2 I can find and explain a unit rate.",
    "M6.RP.3 I can use tables and double number lines to solve ratio problems.",
    "M6.RP.4 I can solve percent problems.",
    "M6.RP.5 I can convert measurement units using ratio reasoning.",
    "M6.NS.1 I can divide fractions by fractions and explain my method.",
    "M6.NS.2 I can divide multi-digit numbers fluently.",
    "M6.NS.3 I can add, subtract, multiply and divide decimals.",
    "M6.NS.4 I can find greatest common factors and least common multiples.",
    "M6.NS.5 I can use positive and negative numbers to describe real situations.",
    "M6.NS.6 I can place rational numbers on a number line and a coordinate plane.",
    "M6.EE.1 I can write and evaluate expressions with exponents.",
    "M6.EE.2 I can write, read and evaluate expressions with variables.",
    "M6.EE.3 I can create equivalent expressions using properties of operations.",
    "M6.EE.4 I can solve one-step equations and explain my steps.",
    "M6.EE.5 I can write and graph inequalities.",
    "M6.EE.6 I can describe how two quantities change together.",
    "M6.G.1 I can find the area of triangles and polygons.",
    "M6.G.2 I can find the volume of rectangular prisms with fractional edges.",
    "M6.G.3 I can draw polygons in the coordinate plane.",
    "M6.G.4 I can use nets to find surface area.",
    "M6.SP.1 I can recognise a statistical question.",
    "M6.SP.2 I can describe a data set by its centre, spread and shape.",
    "M6.SP.3 I can display data in dot plots, histograms and box plots.",
    "M6.SP.4 I can summarise data with mean, median and interquartile range.",
    "LL.SD.1 I can set a learning goal and plan steps to reach it.",
    "LL.SD.2 I can check my progress and change my plan when needed.",
    "LL.SD.3 I can keep going when learning is hard and ask for help.",
    "LL.CO.1 I can listen to others and build on their ideas.",
    "LL.CO.2 I can share responsibility in a team.",
    "LL.CO.3 I can explain my thinking clearly to different audiences.",
)

# What the test found on 2 Dec 2026 on the pages of other apps (issue 14): text their
# templates and forms still show in English to a Spanish reader — form labels and help
# texts, framework statements in form choices, and what people typed, shown unmarked.
# A new miss fails the test; fixing one means deleting it here.
KNOWN_GAPS: dict[str, set[str]] = {
    "learner artifact_upload": {
        "Title:",
        "JPEG, JPG, MP4, PDF, PNG, TXT; up to 10 MB.",
        "M6.RP.1 — I can describe a ratio relationship between two quantities.",
        "M6.RP.2 — I can find and explain a unit rate.",
        "M6.RP.3 — I can use tables and double number lines to solve ratio problems.",
        "M6.RP.4 — I can solve percent problems.",
        "M6.RP.5 — I can convert measurement units using ratio reasoning.",
        "M6.NS.1 — I can divide fractions by fractions and explain my method.",
        "M6.NS.2 — I can divide multi-digit numbers fluently.",
        "M6.NS.3 — I can add, subtract, multiply and divide decimals.",
        "M6.NS.4 — I can find greatest common factors and least common multiples.",
        "M6.NS.5 — I can use positive and negative numbers to describe real situations.",
        "M6.NS.6 — I can place rational numbers on a number line and a coordinate plane.",
        "M6.EE.1 — I can write and evaluate expressions with exponents.",
        "M6.EE.2 — I can write, read and evaluate expressions with variables.",
        "M6.EE.3 — I can create equivalent expressions using properties of operations.",
        "M6.EE.4 — I can solve one-step equations and explain my steps.",
        "M6.EE.5 — I can write and graph inequalities.",
        "M6.EE.6 — I can describe how two quantities change together.",
        "M6.G.1 — I can find the area of triangles and polygons.",
        "M6.G.2 — I can find the volume of rectangular prisms with fractional edges.",
        "M6.G.3 — I can draw polygons in the coordinate plane.",
        "M6.G.4 — I can use nets to find surface area.",
        "M6.SP.1 — I can recognise a statistical question.",
        "M6.SP.2 — I can describe a data set by its centre, spread and shape.",
        "M6.SP.3 — I can display data in dot plots, histograms and box plots.",
        "M6.SP.4 — I can summarise data with mean, median and interquartile range.",
        "LL.SD.1 — I can set a learning goal and plan steps to reach it.",
        "LL.SD.2 — I can check my progress and change my plan when needed.",
        "LL.SD.3 — I can keep going when learning is hard and ask for help.",
        "LL.CO.1 — I can listen to others and build on their ideas.",
        "LL.CO.2 — I can share responsibility in a team.",
        "LL.CO.3 — I can explain my thinking clearly to different audiences.",
        "Reflection (optional):",
        "What this work shows about your learning.",
        "Upload",
    },
    "learner goal_detail": {
        "Solve percent problems on my own · Continuum",
        "Solve percent problems on my own",
        "Practise with sale flyers twice a week and ask for reassessment when ready.",
        "Tables help me most; I want to try double number lines.",
        "Finds the part from the percent reliably; the whole is next.",
    },
    "learner goal_list": {
        "Solve percent problems on my own",
        "Practise with sale flyers twice a week and ask for reassessment when ready.",
        *TARGET_STATEMENTS,
        "How I will get there",
    },
    "learner learner_estimate": {
        "Your estimate follows the trend of your scores over time, read at today. Only summative evidence counts: practice (formative) work is shown and guides you, but does not change your estimate, so early mistakes are never averaged in.",
        "Math 6 · Period 1: Week 6 unit assessment",
        "3 Proficient",
        "(point 1 of the fitted trend)",
        "1 Beginning",
        "2 Developing",
        "4 Advanced",
    },
    "learner learner_evidence": {
        "M6.RP Ratios and proportional reasoning",
        "Math 6 · Period 1: Week 4 unit assessment",
        "4 Advanced",
        "Math 6 · Period 1: Week 3 check-in",
        "3 Proficient",
        "Math 6 · Period 1: Week 2 check-in",
        "2 Developing",
        "Math 6 · Period 1: Week 1 check-in",
        "Riverside Clinic: dosage ratios",
        "You converted the units on the dosage chart and explained to the nurse why the dose scales with body mass: ratios applied to a new situation.",
        "Math 6 · Period 1: Week 5 unit assessment",
        "Math 6 · Period 1: Week 4 check-in",
        "You showed the whole target on your own — well done.",
        "Math 6 · Period 1: Week 6 unit assessment",
        "Math 6 · Period 1: Week 5 check-in",
        "Accurate and clearly explained. Try the extension problem next.",
        "You have the simpler parts; show every step so you can check your reasoning.",
        "Math 6 · Period 1: Week 7 unit assessment",
        "Math 6 · Period 1: Week 6 check-in",
        "Reassessed after preparing: Good progress — practise the multi-step problems in the review set.",
        "Good progress — practise the multi-step problems in the review set.",
        "M6.NS The number system",
        "Math 6 · Period 1: Week 8 unit assessment",
        "Math 6 · Period 1: Week 7 check-in",
        "1 Beginning",
        "Math 6 · Period 1: Week 9 unit assessment",
        "Math 6 · Period 1: Week 8 check-in",
        "Math 6 · Period 1: Week 10 unit assessment",
        "Math 6 · Period 1: Week 9 check-in",
        "Math 6 · Period 1: Week 11 unit assessment",
        "Math 6 · Period 1: Week 10 check-in",
        "Math 6 · Period 1: Week 12 unit assessment",
        "Math 6 · Period 1: Week 11 check-in",
        "M6.EE Expressions and equations",
        "Math 6 · Period 1: Week 13 unit assessment",
        "Math 6 · Period 1: Week 12 check-in",
        "Excused",
        "Math 6 · Period 1: Week 14 unit assessment",
        "Your explanation would help a classmate; consider sharing it.",
        "Math 6 · Period 1: Week 13 check-in",
        "Math 6 · Period 1: Week 15 unit assessment",
        "Math 6 · Period 1: Week 14 check-in",
        "Math 6 · Period 1: Week 16 unit assessment",
        "Math 6 · Period 1: Week 15 check-in",
        "M6.G Geometry",
        "Math 6 · Period 1: Week 16 check-in",
        "M6.SP Statistics and probability",
        "Riverside Clinic: waiting-room survey",
        "Your question about waiting times gets answers that vary, and you described their spread from your own dot plot.",
        "Riverside Clinic: draft survey question",
        "A yes/no question has no spread; ask for a number that varies from patient to patient.",
        "Riverside Clinic: data report to the team",
        "Your report gave the median and the range of waiting times and said which one the team should plan by, and why.",
        "LL.SD Self-direction",
        "Math 6 · Period 1: Week 15 learning habits observation",
        "(Observation)",
        "Math 6 · Period 1: Week 11 learning habits observation",
        "Math 6 · Period 1: Week 3 learning habits observation",
        "Math 6 · Period 1: Week 7 learning habits observation",
        "Excellent: you applied it to a new situation and explained why it works.",
        "LL.CO Collaboration and communication",
        "— Reassessed",
    },
    "learner learning_plan": {
        "Ready: it has no prerequisites",
        "Started: you have evidence on it and are not there yet",
        "Fits your interest in cooking",
        "Opens the way to 1 later target",
        "Fraction kitchen",
        "New: you have not started it yet",
        "Fits your interest in health",
        "Clinic front desk: plan a week",
        "(opportunity, workplace)",
        "Weekly planner challenge",
        "Design a garden bed",
        "Ready: its prerequisite M6.NS.6 is mastered",
        *TARGET_STATEMENTS,
        "Learning experience (optional)",
        "Clinic dosage ratios",
        "Decimal budget challenge",
        "Equation escape room",
        "Ratio beats: mixing music by ratio",
        "Recipe scaling workshop",
        "Sale-price detectives",
        "Survey your school",
        "Unit rates practice set",
        "Due on (optional)",
    },
    "learner my_credentials": {
        "Understand the concept of a ratio and use ratio language to describe a ratio relationship between two quantities.",
        "· Math 6 · Period 1: Week 1 check-in · 2",
        "· Math 6 · Period 1: Week 2 check-in · 2",
        "· Math 6 · Period 1: Week 3 check-in · 3",
        "· Math 6 · Period 1: Week 4 unit assessment · 4",
        "Understand the concept of a unit rate a/b associated with a ratio a:b with b ≠ 0.",
        "· Math 6 · Period 1: Week 2 check-in · 3",
        "· Math 6 · Period 1: Week 4 check-in · 3",
        "· Math 6 · Period 1: Week 5 unit assessment · 3",
        "· Riverside Clinic: dosage ratios · 3",
        "Use ratio and rate reasoning with tables of equivalent ratios, tape diagrams and double number lines.",
        "· Math 6 · Period 1: Week 3 check-in · 2",
        "· Math 6 · Period 1: Week 4 check-in · 2",
        "· Math 6 · Period 1: Week 5 check-in · 3",
        "· Math 6 · Period 1: Week 6 unit assessment · 3",
        "Find a percent of a quantity as a rate per 100; solve problems involving finding the whole given a part and the percent.",
        "· Math 6 · Period 1: Week 6 check-in · 2",
        "· Math 6 · Period 1: Week 7 unit assessment · 3",
        "Use ratio reasoning to convert measurement units; manipulate and transform units appropriately.",
        "· Math 6 · Period 1: Week 7 unit assessment · 2",
        "· Riverside Clinic: dosage ratios · 4",
        "Recognise a statistical question as one that anticipates variability in the data related to the question.",
        "· Riverside Clinic: draft survey question · 2",
        "· Riverside Clinic: waiting-room survey · 3",
        "Understand that a set of data has a distribution described by its centre, spread, and overall shape.",
        "Display numerical data in plots on a number line, including dot plots, histograms, and box plots.",
        "· Riverside Clinic: data report to the team · 3",
        "Summarise numerical data sets in relation to their context using measures of centre and variability.",
    },
    "learner my_requirements": {
        "All targets proficient:",
        "Why: I want to work in health care, like my aunt who is a nurse.",
        "Note from Kofi Kim: A good fit for your aspiration: we will plan the steps together.",
    },
    "learner pathway_profile": {
        "I explain my thinking well and I keep going when it gets hard.",
        "Word problems with many steps; I lose track of what they ask.",
        "A nurse or a paramedic; the health-science CTE pathway.",
        "Ahead",
        "23 Nov 2026 ·",
        "Behind",
        "23 Oct 2028",
        "Clinic dosage ratios",
        "Clinic front desk: plan a week",
        "Fraction kitchen",
        "Ratio beats: mixing music by ratio",
        "Recipe scaling workshop",
    },
    "learner proposal_create": {
        "Describe your idea:",
        "1 Beginning",
        "2 Developing",
        "3 Proficient",
        "4 Advanced",
    },
    "learner proposal_detail": {
        "Proposal for M6.RP.3 · Continuum",
        "Proposal for M6.RP.3",
        "1 Beginning",
        "2 Developing",
        "3 Proficient",
        "4 Advanced",
    },
    "learner reassessment_detail": {
        "Reassessment on M6.NS.1 · Continuum",
        "Reassessment on M6.NS.1",
        "I redid the practice set, checked my answers with the key and came to the lunch help session.",
    },
    "learner reassessment_request": {
        "What you practised, with whom, and what you understand now that you did not before. At least 20 characters.",
    },
}
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
        if not self.hidden and data.strip():
            self.texts.append(data)


def visible_texts(html: str, language: str) -> list[str]:
    parser = _Texts(language)
    parser.feed(html)
    return [" ".join(text.split()) for text in parser.texts if text.strip()]


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
    ]
    if goal is not None:
        learner_pages.append(reverse("goal_detail", args=[goal.pk]))
    family_pages = [
        reverse("family_home"),
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
    new = {
        page: [text for text in texts if text not in KNOWN_GAPS.get(page, set())]
        for page, texts in found.items()
    }
    report = "\n".join(f"{page}: {texts}" for page, texts in new.items() if texts)
    assert not report, f"English on Spanish pages:\n{report}"
    assert not [page for page in KNOWN_GAPS if page.split()[1] in FULLY_SPANISH], (
        "the family view and the learner dashboard have no known gaps"
    )


def test_text_marked_as_english_or_data_is_not_a_miss():
    english = '<p>Hello</p><p lang="en">I can add</p><span class="code">M6.RP.1</span><p>Lena</p>'
    spanish = '<p>Hola</p><p lang="en">I can add</p><span class="code">M6.RP.1</span><p>Lena</p>'
    assert misses(english, spanish, {"lena"}) == []


def test_a_string_left_in_english_is_a_miss_with_its_aria_label():
    english = '<p>My goals</p><nav aria-label="Steps"></nav>'
    spanish = '<p>My goals</p><nav aria-label="Steps"></nav>'
    assert misses(english, spanish, set()) == ["My goals", "Steps"]
