"""The continuum browser, its editing pages and the frameworks API.

Districts are tenants (decision 0009). Maple Grove's framework belongs to Riverside:
everyone signed in there browses it and only Riverside's admin edits it; Otto, Lakeside's
admin, gets a 404 for all of it. Lakeside's own framework is refused to Riverside's
people, admin included, until Lakeside shares it: then they read it and still may not
change it. The API's own OpenAPI document and docs page are public: they describe
endpoints and hold no data.
"""

from continuum.frameworks.models import Association, AssociationType, Framework
from continuum.frameworks.tests.factories import sample_framework
from tests.access import EVERYONE_SIGNED_IN, RIVERSIDE, ROLES, Case, allow

EVERYONE = frozenset(ROLES)
ADMIN = allow("admin")
OTTO = allow("outsider")
REASON = {"reason": "Access check"}


def populate(world: dict) -> None:
    world["continuum"] = sample_framework(owner=world["district"])
    world["lakeside_continuum"] = sample_framework("Lakeside Outcomes")
    world["shared_continuum"] = sample_framework("Lakeside Shared Outcomes")
    Framework.objects.filter(pk=world["shared_continuum"].framework.pk).update(
        organization=world["lakeside"], shared=True
    )


def _framework(world: dict) -> dict:
    return {"framework_id": world["continuum"].framework.pk}


def _item(world: dict) -> dict:
    return {"item_id": world["continuum"]["N.1.b"].pk}


def _lakeside_framework(world: dict) -> dict:
    return {"framework_id": world["lakeside_continuum"].framework.pk}


def _lakeside_item(world: dict) -> dict:
    return {"item_id": world["lakeside_continuum"]["N.1.b"].pk}


def _shared_framework(world: dict) -> dict:
    return {"framework_id": world["shared_continuum"].framework.pk}


def _shared_item(world: dict) -> dict:
    return {"item_id": world["shared_continuum"]["N.1.b"].pk}


def _prerequisite(world: dict) -> dict:
    item = world["continuum"]["N.1.b"]
    link = Association.objects.get(destination=item, association_type=AssociationType.PRECEDES)
    return {"item_id": item.pk, "association_id": link.pk}


def _lakeside_prerequisite(world: dict) -> dict:
    item = world["lakeside_continuum"]["N.1.b"]
    link = Association.objects.get(destination=item, association_type=AssociationType.PRECEDES)
    return {"item_id": item.pk, "association_id": link.pk}


ITEM_SAVE = {"full_statement": "Find equivalent ratios", "learning_area": "academic", **REASON}

CASES = [
    # Lists show each person their own districts' frameworks, shared and platform-wide ones.
    Case("framework_list", EVERYONE_SIGNED_IN),
    Case("framework_detail", RIVERSIDE, kwargs=_framework),
    Case("framework_detail", RIVERSIDE, kwargs=_framework, label="search", data={"q": "ratio"}),
    Case("framework_detail", OTTO, kwargs=_lakeside_framework, label="Lakeside's"),
    Case("framework_detail", EVERYONE_SIGNED_IN, kwargs=_shared_framework, label="shared"),
    Case("framework_graph", RIVERSIDE, kwargs=_framework),
    Case("framework_graph", OTTO, kwargs=_lakeside_framework, label="Lakeside's"),
    Case("framework_sharing", ADMIN, kwargs=_framework),
    Case(
        "framework_sharing",
        ADMIN,
        kwargs=_framework,
        method="post",
        label="share",
        data={"shared": "on", **REASON},
        ok_status=(302,),
    ),
    Case("framework_sharing", OTTO, kwargs=_lakeside_framework, label="Lakeside's"),
    Case("framework_sharing", OTTO, kwargs=_shared_framework, label="shared"),
    Case("item_detail", RIVERSIDE, kwargs=_item),
    Case("item_detail", OTTO, kwargs=_lakeside_item, label="Lakeside's"),
    Case("item_detail", EVERYONE_SIGNED_IN, kwargs=_shared_item, label="shared"),
    Case("item_edit", ADMIN, kwargs=_item),
    Case(
        "item_edit",
        ADMIN,
        kwargs=_item,
        method="post",
        label="save",
        data=ITEM_SAVE,
        ok_status=(302,),
    ),
    Case("item_edit", OTTO, kwargs=_lakeside_item, label="Lakeside's"),
    Case(
        "item_edit",
        OTTO,
        kwargs=_lakeside_item,
        method="post",
        label="save Lakeside's",
        data=ITEM_SAVE,
        ok_status=(302,),
    ),
    Case("item_edit", OTTO, kwargs=_shared_item, label="shared"),
    Case(
        "item_edit",
        OTTO,
        kwargs=_shared_item,
        method="post",
        label="save shared",
        data=ITEM_SAVE,
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
    Case("descriptor_edit", OTTO, kwargs=_lakeside_item, label="Lakeside's"),
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
    Case("prerequisite_edit", OTTO, kwargs=_lakeside_item, label="Lakeside's"),
    Case("prerequisite_edit", OTTO, kwargs=_shared_item, label="shared"),
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
    Case("prerequisite_remove", OTTO, kwargs=_lakeside_prerequisite, label="Lakeside's"),
    Case(
        "prerequisite_remove",
        OTTO,
        kwargs=_lakeside_prerequisite,
        method="post",
        label="remove Lakeside's",
        data=REASON,
        ok_status=(302,),
    ),
    Case("api-v1:list_frameworks", EVERYONE_SIGNED_IN),
    Case("api-v1:framework_detail", RIVERSIDE, kwargs=_framework),
    Case("api-v1:framework_detail", OTTO, kwargs=_lakeside_framework, label="Lakeside's"),
    Case("api-v1:framework_detail", EVERYONE_SIGNED_IN, kwargs=_shared_framework, label="shared"),
    Case("api-v1:framework_items", RIVERSIDE, kwargs=_framework),
    Case("api-v1:framework_items", OTTO, kwargs=_lakeside_framework, label="Lakeside's"),
    Case("api-v1:item_detail", RIVERSIDE, kwargs=_item),
    Case("api-v1:item_detail", OTTO, kwargs=_lakeside_item, label="Lakeside's"),
    Case("api-v1:openapi-json", EVERYONE),
    Case("api-v1:openapi-view", EVERYONE),
    # django-ninja's root only anchors the other paths: it answers 404 to everyone.
    Case("api-v1:api-root", EVERYONE, ok_status=(404,)),
]
