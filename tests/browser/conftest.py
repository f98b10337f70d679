"""Browser tests: Playwright drives Debian's Chromium against a live test server.

Every page a test visits is checked with axe-core (no serious or critical violations),
photographed into test-output/screenshots/ so people can look at what users see, and
measured at desktop (1280 px) and phone (390 px) width: no page may be wider than a phone's
viewport, and every page's size goes to test-output/page-sizes.md.
"""

import os
import re
from pathlib import Path

import pytest

CHROMIUM = Path(os.environ.get("CONTINUUM_CHROMIUM", "/usr/bin/chromium"))
OUTPUT = Path(__file__).resolve().parents[2] / "test-output"
SCREENSHOTS = OUTPUT / "screenshots"
DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 390, "height": 844}
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


class PageSizes:
    """Each visited page's scrolling size at desktop and at phone width, for the report.

    A page wider than its viewport scrolls sideways; a tall one is a long scroll. Both are
    read from the document element after the page has loaded, once at each width.
    """

    def __init__(self) -> None:
        self.rows: dict[str, dict] = {}

    def measure(self, page, name: str) -> dict[str, tuple[int, int]]:
        """Record `page` at both widths under `name`, and return {"desktop"|"phone": (w, h)}."""
        original = page.viewport_size
        sizes = {}
        for label, viewport in (("desktop", DESKTOP), ("phone", PHONE)):
            page.set_viewport_size(viewport)
            sizes[label] = tuple(
                page.evaluate(
                    "[document.documentElement.scrollWidth, document.documentElement.scrollHeight]"
                )
            )
        page.set_viewport_size(original)
        path = page.url.split("//", 1)[-1].partition("/")[2]
        self.rows[name] = {"path": "/" + path, **sizes}
        return sizes

    def report(self) -> str:
        wide = [name for name, row in self.rows.items() if row["phone"][0] > PHONE["width"]]
        lines = [
            "# Page sizes",
            "",
            f"Every page the browser tests visited, measured after it loaded at desktop "
            f"({DESKTOP['width']} px) and phone ({PHONE['width']} px) width: the document's "
            "scrolling width × height in CSS pixels, tallest on a phone first. "
            f"{len(self.rows)} pages; {len(wide)} wider than the phone's viewport.",
            "",
            "| page | path | desktop w × h | phone w × h |",
            "|---|---|---:|---:|",
        ]
        for name, row in sorted(self.rows.items(), key=lambda item: -item[1]["phone"][1]):
            (dw, dh), (pw, ph) = row["desktop"], row["phone"]
            flag = " **wider than the phone**" if pw > PHONE["width"] else ""
            lines.append(f"| {name} | `{row['path']}` | {dw} × {dh} | {pw} × {ph}{flag} |")
        return "\n".join(lines) + "\n"


@pytest.fixture(scope="session")
def page_sizes():
    sizes = PageSizes()
    yield sizes
    if sizes.rows:
        OUTPUT.mkdir(exist_ok=True)
        (OUTPUT / "page-sizes.md").write_text(sizes.report())


@pytest.fixture
def page(browser, live_server):
    context = browser.new_context(base_url=live_server.url, viewport=DESKTOP)
    page = context.new_page()
    yield page
    context.close()


class Visit:
    """Opens pages as one person, checks each with axe, measures it and keeps a screenshot."""

    def __init__(self, page, sizes: PageSizes):
        self.page = page
        self.sizes = sizes

    def login(self, username: str, password: str = "a-long-test-password") -> None:
        self.page.goto("/login/")
        self.page.get_by_label("Username").fill(username)
        self.page.get_by_label("Password").fill(password)
        self.page.get_by_role("button", name="Sign in").click()
        self.page.wait_for_url(re.compile(r".*/$"))

    def check(self, name: str) -> None:
        """Assert no serious or critical axe violation and no sideways scrolling on a phone;
        save a full-page screenshot and the page's sizes."""
        from axe_playwright_python.sync_playwright import Axe

        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        self.page.screenshot(path=str(SCREENSHOTS / f"{name}.png"), full_page=True)
        phone_width = self.sizes.measure(self.page, name)["phone"][0]
        assert phone_width <= PHONE["width"], (
            f"{self.page.url} is {phone_width} px wide on a {PHONE['width']} px phone"
        )
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
def visit(page, page_sizes):
    return Visit(page, page_sizes)
