import re

import pytest
from django.urls import reverse

from continuum.frameworks.models import Association, AssociationType
from continuum.frameworks.tests.factories import sample_framework, wide_framework


@pytest.fixture
def sample(world):
    """Maple Grove's framework, owned by Riverside: Ada (its admin) edits it."""
    return sample_framework(owner=world["district"])


@pytest.fixture
def lena_client(client, world):
    client.force_login(world["lena"])
    return client


@pytest.fixture
def ada_client(client, world):
    client.force_login(world["ada"])
    return client


def test_the_list_shows_each_framework_with_its_version_and_counts(lena_client, sample):
    page = lena_client.get(reverse("framework_list")).content.decode()
    assert "Maple Grove Mathematics" in page
    assert "Version 1" in page
    assert "2 competencies" in page
    assert "4 learning targets" in page
    assert "1 competency" in page
    assert "1 learning target" in page


def test_the_tree_keeps_academic_and_lifelong_items_apart(lena_client, sample):
    page = lena_client.get(reverse("framework_detail", args=[sample.framework.pk])).content.decode()
    academic, lifelong = page.split('id="area-lifelong"')
    assert "N.1.a" in academic
    assert "SEL.1.a" not in academic
    assert "SEL.1.a" in lifelong
    assert "N.1.a" not in lifelong
    assert "<details" in page
    assert "<summary" in page


def test_search_without_javascript_renders_the_whole_page_with_results(lena_client, sample):
    url = reverse("framework_detail", args=[sample.framework.pk])
    page = lena_client.get(url, {"q": "equal ratios"}).content.decode()
    assert "<h1>" in page
    assert "1 item matches" in page
    assert reverse("item_detail", args=[sample["N.1.b"].pk]) in page


def test_search_over_htmx_returns_only_the_results_fragment(lena_client, sample):
    url = reverse("framework_detail", args=[sample.framework.pk])
    response = lena_client.get(url, {"q": "N.1"}, headers={"HX-Request": "true"})
    page = response.content.decode()
    assert page.lstrip().startswith('<div id="search-results"')
    assert "<h1>" not in page
    assert "4 items match" in page
    assert "HX-Request" in response["Vary"]


def test_the_item_page_shows_statements_descriptors_links_and_crosswalks(lena_client, sample):
    page = lena_client.get(reverse("item_detail", args=[sample["N.1.a"].pk])).content.decode()
    assert "Describe a ratio relationship" in page
    assert "I can describe a ratio" in page
    assert "N.1.a at beginning" in page
    assert "N.1.a at advanced" in page
    assert "<caption>Four levels — proficient from level 3</caption>" in page
    assert reverse("item_detail", args=[sample["N.1.b"].pk]) in page  # it unlocks N.1.b
    assert "CCSS.Math 6.RP.A.1" in page
    breadcrumbs = page.split('aria-label="Breadcrumb"')[1].split("</nav>")[0]
    assert breadcrumbs.index(">N<") < breadcrumbs.index(">N.1<") < breadcrumbs.index("N.1.a")


def test_the_item_graph_is_an_svg_of_links_with_a_table_of_the_same_edges(lena_client, sample):
    page = lena_client.get(reverse("item_detail", args=[sample["N.1.b"].pk])).content.decode()
    svg = page.split("<svg")[1].split("</svg>")[0]
    assert "<title" in svg
    assert "<desc" in svg
    assert svg.count('class="node ') == 4  # N.1.b, its prerequisite and the two it unlocks
    assert 'aria-current="page"' in svg
    table = page.split('class="edge-table"')[1].split("</table>")[0]
    assert table.count("<tr>") == 1 + 3  # header and one row per edge


def test_the_framework_graph_narrows_to_one_competency(lena_client, sample):
    url = reverse("framework_graph", args=[sample.framework.pk])
    whole = lena_client.get(url).content.decode()
    assert whole.count('class="node ') == 4
    narrow = lena_client.get(url, {"competency": sample["N.2"].pk}).content.decode()
    assert narrow.count('class="node ') == 2  # N.2.a and its prerequisite N.1.b


def test_a_graph_too_large_to_draw_shows_the_table_and_a_note(lena_client, db, settings):
    wide = wide_framework(competencies=4, targets_per_competency=40)
    page = lena_client.get(reverse("framework_graph", args=[wide.framework.pk])).content.decode()
    assert "<svg" not in page
    assert "too many to draw" in page
    assert page.count("<tr>") == 1 + 159


def test_the_tree_and_item_pages_use_a_fixed_number_of_queries(
    lena_client, db, django_assert_max_num_queries
):
    wide = wide_framework()  # 51 items, 44 prerequisite links, 180 descriptors
    with django_assert_max_num_queries(8):
        lena_client.get(reverse("framework_detail", args=[wide.framework.pk]))
    # 14 for the item and its graph, 2 for its change history (item and descriptors).
    with django_assert_max_num_queries(16):
        lena_client.get(reverse("item_detail", args=[wide["S.3.5"].pk]))
    with django_assert_max_num_queries(10):
        lena_client.get(reverse("framework_graph", args=[wide.framework.pk]))


def test_edit_controls_are_shown_to_district_admins_only(client, world, sample):
    url = reverse("item_detail", args=[sample["N.1.a"].pk])
    edit = reverse("item_edit", args=[sample["N.1.a"].pk])
    client.force_login(world["erin"])
    assert edit not in client.get(url).content.decode()
    client.force_login(world["ada"])
    assert edit in client.get(url).content.decode()


def test_an_admin_edits_an_item_with_a_reason(ada_client, sample):
    item = sample["N.1.a"]
    response = ada_client.post(
        reverse("item_edit", args=[item.pk]),
        {
            "human_coding_scheme": "N.1.a",
            "full_statement": "Describe a ratio relationship between two quantities",
            "abbreviated_statement": "Describe ratios",
            "learner_statement": "I can describe how two amounts compare",
            "learning_area": "academic",
            "reason": "Clearer wording",
        },
    )
    assert response.status_code == 302
    item.refresh_from_db()
    assert item.learner_statement == "I can describe how two amounts compare"
    assert item.history.first().history_change_reason == "Clearer wording"


def test_the_item_page_shows_who_changed_it_when_and_why(ada_client, world, sample):
    item = sample["N.1.a"]
    data = {
        "human_coding_scheme": "N.1.a",
        "full_statement": "Describe a ratio relationship between two quantities",
        "learning_area": "academic",
        "reason": "Aligned with the state wording",
    }
    ada_client.post(reverse("item_edit", args=[item.pk]), data)
    page = ada_client.get(reverse("item_detail", args=[item.pk])).content.decode()
    assert "Change history" in page
    assert "Aligned with the state wording" in page
    assert str(world["ada"]) in page


def test_an_edit_without_a_reason_is_refused_with_a_message(ada_client, sample):
    item = sample["N.1.a"]
    response = ada_client.post(
        reverse("item_edit", args=[item.pk]),
        {"full_statement": "Changed", "learning_area": "academic", "reason": ""},
    )
    assert response.status_code == 200
    assert "This field is required" in response.content.decode()
    item.refresh_from_db()
    assert item.full_statement == "Describe a ratio relationship"


def test_the_descriptor_form_sets_and_clears_levels(ada_client, sample):
    item = sample["N.1.a"]
    levels = list(sample.scale.levels.all())
    data = {f"level_{level.pk}": f"New {level.name}" for level in levels}
    data[f"level_{levels[0].pk}"] = ""
    data["reason"] = "Calibration"
    response = ada_client.post(reverse("descriptor_edit", args=[item.pk]), data)
    assert response.status_code == 302
    assert [d.description for d in item.descriptors.all()] == [
        "New Developing",
        "New Proficient",
        "New Advanced",
    ]


def test_adding_a_prerequisite_that_makes_a_cycle_names_the_cycle(ada_client, sample):
    response = ada_client.post(
        reverse("prerequisite_edit", args=[sample["N.1.a"].pk]),
        {"origin": sample["N.1.c"].pk, "reason": "Testing"},
    )
    page = response.content.decode()
    assert response.status_code == 200
    assert re.search(r"N\.1\.a → N\.1\.b → N\.1\.c → N\.1\.a", page)


def test_an_admin_adds_and_removes_a_prerequisite(ada_client, sample):
    target = sample["N.2.a"]
    ada_client.post(
        reverse("prerequisite_edit", args=[target.pk]),
        {"origin": sample["N.1.a"].pk, "reason": "Needed first"},
    )
    added = Association.objects.get(origin=sample["N.1.a"], destination=target)
    response = ada_client.post(
        reverse("prerequisite_remove", args=[target.pk, added.pk]), {"reason": "Too strict"}
    )
    assert response.status_code == 302
    assert not Association.objects.filter(pk=added.pk).exists()
    assert (
        Association.objects.filter(
            destination=target, association_type=AssociationType.PRECEDES
        ).count()
        == 1
    )


def test_other_roles_find_no_edit_urls(client, world, sample):
    client.force_login(world["leo"])
    item = sample["N.1.a"]
    for name in ("item_edit", "descriptor_edit", "prerequisite_edit"):
        assert client.get(reverse(name, args=[item.pk])).status_code == 404
