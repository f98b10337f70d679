"""The Content-Security-Policy holds in a real browser: our pages (HTMX included) cause no
violation, the target filter still works from its static file, and injected inline
script does not run."""

import pytest

from continuum.frameworks.tests.factories import sample_framework


@pytest.fixture
def violations(page):
    """Console messages in which Chromium reports a Content-Security-Policy violation."""
    seen: list[str] = []
    page.on(
        "console",
        lambda message: (
            seen.append(message.text) if "Content Security Policy" in message.text else None
        ),
    )
    return seen


@pytest.mark.django_db(transaction=True)
def test_our_pages_run_under_the_policy_without_a_violation(visit, world, violations):
    sample = sample_framework()
    page = visit.page
    visit.login("erin")
    for path in [
        "/",
        "/continuum/",
        f"/continuum/items/{sample['N.1.b'].pk}/",
        f"/continuum/{sample.framework.pk}/graph/",
        "/gradebook/",
        f"/dashboard/learners/{world['lena'].pk}/",
    ]:
        page.goto(path)
        page.wait_for_load_state("networkidle")
    page.goto("/assessments/")
    page.get_by_role("link", name="New assessment").click()
    page.get_by_label("Filter targets").fill("equivalent")
    assert page.get_by_label("N.1.b Find equivalent ratios").is_visible()
    assert page.get_by_label("N.1.a Describe a ratio relationship").is_hidden()
    visit.check("csp-assessment-target-filter")
    assert violations == []


@pytest.mark.django_db(transaction=True)
def test_injected_inline_script_is_blocked(visit, world, violations):
    visit.login("erin")
    ran = visit.page.evaluate(
        """() => {
            window.injected = false;
            const script = document.createElement("script");
            script.textContent = "window.injected = true";
            document.body.appendChild(script);
            return window.injected;
        }"""
    )
    assert ran is False
    assert violations, "Chromium reported no violation for an inline script"
