"""The pure layout: no database, milliseconds."""

from hypothesis import given
from hypothesis import strategies as st

from continuum.frameworks.graph import (
    Spacing,
    count_crossings,
    cycle_edges,
    find_path,
    layered_layout,
    longest_path_layers,
    order_layers,
)


def test_a_node_sits_one_layer_after_its_deepest_prerequisite():
    edges = [("a", "b"), ("b", "c"), ("a", "c"), ("d", "c")]
    assert longest_path_layers(["a", "b", "c", "d"], edges) == {"a": 0, "b": 1, "c": 2, "d": 0}


def test_find_path_returns_the_shortest_chain_or_none():
    edges = [("a", "b"), ("b", "c"), ("c", "d"), ("a", "d")]
    assert find_path(edges, "a", "d") == ["a", "d"]
    assert find_path(edges, "b", "d") == ["b", "c", "d"]
    assert find_path(edges, "d", "a") is None
    assert find_path(edges, "a", "a") == ["a"]


def test_cycle_edges_breaks_every_cycle():
    edges = [("a", "b"), ("b", "c"), ("c", "a"), ("c", "d")]
    back = cycle_edges(["a", "b", "c", "d"], edges)
    assert back == {("c", "a")}


def test_crossings_are_counted_between_adjacent_layers():
    layers = [["a", "b"], ["c", "d"]]
    assert count_crossings(layers, [("a", "d"), ("b", "c")]) == 1
    assert count_crossings(layers, [("a", "c"), ("b", "d")]) == 0


def test_barycenter_ordering_untangles_a_crossed_pair():
    layers = [["a", "b"], ["d", "c"]]
    segments = [("a", "c"), ("b", "d")]
    ordered = order_layers(layers, segments)
    assert count_crossings(ordered, segments) == 0


def test_long_edges_bend_through_waypoints_in_the_columns_they_skip():
    layout = layered_layout(["a", "b", "c"], [("a", "b"), ("b", "c"), ("a", "c")])
    long_edge = next(e for e in layout.edges if (e.source, e.target) == ("a", "c"))
    assert len(long_edge.points) == 3
    assert long_edge.path.startswith("M")


def test_layers_become_columns_left_to_right():
    spacing = Spacing(node_width=100, column_gap=50, margin=0)
    layout = layered_layout(["a", "b"], [("a", "b")], spacing)
    x = {node.key: node.x for node in layout.nodes}
    assert x == {"a": 0, "b": 150}
    assert layout.width == 250


def test_a_cycle_still_lays_out_and_is_flagged():
    layout = layered_layout(["a", "b"], [("a", "b"), ("b", "a")])
    assert {node.key for node in layout.nodes} == {"a", "b"}
    assert [edge.in_cycle for edge in layout.edges].count(True) == 1


def test_unknown_ends_self_loops_and_duplicates_are_ignored():
    layout = layered_layout(["a", "b"], [("a", "b"), ("a", "b"), ("a", "a"), ("a", "z")])
    assert len(layout.edges) == 1


def test_an_empty_graph_has_no_size():
    layout = layered_layout([], [])
    assert (layout.width, layout.height, layout.nodes) == (0, 0, ())


@given(
    st.lists(
        st.tuples(st.integers(0, 12), st.integers(0, 12)).filter(lambda e: e[0] < e[1]),
        max_size=30,
    )
)
def test_every_acyclic_edge_points_rightwards_and_no_two_nodes_overlap(edges):
    nodes = list(range(13))
    layout = layered_layout(nodes, edges)
    placed = {node.key: node for node in layout.nodes}
    assert set(placed) == set(nodes)
    for edge in layout.edges:
        assert placed[edge.source].layer < placed[edge.target].layer
    corners = {(node.x, node.y) for node in layout.nodes}
    assert len(corners) == len(nodes)
    assert all(node.x >= 0 and node.x + node.width <= layout.width for node in layout.nodes)
    assert all(node.y >= 0 and node.y + node.height <= layout.height for node in layout.nodes)
