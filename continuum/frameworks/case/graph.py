"""Graph facts about a CFPackage: the tree from ``isChildOf`` and cycles in any relation."""

from collections.abc import Iterable, Mapping


def end_identifiers(association: Mapping) -> tuple[str, str]:
    return association["originNodeURI"]["identifier"], association["destinationNodeURI"][
        "identifier"
    ]


def tree_parents(package: Mapping) -> dict[str, str | None]:
    """Each item's parent: the first ``isChildOf`` destination that is an item of the package.

    Items that are children of the document, of something outside the package or of
    nothing at all are roots (``None``).
    """
    items = [item["identifier"] for item in package.get("CFItems", [])]
    known = set(items)
    parents: dict[str, str | None] = dict.fromkeys(items)
    for association in package.get("CFAssociations", []):
        if association["associationType"] != "isChildOf":
            continue
        origin, destination = end_identifiers(association)
        if origin in known and parents[origin] is None and destination in known:
            parents[origin] = destination
    return parents


def find_cycle(edges: Iterable[tuple[str, str]]) -> list[str] | None:
    """One cycle (first node repeated at the end) in a directed graph, or ``None``."""
    successors: dict[str, list[str]] = {}
    for origin, destination in edges:
        successors.setdefault(origin, []).append(destination)
    state: dict[str, int] = {}  # 1 = on the current path, 2 = finished
    for start in successors:
        if start in state:
            continue
        path, stack = [start], [iter(successors.get(start, ()))]
        state[start] = 1
        while stack:
            following = next(stack[-1], None)
            if following is None:
                state[path.pop()] = 2
                stack.pop()
            elif state.get(following) == 1:
                return [*path[path.index(following) :], following]
            elif following not in state:
                state[following] = 1
                path.append(following)
                stack.append(iter(successors.get(following, ())))
    return None
