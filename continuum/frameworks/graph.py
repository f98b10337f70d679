"""Pure layout of the prerequisite graph, and the path search behind the cycle check.

Nothing here imports Django: nodes are any hashable keys and edges are
``(prerequisite, unlocked)`` pairs, so the layout is tested without a database and the
template only turns the returned coordinates into SVG.

The layout is the classic layered (Sugiyama) drawing, left to right: each node sits in
the column of its longest chain of prerequisites, edges that skip columns pass through
invisible waypoints, and a few barycenter sweeps reorder each column to reduce crossings.
"""

from collections import defaultdict, deque
from collections.abc import Hashable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from itertools import pairwise

type Edge = tuple[Hashable, Hashable]


@dataclass(frozen=True)
class Spacing:
    node_width: int = 168
    node_height: int = 48
    column_gap: int = 72
    row_gap: int = 20
    margin: int = 12


@dataclass(frozen=True)
class PlacedNode:
    key: Hashable
    layer: int
    x: float
    y: float
    width: int
    height: int


@dataclass(frozen=True)
class PlacedEdge:
    source: Hashable
    target: Hashable
    points: tuple[tuple[float, float], ...]
    in_cycle: bool = False

    @property
    def path(self) -> str:
        """The points as an SVG path: ``M x y L x y …``."""
        head, *rest = self.points
        return f"M{head[0]:g} {head[1]:g}" + "".join(f" L{x:g} {y:g}" for x, y in rest)


@dataclass(frozen=True)
class Layout:
    nodes: tuple[PlacedNode, ...]
    edges: tuple[PlacedEdge, ...]
    width: float
    height: float
    crossings: int


@dataclass(frozen=True)
class _Waypoint:
    """An invisible node that carries an edge across one intermediate column."""

    edge: Edge
    layer: int


def find_path[T: Hashable](edges: Iterable[tuple[T, T]], start: T, goal: T) -> list[T] | None:
    """The shortest chain of edges from ``start`` to ``goal`` (both included), or None."""
    following: dict[T, list[T]] = defaultdict(list)
    for source, target in edges:
        following[source].append(target)
    came_from: dict[T, T | None] = {start: None}
    queue = deque([start])
    while queue:
        node = queue.popleft()
        if node == goal:
            path = [node]
            while (previous := came_from[path[-1]]) is not None:
                path.append(previous)
            return path[::-1]
        for target in following[node]:
            if target not in came_from:
                came_from[target] = node
                queue.append(target)
    return None


def cycle_edges(nodes: Sequence[Hashable], edges: Sequence[Edge]) -> set[Edge]:
    """Edges that close a cycle (back edges of a depth-first search in input order).

    Removing them leaves a DAG. Imported frameworks can contain cycles; the drawing must
    still come out, so they are laid out as if absent and flagged.
    """
    following = defaultdict(list)
    for edge in edges:
        following[edge[0]].append(edge)
    state: dict[Hashable, int] = {}  # 1 = on the current path, 2 = finished
    back: set[Edge] = set()
    for root in nodes:
        if root in state:
            continue
        state[root] = 1
        stack: list[tuple[Hashable, Iterator[Edge]]] = [(root, iter(following[root]))]
        while stack:
            node, pending = stack[-1]
            step: Edge | None = next(pending, None)
            if step is None:
                state[node] = 2
                stack.pop()
            elif state.get(step[1]) == 1:
                back.add(step)
            elif step[1] not in state:
                state[step[1]] = 1
                stack.append((step[1], iter(following[step[1]])))
    return back


def longest_path_layers(nodes: Sequence[Hashable], edges: Sequence[Edge]) -> dict[Hashable, int]:
    """Each node's layer: 0 without prerequisites, else one more than its deepest one.

    ``edges`` must be acyclic.
    """
    incoming = {node: 0 for node in nodes}
    following = defaultdict(list)
    for source, target in edges:
        incoming[target] += 1
        following[source].append(target)
    layer = dict.fromkeys(nodes, 0)
    ready = deque(node for node in nodes if incoming[node] == 0)
    while ready:
        node = ready.popleft()
        for target in following[node]:
            layer[target] = max(layer[target], layer[node] + 1)
            incoming[target] -= 1
            if incoming[target] == 0:
                ready.append(target)
    return layer


def count_crossings(layers: Sequence[Sequence[Hashable]], segments: Iterable[Edge]) -> int:
    """How many pairs of segments cross, each segment joining adjacent layers."""
    position = {node: index for layer in layers for index, node in enumerate(layer)}
    layer_of = {node: number for number, layer in enumerate(layers) for node in layer}
    by_gap = defaultdict(list)
    for source, target in segments:
        by_gap[layer_of[source]].append((position[source], position[target]))
    crossings = 0
    for spans in by_gap.values():
        for index, (a1, b1) in enumerate(spans):
            crossings += sum(1 for a2, b2 in spans[index + 1 :] if (a1 - a2) * (b1 - b2) < 0)
    return crossings


def order_layers(
    layers: Sequence[Sequence[Hashable]], segments: Sequence[Edge], sweeps: int = 8
) -> list[list[Hashable]]:
    """Reorder nodes within layers by the barycenter heuristic; keep the best order seen."""
    before, after = defaultdict(list), defaultdict(list)
    for source, target in segments:
        after[source].append(target)
        before[target].append(source)
    current = [list(layer) for layer in layers]
    best, fewest = [list(layer) for layer in current], count_crossings(current, segments)
    for sweep in range(sweeps):
        downward = sweep % 2 == 0
        numbers = range(1, len(current)) if downward else range(len(current) - 2, -1, -1)
        for number in numbers:
            fixed = current[number - 1] if downward else current[number + 1]
            current[number] = _by_barycenter(current[number], fixed, before if downward else after)
        crossings = count_crossings(current, segments)
        if crossings < fewest:
            best, fewest = [list(layer) for layer in current], crossings
    return best


def _by_barycenter(
    layer: list[Hashable], fixed: list[Hashable], neighbours: dict[Hashable, list[Hashable]]
) -> list[Hashable]:
    """The layer sorted by the mean position of each node's neighbours in the fixed layer;
    a node without neighbours there keeps its place."""
    position = {node: index for index, node in enumerate(fixed)}

    def barycenter(item: tuple[int, Hashable]) -> float:
        index, node = item
        linked = [position[other] for other in neighbours[node] if other in position]
        return sum(linked) / len(linked) if linked else index

    return [node for _, node in sorted(enumerate(layer), key=barycenter)]


def layered_layout(
    nodes: Sequence[Hashable],
    edges: Sequence[Edge],
    spacing: Spacing = Spacing(),
    sweeps: int = 8,
) -> Layout:
    """Coordinates for a left-to-right layered drawing of ``edges`` over ``nodes``.

    Edges whose ends are not both in ``nodes``, self-loops and duplicates are ignored.
    """
    nodes = list(dict.fromkeys(nodes))
    known = set(nodes)
    edges = [e for e in dict.fromkeys(edges) if e[0] in known and e[1] in known and e[0] != e[1]]
    in_cycle = cycle_edges(nodes, edges)
    acyclic = [edge for edge in edges if edge not in in_cycle]
    layer_of: dict[Hashable, int] = longest_path_layers(nodes, acyclic)
    layers: list[list[Hashable]] = [[] for _ in range(max(layer_of.values(), default=-1) + 1)]
    for node in nodes:
        layers[layer_of[node]].append(node)
    chains: dict[Edge, list[Hashable]] = {}
    segments: list[Edge] = []
    for edge in acyclic:
        source, target = edge
        waypoints = [_Waypoint(edge, n) for n in range(layer_of[source] + 1, layer_of[target])]
        for waypoint in waypoints:
            layers[waypoint.layer].append(waypoint)
            layer_of[waypoint] = waypoint.layer
        chains[edge] = [source, *waypoints, target]
        segments.extend(pairwise(chains[edge]))
    layers = order_layers(layers, segments, sweeps)
    return _place(layers, layer_of, chains, in_cycle, spacing, count_crossings(layers, segments))


def _place(layers, layer_of, chains, in_cycle, spacing: Spacing, crossings: int) -> Layout:
    step_x = spacing.node_width + spacing.column_gap
    step_y = spacing.node_height + spacing.row_gap
    tallest = max((len(layer) for layer in layers), default=0)
    centre: dict[Hashable, tuple[float, float]] = {}
    for number, layer in enumerate(layers):
        offset = (tallest - len(layer)) * step_y / 2
        for index, node in enumerate(layer):
            centre[node] = (
                spacing.margin + number * step_x + spacing.node_width / 2,
                spacing.margin + offset + index * step_y + spacing.node_height / 2,
            )
    half = spacing.node_width / 2
    placed = tuple(
        PlacedNode(
            node,
            layer_of[node],
            centre[node][0] - half,
            centre[node][1] - spacing.node_height / 2,
            spacing.node_width,
            spacing.node_height,
        )
        for layer in layers
        for node in layer
        if not isinstance(node, _Waypoint)
    )
    drawn = [
        PlacedEdge(
            chain[0],
            chain[-1],
            (
                (centre[chain[0]][0] + half, centre[chain[0]][1]),
                *(centre[waypoint] for waypoint in chain[1:-1]),
                (centre[chain[-1]][0] - half, centre[chain[-1]][1]),
            ),
        )
        for chain in chains.values()
    ]
    drawn += [
        PlacedEdge(s, t, ((centre[s][0], centre[s][1]), (centre[t][0], centre[t][1])), True)
        for s, t in in_cycle
    ]
    return Layout(
        nodes=placed,
        edges=tuple(drawn),
        width=2 * spacing.margin + len(layers) * step_x - spacing.column_gap if layers else 0,
        height=2 * spacing.margin + tallest * step_y - spacing.row_gap if layers else 0,
        crossings=crossings,
    )
