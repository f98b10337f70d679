"""The continuum browser, its editing pages and the frameworks API.

Everyone signed in browses the continuum; only district admins edit it. The API's own
OpenAPI document and docs page are public: they describe endpoints and hold no data.
"""

from continuum.frameworks.models import Association, AssociationType
from continuum.frameworks.tests.factories import sample_framework
from tests.access import EVERYONE_SIGNED_IN, ROLES, Case, allow

EVERYONE = frozenset(ROLES)
ADMIN = allow("admin")
REASON = {"reason": "Access check"}


def populate(world: dict) -> None:
    world["continuum"] = sample_framework()


def _framework(world: dict) -> dict:
    return {"framework_id": world["continuum"].framework.pk}


def _item(world: dict) -> dict:
    return {"item_id": world["continuum"]["N.1.b"].pk}


def _prerequisite(world: dict) -> dict:
    item = world["continuum"]["N.1.b"]
    link = Association.objects.get(destination=item, association_type=AssociationType.PRECEDES)
    return {"item_id": item.pk, "association_id": link.pk}


CASES = [
    Case("framework_list", EVERYONE_SIGNED_IN),
    Case("framework_detail", EVERYONE_SIGNED_IN, kwargs=_framework),
    Case(
        "framework_detail",
        EVERYONE_SIGNED_IN,
        kwargs=_framework,
        label="search",
        data={"q": "ratio"},
    ),
    Case("framework_graph", EVERYONE_SIGNED_IN, kwargs=_framework),
    Case("item_detail", EVERYONE_SIGNED_IN, kwargs=_item),
    Case("item_edit", ADMIN, kwargs=_item),
    Case(
        "item_edit",
        ADMIN,
        kwargs=_item,
        method="post",
        label="save",
        data={"full_statement": "Find equivalent ratios", "learning_area": "academic", **REASON},
        ok_status=(302,),
    ),
    Case("descriptor_edit", ADMIN, kwargs=_item),
    Case(
        "descriptor_edit",
        ADMIN,
        kwargs=_item,
        method="post",
        label="save",
        data=REASON,
        ok_status=(302,),
    ),
    Case("prerequisite_edit", ADMIN, kwargs=_item),
    Case(
        "prerequisite_edit",
        ADMIN,
        kwargs=_item,
        method="post",
        label="add without choosing",
        data=REASON,
        ok_status=(200,),
    ),
    Case("prerequisite_remove", ADMIN, kwargs=_prerequisite),
    Case(
        "prerequisite_remove",
        ADMIN,
        kwargs=_prerequisite,
        method="post",
        label="remove",
        data=REASON,
        ok_status=(302,),
    ),
    Case("api-v1:list_frameworks", EVERYONE_SIGNED_IN),
    Case("api-v1:framework_detail", EVERYONE_SIGNED_IN, kwargs=_framework),
    Case("api-v1:framework_items", EVERYONE_SIGNED_IN, kwargs=_framework),
    Case("api-v1:item_detail", EVERYONE_SIGNED_IN, kwargs=_item),
    Case("api-v1:openapi-json", EVERYONE),
    Case("api-v1:openapi-view", EVERYONE),
    # django-ninja's root only anchors the other paths: it answers 404 to everyone.
    Case("api-v1:api-root", EVERYONE, ok_status=(404,)),
]
