"""A district admin previews and imports a CASE package in the browser, then a learner
reads it."""

import json

import pytest
from django.utils import timezone

from continuum.demo.case import case_package
from continuum.demo.content import MATH6
from continuum.demo.school import demo_school_build
from continuum.people.passwords import DEMO_PASSWORD

IMMEDIATE = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}


@pytest.mark.django_db(transaction=True)
def test_an_admin_imports_a_package_and_a_bad_one_is_refused(visit, world, settings, tmp_path):
    settings.TASKS = IMMEDIATE
    package = case_package(MATH6)
    good = tmp_path / "math6.json"
    good.write_text(json.dumps(package))
    bad = tmp_path / "broken.json"
    bad.write_text(json.dumps(package)[:-200])  # truncated JSON

    visit.login("ada")
    visit.open("/ims/case/v1p1/import/", "case-import")
    visit.page.get_by_label("CASE package file (.json)").set_input_files(str(bad))
    visit.page.get_by_role("button", name="Import").click()
    visit.page.get_by_text("Refused", exact=True).wait_for()
    visit.check("case-import-refused")
    assert "not valid JSON" in visit.page.content()

    visit.page.goto("/ims/case/v1p1/import/")
    visit.page.get_by_label("CASE package file (.json)").set_input_files(str(good))
    visit.page.get_by_role("button", name="Import").click()
    visit.page.get_by_text("Waiting for your confirmation", exact=True).wait_for()
    visit.check("case-import-preview")
    assert "A new framework, as version 1." in visit.page.content()
    visit.page.get_by_role("button", name="Confirm and import").click()
    visit.page.get_by_text("Imported", exact=True).wait_for()
    visit.check("case-import-done")
    assert MATH6.title in visit.page.content()


@pytest.mark.django_db(transaction=True)
def test_a_learner_explores_the_demo_continuum(visit):
    demo_school_build(seed=2026, today=timezone.localdate())
    visit.login("learner", DEMO_PASSWORD)
    visit.page.get_by_role("navigation", name="Main").get_by_role("link", name="Continuum").click()
    visit.check("demo-continuum-list")
    visit.page.get_by_role("link", name=MATH6.title).first.click()
    visit.check("demo-continuum-tree")
    visit.page.goto(visit.page.url.rstrip("/") + "/graph/")
    visit.check("demo-continuum-graph")
    visit.page.get_by_role("link", name="M6.EE.5").first.click()
    visit.check("demo-continuum-target")
    assert visit.page.get_by_text("I can write and graph inequalities.").first.is_visible()
