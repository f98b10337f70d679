"""Authoring the continuum and confirming a CASE import preview.

Districts are tenants (decision 0009): Riverside's framework is authored by Riverside's
admin (Ada) only; everyone else, Otto (Lakeside's admin) included, gets a 404. Lakeside's
own framework is Otto's to author and a 404 to Ada. A previewed CASE import is confirmed
only by an admin of the district that asked for it.
"""

from continuum.frameworks.models import CaseImport, CaseImportStatus
from continuum.frameworks.tests.factories import sample_framework
from tests.access import Case, allow

ADMIN = allow("admin")
OTTO = allow("outsider")
REASON = {"reason": "Access check"}


def populate(world: dict) -> None:
    world["authored"] = sample_framework("Riverside Authored Outcomes", owner=world["district"])
    world["lakeside_authored"] = sample_framework(
        "Lakeside Authored Outcomes", owner=world["lakeside"]
    )
    for key, admin, district in (
        ("previewed_import", "ada", "district"),
        ("lakeside_previewed_import", "otto", "lakeside"),
    ):
        world[key] = CaseImport.objects.create(
            source=f"{key}.json",
            status=CaseImportStatus.PREVIEWED,
            created_by=world[admin],
            organization=world[district],
        )


def _framework(key: str):
    return lambda world: {"framework_id": world[key].framework.pk}


def _item(key: str, code: str):
    return lambda world: {"item_id": world[key][code].pk}


def _create_data(key: str):
    return lambda world: {
        "kind": "target",
        "parent": world[key]["N.1"].pk,
        "full_statement": "Use ratio language",
        **REASON,
    }


def _move_data(key: str):
    return lambda world: {"parent": world[key]["N.2"].pk, **REASON}


def _cases(key: str, allowed: frozenset[str], label: str) -> list[Case]:
    return [
        Case("framework_author", allowed, kwargs=_framework(key), label=label),
        Case("item_create", allowed, kwargs=_framework(key), label=label),
        Case(
            "item_create",
            allowed,
            kwargs=_framework(key),
            method="post",
            label=f"{label} add",
            data=_create_data(key),
            ok_status=(302,),
        ),
        Case("item_move", allowed, kwargs=_item(key, "N.1.c"), label=label),
        Case(
            "item_move",
            allowed,
            kwargs=_item(key, "N.1.c"),
            method="post",
            label=f"{label} move",
            data=_move_data(key),
            ok_status=(302,),
        ),
        Case(
            "item_reorder",
            allowed,
            kwargs=_item(key, "N.1.b"),
            method="post",
            label=f"{label} up",
            data={"direction": "up"},
            ok_status=(302,),
        ),
        Case("item_retire", allowed, kwargs=_item(key, "N.1.c"), label=label),
        Case(
            "item_retire",
            allowed,
            kwargs=_item(key, "N.1.c"),
            method="post",
            label=f"{label} retire",
            data=REASON,
            ok_status=(302,),
        ),
    ]


CASES = [
    *_cases("authored", ADMIN, "Riverside's"),
    *_cases("lakeside_authored", OTTO, "Lakeside's"),
    Case(
        "case_import_confirm",
        ADMIN,
        kwargs=lambda w: {"import_id": w["previewed_import"].pk},
        method="post",
        ok_status=(302,),
    ),
    Case(
        "case_import_confirm",
        OTTO,
        kwargs=lambda w: {"import_id": w["lakeside_previewed_import"].pk},
        method="post",
        label="Lakeside's",
        ok_status=(302,),
    ),
]
