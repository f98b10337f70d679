"""Frameworks in the JSON API: the same selectors as the continuum browser, read-only."""

from django.http import Http404
from ninja import Router, Schema
from ninja.pagination import paginate

from continuum.api.auth import token_or_session
from continuum.api.limits import BoundedPagination, Id
from continuum.frameworks.models import Framework, FrameworkItem
from continuum.frameworks.public import (
    AreaCounts,
    FrameworkSummary,
    ItemDetail,
    framework_get,
    framework_list,
    item_get,
    item_list,
)
from continuum.lib.uris import is_safe_uri

router = Router(tags=["frameworks"], auth=token_or_session)


class FrameworkOut(Schema):
    id: int
    identifier: str
    title: str
    version_number: int | None

    @staticmethod
    def resolve_id(summary: FrameworkSummary) -> int:
        return summary.framework.pk

    @staticmethod
    def resolve_identifier(summary: FrameworkSummary) -> str:
        return summary.framework.identifier

    @staticmethod
    def resolve_title(summary: FrameworkSummary) -> str:
        return summary.framework.title

    @staticmethod
    def resolve_version_number(summary: FrameworkSummary) -> int | None:
        return summary.version.number if summary.version else None


class VersionOut(Schema):
    id: int
    number: int
    title: str
    case_version: str
    version: str
    adoption_status: str
    language: str
    publisher: str


class AreaCountsOut(Schema):
    area: str
    competencies: int
    targets: int


class FrameworkDetailOut(FrameworkOut):
    version: VersionOut | None
    counts: list[AreaCountsOut]

    @staticmethod
    def resolve_counts(summary: FrameworkSummary) -> list[AreaCounts]:
        return summary.areas


class ItemOut(Schema):
    id: int
    identifier: str
    parent_id: int | None
    kind: str
    learning_area: str
    human_coding_scheme: str
    full_statement: str
    abbreviated_statement: str
    learner_statement: str
    position: int


class ItemRef(Schema):
    id: int
    human_coding_scheme: str
    full_statement: str


class DescriptorOut(Schema):
    scale: str
    level: float
    level_name: str
    description: str


class CrosswalkOut(Schema):
    association_type: str
    item_id: int | None
    title: str
    uri: str


class ItemDetailOut(Schema):
    item: ItemOut
    ancestors: list[ItemRef]
    descriptors: list[DescriptorOut]
    prerequisites: list[ItemRef]
    unlocks: list[ItemRef]
    crosswalks: list[CrosswalkOut]

    @staticmethod
    def resolve_descriptors(detail: ItemDetail) -> list[dict]:
        return [
            {
                "scale": table.scale.title,
                "level": row.level.value,
                "level_name": row.level.name,
                "description": row.descriptor.description,
            }
            for table in detail.scales
            for row in table.rows
            if row.descriptor
        ]

    @staticmethod
    def resolve_prerequisites(detail: ItemDetail) -> list[FrameworkItem]:
        return [link.origin for link in detail.prerequisites if link.origin]

    @staticmethod
    def resolve_unlocks(detail: ItemDetail) -> list[FrameworkItem]:
        return [link.destination for link in detail.unlocks if link.destination]

    @staticmethod
    def resolve_crosswalks(detail: ItemDetail) -> list[dict]:
        return [
            {
                "association_type": crosswalk.association.association_type,
                "item_id": crosswalk.item.pk if crosswalk.item else None,
                "title": crosswalk.title,
                "uri": crosswalk.uri if is_safe_uri(crosswalk.uri) else "",  # never javascript:
            }
            for crosswalk in detail.crosswalks
        ]


@router.get("/", response=list[FrameworkOut], summary="List frameworks")
@paginate(BoundedPagination)
def list_frameworks(request):
    return framework_list(user=request.user)


@router.get(
    "/{int:framework_id}",
    response=FrameworkDetailOut,
    url_name="framework_detail",
    summary="A framework and its current version",
)
def framework_detail(request, framework_id: Id):
    return _summary(request, framework_id)


@router.get(
    "/{int:framework_id}/items",
    response=list[ItemOut],
    url_name="framework_items",
    summary="The current version's items, flat, with parent ids, a page at a time",
)
@paginate(BoundedPagination)
def framework_items(request, framework_id: Id):
    summary = _summary(request, framework_id)
    if summary.version is None:
        return FrameworkItem.objects.none()
    return item_list(version=summary.version)


@router.get(
    "/items/{int:item_id}",
    response=ItemDetailOut,
    url_name="item_detail",
    summary="An item with its level descriptors, prerequisites, unlocks and crosswalks",
)
def item_detail(request, item_id: Id):
    try:
        return item_get(item_id=item_id, user=request.user)
    except FrameworkItem.DoesNotExist:
        raise Http404("No such item.") from None


def _summary(request, framework_id: Id) -> FrameworkSummary:
    """Another district's framework is a 404, as in the continuum browser."""
    try:
        return framework_get(framework_id=framework_id, user=request.user)
    except Framework.DoesNotExist:
        raise Http404("No such framework.") from None
