"""The one order of learning targets, for every page and every calculation that lists them.

Targets come framework by framework (by title, as the continuum browser lists them), oldest
version first, then in the framework's tree: by their domain's place, their competency's
place and their own place among siblings, then by code and id so that no two targets tie.
CASE packages number items among their siblings (every competency's first target is 0), so
a competency's targets stay together only when the order looks at the parents first; an
item without a parent (or grandparent) comes before those with one, on every database.

The order is a value, not a habit: the learner map, the gradebook, the heatmaps, the plan
recommender's tie-breaks, supports and the forms that offer targets all ask for it here.
``FrameworkItem``'s default ordering (version, place, code) stays the cheap order for items
of every kind within a version; a list of targets asks for this one.
"""

from django.db.models import F, OrderBy, Prefetch

from continuum.frameworks.models import FrameworkItem, LearningArea

# Each step, outermost first; ``id`` last makes the order total.
_STEPS = (
    "version__framework__title",
    "version__framework_id",
    "version__number",
    "version_id",
    "parent__parent__position",
    "parent__parent_id",
    "parent__position",
    "parent_id",
    "position",
    "human_coding_scheme",
    "id",
)

#: ``FrameworkItem.objects.order_by(*TARGET_ORDER)``: targets in the one order.
TARGET_ORDER: tuple[OrderBy, ...] = tuple(F(step).asc(nulls_first=True) for step in _STEPS)


def in_target_order(lookup: str) -> Prefetch:
    """``prefetch_related(in_target_order("targets"))``: a relation's targets in the one
    order (a goal's, an experience's), in the same one query as a plain prefetch."""
    return Prefetch(lookup, queryset=FrameworkItem.objects.order_by(*TARGET_ORDER))


def area_rank(item: FrameworkItem) -> int:
    """Where the item's learning area comes on a page that shows the areas apart: academic
    first, then lifelong learning, as ``LearningArea`` lists them. Pages sort on it stably,
    so each area keeps the one order."""
    return _AREAS.get(item.learning_area, len(_AREAS))


_AREAS = {area: rank for rank, area in enumerate(LearningArea.values)}
