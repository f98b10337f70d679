"""No page scrolls sideways on a phone: every page each demo role reaches, at 390 px.

The pages are the authorization matrix's GET cases (tests/access/*.py), on the demo school
as bench/pages.py casts it, each opened as every signed-in role the matrix allows. One
browser context per role; axe runs in the other browser tests, not on each page here, to
keep this run short. Sizes go to test-output/page-sizes.md with the other tests' pages.
"""

import importlib
import pkgutil
import re

import pytest
from django.conf import settings
from django.db import transaction
from django.test import Client
from django.urls import reverse
from playwright.sync_api import Error as PlaywrightError

from tests.access import ACTORS, ROLES
from tests.browser.conftest import PHONE, SCREENSHOTS

# Machine interfaces (JSON, CASE, xAPI with its own HTTP authentication), not pages.
NOT_PAGES = ("/api/", "/ims/", "/xapi/", "/healthz")
# The pages issue 14 measured as the longest or widest on a phone, photographed at phone
# size (test-output/screenshots/phone-<role>-<page>.png) so people can look at them.
PHOTOGRAPHED = {
    ("learner", "learner_evidence[Lena]"),
    ("leader", "assessment_list"),
    ("counselor", "caseload"),
    ("leader", "learner_list"),
    ("educator", "insights_section_heatmap[own section]"),
    ("guardian", "family_home"),
}


def _matrix_world() -> tuple[dict, list]:
    """The demo school with the matrix's people and each access module's objects."""
    import tests.access
    from bench.pages import demo_world
    from continuum.pathways.models import LearningPlan

    world = demo_world()
    # The demo gave Lena a learning plan; the pathways module's populate makes its own.
    LearningPlan.objects.filter(learner=world["lena"]).delete()
    modules = [
        importlib.import_module(f"tests.access.{info.name}")
        for info in pkgutil.iter_modules(tests.access.__path__)
    ]
    for module in modules:
        populate = getattr(module, "populate", None)
        if populate:
            with transaction.atomic():
                populate(world)
    cases = [
        case for module in modules for case in getattr(module, "CASES", []) if case.method == "get"
    ]
    return world, cases


def _signed_in_context(browser, live_server, user):
    client = Client()
    client.force_login(user)
    context = browser.new_context(base_url=live_server.url, viewport=PHONE)
    cookie = client.cookies[settings.SESSION_COOKIE_NAME].value
    context.add_cookies(
        [{"name": settings.SESSION_COOKIE_NAME, "value": cookie, "url": live_server.url}]
    )
    return context


@pytest.mark.django_db(transaction=True)
def test_no_page_any_demo_role_reaches_is_wider_than_a_phone(browser, live_server, page_sizes):
    world, cases = _matrix_world()
    too_wide = []
    for role in ROLES[1:]:
        context = _signed_in_context(browser, live_server, world[ACTORS[role]])
        page = context.new_page()
        for case in cases:
            if role not in case.allowed:
                continue
            url = reverse(case.url_name, kwargs=case.kwargs(world))
            if url.startswith(NOT_PAGES):
                continue
            try:
                response = page.goto(url)
            except PlaywrightError as error:
                if "Download is starting" in error.message:
                    continue  # a file to save (CSV, PDF, a badge) is not a page
                raise
            if "text/html" not in (response.headers.get("content-type") or ""):
                continue  # nor is a JSON answer
            name = f"{role}: {case.id}"
            width = page_sizes.measure(page, name)["phone"][0]
            if width > PHONE["width"]:
                too_wide.append(f"{name} ({page.url}): {width} px")
            if (role, case.id) in PHOTOGRAPHED:
                SCREENSHOTS.mkdir(parents=True, exist_ok=True)
                slug = re.sub(r"[^a-z_]+", "-", f"{role} {case.id}".lower()).strip("-")
                page.screenshot(path=str(SCREENSHOTS / f"phone-{slug}.png"), full_page=True)
        context.close()
    assert not too_wide, f"{len(too_wide)} pages scroll sideways at 390 px: {too_wide}"


@pytest.mark.django_db(transaction=True)
def test_the_menu_folds_behind_a_disclosure_button_on_a_phone(visit, world):
    page = visit.page
    visit.login("lena")
    menu = page.get_by_role("button", name="Menu")
    navigation = page.get_by_role("navigation", name="Main")
    assert not menu.is_visible()  # at desktop width the navigation is simply there
    assert navigation.is_visible()

    page.set_viewport_size(PHONE)
    assert menu.get_attribute("aria-expanded") == "false"
    assert menu.get_attribute("aria-controls") == "site-menu"
    assert not navigation.is_visible()
    menu.focus()
    page.keyboard.press("Enter")
    assert menu.get_attribute("aria-expanded") == "true"
    assert navigation.is_visible()
    box = navigation.get_by_role("link", name="Home").bounding_box()
    assert box["height"] >= 24  # WCAG 2.2 AA target size
    navigation.get_by_role("link", name="Home").focus()
    page.keyboard.press("Escape")
    assert menu.get_attribute("aria-expanded") == "false"
    assert menu.evaluate("button => document.activeElement === button")
    visit.check("phone-menu")
