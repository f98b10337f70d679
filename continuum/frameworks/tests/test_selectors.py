import pytest

from continuum.frameworks import selectors
from continuum.frameworks.models import FrameworkItem
from continuum.frameworks.tests.factories import sample_framework, version_create


@pytest.fixture
def sample(db):
    return sample_framework()


@pytest.fixture
def lena(world):
    """A reader in Riverside: she sees the platform-wide sample, not Lakeside's framework."""
    return world["lena"]


def test_the_list_counts_the_current_version_only(lena, sample):
    newer = version_create(title="Maple Grove Mathematics", number=2)
    (summary,) = selectors.framework_list(user=lena)
    assert summary.version == newer
    assert summary.areas == []


def test_counts_are_split_by_learning_area(lena, sample):
    (summary,) = selectors.framework_list(user=lena)
    counts = {area.area: (area.competencies, area.targets) for area in summary.areas}
    assert counts == {"academic": (2, 4), "lifelong": (1, 1)}


def test_the_tree_nests_items_under_their_parents_in_order(sample):
    academic, lifelong = selectors.item_tree(version=sample.version)
    (number,) = academic.roots
    assert [c.item.human_coding_scheme for c in number.children] == ["N.1", "N.2"]
    assert [t.item.human_coding_scheme for t in number.children[0].children] == [
        "N.1.a",
        "N.1.b",
        "N.1.c",
    ]
    assert lifelong.area == "lifelong"


def test_an_item_in_the_other_area_starts_its_own_tree(sample):
    FrameworkItem.objects.filter(pk=sample["N.1.c"].pk).update(learning_area="lifelong")
    _, lifelong = selectors.item_tree(version=sample.version)
    assert [r.item.human_coding_scheme for r in lifelong.roots] == ["N.1.c", "SEL"]


@pytest.mark.parametrize(
    ("query", "codes"),
    [
        ("n.1.", ["N.1.a", "N.1.b", "N.1.c"]),
        ("unit rate", ["N.1.c"]),
        ("plan my work", ["SEL.1.a"]),
        ("   ", []),
    ],
)
def test_search_matches_codes_and_statements(sample, query, codes):
    found = selectors.item_search(version=sample.version, query=query)
    assert [item.human_coding_scheme for item in found] == codes


def test_the_item_detail_gathers_everything_its_page_shows(lena, sample):
    detail = selectors.item_get(item_id=sample["N.1.b"].pk, user=lena)
    assert [a.human_coding_scheme for a in detail.ancestors] == ["N", "N.1"]
    assert [link.origin for link in detail.prerequisites] == [sample["N.1.a"]]
    assert [link.destination for link in detail.unlocks] == [sample["N.1.c"], sample["N.2.a"]]
    assert detail.is_current


def test_the_descriptor_table_has_a_row_per_level_even_without_descriptors(lena, sample):
    detail = selectors.item_get(item_id=sample["N.1.a"].pk, user=lena)
    (table,) = detail.scales
    assert [(row.level.name, bool(row.descriptor)) for row in table.rows] == [
        ("Beginning", True),
        ("Developing", True),
        ("Proficient", True),
        ("Advanced", True),
    ]
    (table,) = selectors.item_get(item_id=sample["N.1.c"].pk, user=lena).scales
    assert not any(row.descriptor for row in table.rows)


def test_a_crosswalk_outside_the_version_is_named_from_its_case_link(lena, sample):
    (crosswalk,) = selectors.item_get(item_id=sample["N.1.a"].pk, user=lena).crosswalks
    assert crosswalk.item is None
    assert crosswalk.title == "CCSS.Math 6.RP.A.1"


def test_an_item_of_an_older_version_says_so(lena, sample):
    version_create(title="Maple Grove Mathematics", number=2)
    assert not selectors.item_get(item_id=sample["N.1.a"].pk, user=lena).is_current


def test_the_neighbourhood_graph_holds_the_item_and_its_direct_links(sample):
    graph = selectors.item_neighbourhood_graph(item=sample["N.1.c"])
    assert {node.item.human_coding_scheme for node in graph.nodes} == {"N.1.b", "N.1.c"}
    assert [node.is_focus for node in graph.nodes] == [False, True]


def test_an_item_without_links_has_no_drawing(sample):
    graph = selectors.item_neighbourhood_graph(item=sample["SEL.1.a"])
    assert graph.layout is None
    assert graph.edges == []


def test_a_graph_over_the_limit_is_not_laid_out(sample, monkeypatch):
    monkeypatch.setattr(selectors, "GRAPH_NODE_LIMIT", 3)
    graph = selectors.framework_graph(version=sample.version)
    assert graph.too_large
    assert graph.layout is None
    assert len(graph.edges) == 3
