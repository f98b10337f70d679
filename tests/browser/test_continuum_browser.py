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
