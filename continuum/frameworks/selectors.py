"""Reads of the learning continuum, each shaped for one page and a fixed number of queries."""

from collections import defaultdict
from collections.abc import Hashable
from dataclasses import dataclass, field
from datetime import datetime

from django.db.models import Count, Prefetch, Q, QuerySet
from django.utils.translation import gettext_lazy as _

from continuum.frameworks import graph
from continuum.frameworks.models import (
    Association,
    AssociationType,
    Framework,
    FrameworkItem,
    FrameworkVersion,
    ItemKind,
    LearningArea,
    LevelDescriptor,
    ProficiencyLevel,
    ProficiencyScale,
)
from continuum.frameworks.own_scale import scales_for
from continuum.frameworks.tenancy import in_districts
from continuum.people.models import User

# Above this many items the drawing stops being readable; the page shows the table alone.
GRAPH_NODE_LIMIT = 150
SEARCH_LIMIT = 50
TREE_ORDER = ("position", "human_coding_scheme", "id")
CROSSWALK_TYPES = (AssociationType.EXACT_MATCH_OF, AssociationType.IS_RELATED_TO)


@dataclass(frozen=True)
class AreaCounts:
    area: str
    label: str
    competencies: int
    targets: int


@dataclass(frozen=True)
class FrameworkSummary:
    framework: Framework
    version: FrameworkVersion | None
    areas: list[AreaCounts]


@dataclass
class TreeNode:
    item: FrameworkItem
    children: list["TreeNode"] = field(default_factory=list)


@dataclass(frozen=True)
class AreaTree:
    area: str
    label: str
    roots: list[TreeNode]


@dataclass(frozen=True)
class LevelRow:
    level: ProficiencyLevel
    descriptor: LevelDescriptor | None


@dataclass(frozen=True)
class ScaleTable:
    scale: ProficiencyScale
    rows: list[LevelRow]


@dataclass(frozen=True)
class Crosswalk:
    """The far end of an exactMatchOf / isRelatedTo association, inside the version or not."""

    association: Association
    item: FrameworkItem | None
    title: str
    uri: str


@dataclass(frozen=True)
class ItemDetail:
    item: FrameworkItem
    ancestors: list[FrameworkItem]
    children: list[FrameworkItem]
    scales: list[ScaleTable]
    prerequisites: list[Association]
    unlocks: list[Association]
    crosswalks: list[Crosswalk]
    is_current: bool


@dataclass(frozen=True)
class DrawnNode:
    item: FrameworkItem
    box: graph.PlacedNode
    is_focus: bool


@dataclass(frozen=True)
class PrerequisiteGraph:
    """Edges for the text equivalent, and a layout unless there is nothing (or too much)."""

    edges: list[Association]
    nodes: list[DrawnNode]
    layout: graph.Layout | None
    node_count: int
    focus: FrameworkItem | None = None

    @property
    def too_large(self) -> bool:
        return self.node_count > GRAPH_NODE_LIMIT


def framework_visible(*, user: User) -> QuerySet[Framework]:
    """The frameworks ``user`` may read: their districts' own, shared and platform-wide ones
    (decision 0009). Every read of a framework starts here, so another district's framework
    is a 404, never a 403 that confirms it exists."""
    if user.is_superuser:
        return Framework.objects.all()
    return Framework.objects.filter(
        Q(organization__isnull=True) | Q(shared=True) | in_districts(user, "organization")
    )


def target_visible(*, user: User) -> QuerySet[FrameworkItem]:
    """The learning targets ``user`` may read: those of ``framework_visible``. Pages and the
    API that take a target id look it up here, so another district's target is a 404."""
    return FrameworkItem.objects.filter(
        kind=ItemKind.TARGET, version__framework__in=framework_visible(user=user)
    )


def framework_list(*, user: User) -> list[FrameworkSummary]:
    """Every framework the user may read, with its current version and item counts per
    learning area."""
    frameworks = list(
        framework_visible(user=user)
        .select_related("organization")
        .prefetch_related(
            Prefetch("versions", queryset=FrameworkVersion.objects.order_by("-number"))
        )
        .order_by("title")
    )
    current = [(f, next(iter(f.versions.all()), None)) for f in frameworks]
    counts = _area_counts([v.pk for _, v in current if v is not None])
    return [FrameworkSummary(f, v, counts.get(v.pk, []) if v else []) for f, v in current]


def framework_get(*, framework_id: int, user: User) -> FrameworkSummary:
    """One framework the user may read and its current version; raises
    Framework.DoesNotExist (also for another district's framework)."""
    framework = framework_visible(user=user).select_related("organization").get(pk=framework_id)
    version = framework.current
    if version is None:
        return FrameworkSummary(framework, None, [])
    return FrameworkSummary(framework, version, _area_counts([version.pk]).get(version.pk, []))


def _area_counts(version_ids: list[int]) -> dict[int, list[AreaCounts]]:
    rows = (
        FrameworkItem.objects.filter(version_id__in=version_ids)
        .values("version_id", "learning_area", "kind")
        .annotate(n=Count("id"))
    )
    tally: dict[int, dict[str, dict[str, int]]] = defaultdict(lambda: defaultdict(dict))
    for row in rows:
        tally[row["version_id"]][row["learning_area"]][row["kind"]] = row["n"]
    return {
        version_id: [
            AreaCounts(
                area,
                str(label),
                by_area[area].get(ItemKind.COMPETENCY, 0),
                by_area[area].get(ItemKind.TARGET, 0),
            )
            for area, label in LearningArea.choices
            if area in by_area
        ]
        for version_id, by_area in tally.items()
    }


def item_list(*, version: FrameworkVersion) -> QuerySet[FrameworkItem]:
    """Every item of the version in tree order, in one query (lazy, so the API can page it
    in the database)."""
    return version.items.order_by(*TREE_ORDER)


def item_tree(*, version: FrameworkVersion) -> list[AreaTree]:
    """The version's items as trees, academic and lifelong learning apart.

    An item whose parent lies in the other learning area starts a tree of its own, so
    the two blocks never mix.
    """
    items = list(item_list(version=version))
    nodes = {item.pk: TreeNode(item) for item in items}
    roots: dict[str, list[TreeNode]] = defaultdict(list)
    for item in items:
        parent = nodes.get(item.parent_id) if item.parent_id else None
        if parent is not None and parent.item.learning_area == item.learning_area:
            parent.children.append(nodes[item.pk])
        else:
            roots[item.learning_area].append(nodes[item.pk])
    return [
        AreaTree(area, str(label), roots[area])
        for area, label in LearningArea.choices
        if area in roots
    ]


def item_search(*, version: FrameworkVersion, query: str) -> list[FrameworkItem]:
    """Items whose code or any statement contains the query (case-insensitive)."""
    query = query.strip()
    if not query:
        return []
    matches = (
        Q(human_coding_scheme__icontains=query)
        | Q(full_statement__icontains=query)
        | Q(abbreviated_statement__icontains=query)
        | Q(learner_statement__icontains=query)
    )
    found = version.items.filter(matches).select_related("parent")
    return list(found.order_by(*TREE_ORDER)[:SEARCH_LIMIT])


def item_get(*, item_id: int, user: User) -> ItemDetail:
    """Everything the item page shows; raises FrameworkItem.DoesNotExist (also for an item
    of a framework the user may not read)."""
    item = (
        FrameworkItem.objects.filter(version__framework__in=framework_visible(user=user))
        .select_related("version__framework", "parent__parent__parent__parent")
        .get(pk=item_id)
    )
    associations = list(
        Association.objects.filter(Q(origin=item) | Q(destination=item))
        .filter(association_type__in=[AssociationType.PRECEDES, *CROSSWALK_TYPES])
        .select_related("origin", "destination")
        .order_by("origin__position", "destination__position", "id")
    )
    precedes = [a for a in associations if a.association_type == AssociationType.PRECEDES]
    return ItemDetail(
        item=item,
        ancestors=_ancestors(item),
        children=list(item.children.order_by(*TREE_ORDER)),
        scales=_scale_tables(item),
        prerequisites=[a for a in precedes if a.destination_id == item.pk and a.origin],
        unlocks=[a for a in precedes if a.origin_id == item.pk and a.destination],
        crosswalks=[
            _crosswalk(a, item) for a in associations if a.association_type in CROSSWALK_TYPES
        ],
        is_current=not item.version.framework.versions.filter(
            number__gt=item.version.number
        ).exists(),
    )


def _ancestors(item: FrameworkItem) -> list[FrameworkItem]:
    """Root first. select_related covers four levels; deeper trees cost a query a level."""
    ancestors = []
    node = item
    while (parent := node.parent) is not None:
        ancestors.append(parent)
        node = parent
    return ancestors[::-1]


def _scale_tables(item: FrameworkItem) -> list[ScaleTable]:
    """The target's own scale (``scales_for``), levels × its descriptors: one table, never
    every scale of the framework."""
    scale = scales_for([item])[item.pk] if item.kind == ItemKind.TARGET else None
    if scale is None:
        return []
    descriptors = {d.level_id: d for d in item.descriptors.all()}
    return [
        ScaleTable(
            scale, [LevelRow(level, descriptors.get(level.pk)) for level in scale.levels.all()]
        )
    ]


def _crosswalk(association: Association, item: FrameworkItem) -> Crosswalk:
    outward = association.origin_id == item.pk
    other = association.destination if outward else association.origin
    identifier = association.destination_identifier if outward else association.origin_identifier
    link = association.raw.get("destinationNodeURI" if outward else "originNodeURI") or {}
    title = str(other) if other else link.get("title") or identifier
    return Crosswalk(association, other, title, link.get("uri", ""))


def framework_graph(
    *, version: FrameworkVersion, competency_id: int | None = None
) -> PrerequisiteGraph:
    """The version's prerequisite graph, or only the edges touching one competency's items."""
    edges = _precedes(Q(version=version))
    if competency_id is not None:
        inside = _descendants(version, competency_id)
        edges = [e for e in edges if e.origin_id in inside or e.destination_id in inside]
    return _prerequisite_graph(edges)


def item_neighbourhood_graph(*, item: FrameworkItem) -> PrerequisiteGraph:
    """The item, its prerequisites and what it unlocks, with the edges among them."""
    direct = _precedes(Q(origin=item) | Q(destination=item))
    near = {item.pk} | {e.origin_id for e in direct} | {e.destination_id for e in direct}
    among = _precedes(
        Q(origin_id__in=near, destination_id__in=near) & ~Q(pk__in=[e.pk for e in direct])
    )
    return _prerequisite_graph(direct + among, focus=item)


def competency_list(*, version: FrameworkVersion) -> QuerySet[FrameworkItem]:
    return version.items.filter(kind=ItemKind.COMPETENCY).order_by(*TREE_ORDER)


def _precedes(condition: Q) -> list[Association]:
    return list(
        Association.objects.filter(condition, association_type=AssociationType.PRECEDES)
        .filter(origin__isnull=False, destination__isnull=False)
        .select_related("origin", "destination")
        .order_by("origin__position", "destination__position", "id")
    )


def _descendants(version: FrameworkVersion, root_id: int) -> set[int]:
    children = defaultdict(list)
    for pk, parent_id in version.items.values_list("pk", "parent_id"):
        children[parent_id].append(pk)
    found, pending = set(), [root_id]
    while pending:
        pk = pending.pop()
        found.add(pk)
        pending.extend(children[pk])
    return found


def _prerequisite_graph(
    edges: list[Association], focus: FrameworkItem | None = None
) -> PrerequisiteGraph:
    items: dict[Hashable, FrameworkItem] = {}
    for edge in edges:
        for end in (edge.origin, edge.destination):
            if end is not None:
                items[end.pk] = end
    if focus is not None:
        items.setdefault(focus.pk, focus)
    if not edges or len(items) > GRAPH_NODE_LIMIT:
        return PrerequisiteGraph(edges, [], None, len(items), focus)
    layout = graph.layered_layout(list(items), [(e.origin_id, e.destination_id) for e in edges])
    focus_pk = focus.pk if focus else None
    nodes = [DrawnNode(items[box.key], box, box.key == focus_pk) for box in layout.nodes]
    return PrerequisiteGraph(edges, nodes, layout, len(items), focus)


def prerequisite_choices(*, item: FrameworkItem) -> QuerySet[FrameworkItem]:
    """Items that may become prerequisites of ``item``: its version's competencies and
    targets, except itself."""
    return (
        item.version.items.exclude(pk=item.pk).exclude(kind=ItemKind.DOMAIN).order_by(*TREE_ORDER)
    )


@dataclass(frozen=True)
class Change:
    """One audited change to an item or its level descriptors."""

    when: datetime
    who: str
    what: str
    why: str


_CHANGE_TYPES = {"+": _("created"), "~": _("changed"), "-": _("removed")}


def item_history(*, item: FrameworkItem, limit: int = 10) -> list[Change]:
    """The latest audited changes to the item and its descriptors, newest first."""
    records = [
        *item.history.select_related("history_user").order_by("-history_date")[:limit],
        *LevelDescriptor.history.filter(item_id=item.pk)
        .select_related("history_user")
        .order_by("-history_date")[:limit],
    ]
    records.sort(key=lambda record: record.history_date, reverse=True)
    return [change_of(record) for record in records[:limit]]


def change_of(record) -> Change:
    return Change(
        when=record.history_date,
        who=str(record.history_user or _("an import")),
        what=f"{record._meta.verbose_name.removeprefix('historical ')} "
        f"{_CHANGE_TYPES.get(record.history_type, '')}",
        why=record.history_change_reason or "",
    )
