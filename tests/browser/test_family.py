"""The demo guardian reads both children's family view, switches it to Spanish, prints
it (one child per page), and reads a notification about new feedback."""

import re

import pytest
from django.utils import timezone

from continuum.demo.school import demo_school_build
from continuum.evidence.models import Estimate
from continuum.evidence.services.recording import evidence_record
from continuum.people.models import User
from continuum.people.passwords import DEMO_PASSWORD


@pytest.mark.django_db(transaction=True)
def test_a_guardian_reads_the_family_view_in_spanish_and_prints_it(visit):
    demo_school_build(seed=2026, today=timezone.localdate())
    page = visit.page
    visit.login("guardian", DEMO_PASSWORD)
    child = User.objects.get(username="learner").pk
    visit.open("/family/", "family-english")
    assert page.locator("section.child").count() == 2
    assert "How to help at home:" in page.content()
    assert not re.search(r"\b\d\.\d\b", page.locator("main").inner_text()), "no decimals"

    page.get_by_label("Language").select_option("es")
    page.get_by_role("button", name="Change language").click()
    page.get_by_role("heading", name="Cómo les va a mis hijos").wait_for()
    visit.check("family-spanish")
    text = page.locator("main").inner_text()
    assert page.locator("html").get_attribute("lang") == "es"
    for spanish in ("Las metas de aprendizaje aparecen en su idioma", "Ritmo:"):
        assert spanish in text
    assert page.get_by_role("link", name="Inicio").is_visible()
    # Pace to the demo's requirements, and the support plan shared with the family.
    assert re.search(
        r"Grade 6 mathematics credit: \w+ va (a buen ritmo|por delante del ritmo|por detrás del ritmo)",
        text,
    )
    assert "Cómo la escuela apoya a" in text

    # On a phone the page never scrolls sideways: wide tables scroll inside their box.
    page.set_viewport_size({"width": 390, "height": 844})
    for path, name in (("/family/", "family-phone"), (f"/learning/learners/{child}/", "")):
        page.goto(path)
        assert page.evaluate("document.documentElement.scrollWidth") <= 390, path
        if name:
            visit.check(name)
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto("/family/")

    page.emulate_media(media="print")
    visit.check("family-print")
    assert not page.locator(".site-header").is_visible()
    assert not page.get_by_label("Idioma").is_visible()
    pdf = page.pdf(format="Letter")
    assert len(re.findall(rb"/Type\s*/Page[^s]", pdf)) >= 2, "each child starts a new page"


@pytest.mark.django_db(transaction=True)
def test_a_guardian_is_told_about_new_feedback(visit):
    demo_school_build(seed=2026, today=timezone.localdate())
    guardian = User.objects.get(username="guardian")
    child = User.objects.get(username="learner")
    estimate = Estimate.objects.filter(learner=child).select_related("target").first()
    before = guardian.notifications.count()  # the demo's own, e.g. a shared support plan
    evidence_record(
        learner=child,
        target=estimate.target,
        scorer=User.objects.get(username="educator"),
        level=3,
        assessed_at=timezone.now(),
        feedback="Your explanation of the ratio table was clear and complete.",
    )
    assert guardian.notifications.count() == before + 1
    page = visit.page
    visit.login("guardian", DEMO_PASSWORD)
    visit.open("/notifications/", "notifications-list")
    notice = page.get_by_role("article").filter(has_text="clear and complete")
    assert "clear and complete" in notice.inner_text()
    notice.get_by_role("button", name=re.compile("Mark as read")).click()
    page.wait_for_url("**/notifications/")
    assert notice.get_by_role("button", name=re.compile("Mark as read")).count() == 0
    page.get_by_role("link", name="Choose how you are told").click()
    visit.check("notifications-preferences")
    page.get_by_label("New feedback: by email").uncheck()
    page.get_by_role("button", name="Save choices").click()
    page.get_by_text("Your notification choices are saved.").wait_for()
    assert not guardian.notification_preferences.get(kind="feedback").email
