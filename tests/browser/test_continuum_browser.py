"""A learner explores the continuum; a district admin edits it."""

import pytest

from continuum.frameworks.tests.factories import sample_framework


@pytest.mark.django_db(transaction=True)
def test_a_learner_searches_the_tree_and_follows_the_graph(visit, world):
    sample = sample_framework()
    visit.login("lena")
    visit.open("/continuum/", "continuum-list")
    visit.page.get_by_role("link", name="Maple Grove Mathematics").click()
    visit.check("continuum-tree")
    visit.page.get_by_label("Search this framework").fill("unit rate")
    results = visit.page.locator("#search-results")
    results.get_by_role("link", name="N.1.c Solve unit rate problems").wait_for()
    assert "/continuum/" in visit.page.url  # swapped in place, no page load
    visit.open(f"/continuum/items/{sample['N.1.b'].pk}/", "continuum-item")
    graph = visit.page.get_by_role("group", name="Prerequisites and next steps around N.1.b")
    graph.get_by_role("link", name="N.1.c Solve unit rate problems").focus()
    visit.page.keyboard.press("Enter")
    visit.page.wait_for_url(f"**/continuum/items/{sample['N.1.c'].pk}/")
    visit.open(f"/continuum/{sample.framework.pk}/graph/", "continuum-graph")


@pytest.mark.django_db(transaction=True)
def test_a_district_admin_is_told_which_cycle_a_link_would_make(visit, world):
    sample = sample_framework(owner=world["district"])
    visit.login("ada")
    visit.open(f"/continuum/items/{sample['N.1.a'].pk}/prerequisites/", "continuum-prerequisites")
    visit.page.get_by_label("Prerequisite to add").select_option(
        label="N.1.c Solve unit rate problems"
    )
    visit.page.get_by_label("Reason for the change").fill("Trying a loop")
    visit.page.get_by_role("button", name="Add prerequisite").click()
    visit.check("continuum-prerequisite-cycle")
    assert visit.page.get_by_role("alert").inner_text().count("→") == 3


@pytest.mark.django_db(transaction=True)
def test_a_district_admin_reads_a_scale_and_sets_a_band_on_a_phone(visit, world):
    sample = sample_framework(owner=world["district"])
    visit.login("ada")
    visit.page.goto(f"/continuum/{sample.framework.pk}/")
    visit.page.get_by_role("link", name="Four levels").click()
    visit.check("continuum-scale")
    visit.page.set_viewport_size({"width": 390, "height": 844})
    visit.page.get_by_role("link", name="Set the bands").click()
    visit.check("continuum-scale-edit-phone")
    visit.page.get_by_label("Advanced from (estimates)").fill("3.25")
    visit.page.get_by_label("Reason for the change").fill("Narrower top")
    visit.page.get_by_role("button", name="Save").click()
    table = visit.page.get_by_role("table", name="Where each status begins on Four levels")
    assert "set by the district" in table.inner_text()
    visit.check("continuum-scale-phone")
