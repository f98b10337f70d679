"""Browser tests: Playwright drives Debian's Chromium against a live test server.

Every page a test visits is checked with axe-core (no serious or critical violations)
and photographed into test-output/screenshots/ so people can look at what users see.
"""

import os
import re
from pathlib import Path

import pytest

CHROMIUM = Path(os.environ.get("CONTINUUM_CHROMIUM", "/usr/bin/chromium"))
SCREENSHOTS = Path(__file__).resolve().parents[2] / "test-output" / "screenshots"
_CHROMIUM_FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/browser/" in str(item.fspath):
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    # Playwright's sync API runs an event loop in the test thread; the ORM calls the tests
    # make there (creating people) are ordinary blocking calls and safe.
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"

    if not CHROMIUM.exists():
        pytest.fail(f"{CHROMIUM} is missing: run scripts/ensure-chromium.sh")
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(
            executable_path=str(CHROMIUM), headless=True, args=_CHROMIUM_FLAGS
        )
        yield chromium
        chromium.close()
    del os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"]


@pytest.fixture
def page(browser, live_server):
    context = browser.new_context(base_url=live_server.url, viewport={"width": 1280, "height": 900})
    page = context.new_page()
    yield page
    context.close()


class Visit:
    """Opens pages as one person, checks each with axe and keeps a screenshot."""

    def __init__(self, page):
        self.page = page

    def login(self, username: str, password: str = "a-long-test-password") -> None:
        self.page.goto("/login/")
        self.page.get_by_label("Username").fill(username)
        self.page.get_by_label("Password").fill(password)
        self.page.get_by_role("button", name="Sign in").click()
        self.page.wait_for_url(re.compile(r".*/$"))

    def check(self, name: str) -> None:
        """Assert no serious or critical axe violation, and save a full-page screenshot."""
        from axe_playwright_python.sync_playwright import Axe

        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        self.page.screenshot(path=str(SCREENSHOTS / f"{name}.png"), full_page=True)
        results = Axe().run(self.page)
        serious = [
            f"{v['id']} ({v['impact']}): {v['help']} — {[n['target'] for n in v['nodes'][:3]]}"
            for v in results.response["violations"]
            if v["impact"] in {"serious", "critical"}
        ]
        assert not serious, f"accessibility violations on {self.page.url}: {serious}"

    def open(self, path: str, name: str) -> None:
        self.page.goto(path)
        self.check(name)


@pytest.fixture
def visit(page):
    return Visit(page)
