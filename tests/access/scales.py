"""A proficiency scale's page and the form that sets its bands.

The scales are those of tests/access/frameworks.py's frameworks (its ``populate`` builds
them). Maple Grove's scale belongs to Riverside: everyone signed in there reads it and only
Riverside's admin sets its bands; Otto, Lakeside's admin, gets a 404 for both pages. He
reads and sets the bands of Lakeside's own scale, which Riverside's people cannot see;
once Lakeside shares its framework everyone reads that scale and still only Otto sets it.
"""

from tests.access import EVERYONE_SIGNED_IN, RIVERSIDE, Case, allow

ADMIN = allow("admin")
OTTO = allow("outsider")
SAVE = {"estimate_advanced": "3.25", "reason": "Access check"}


def _scale(world: dict) -> dict:
    return {"scale_id": world["continuum"].scale.pk}


def _lakeside_scale(world: dict) -> dict:
    return {"scale_id": world["lakeside_continuum"].scale.pk}


def _shared_scale(world: dict) -> dict:
    return {"scale_id": world["shared_continuum"].scale.pk}


CASES = [
    Case("scale_detail", RIVERSIDE, kwargs=_scale),
    Case("scale_detail", OTTO, kwargs=_lakeside_scale, label="Lakeside's"),
    Case("scale_detail", EVERYONE_SIGNED_IN, kwargs=_shared_scale, label="shared"),
    Case("scale_edit", ADMIN, kwargs=_scale),
    Case(
        "scale_edit", ADMIN, kwargs=_scale, method="post", label="save", data=SAVE, ok_status=(302,)
    ),
    Case("scale_edit", OTTO, kwargs=_lakeside_scale, label="Lakeside's"),
    Case(
        "scale_edit",
        OTTO,
        kwargs=_lakeside_scale,
        method="post",
        label="save Lakeside's",
        data=SAVE,
        ok_status=(302,),
    ),
    Case("scale_edit", OTTO, kwargs=_shared_scale, label="shared"),
    Case(
        "scale_edit",
        OTTO,
        kwargs=_shared_scale,
        method="post",
        label="save shared",
        data=SAVE,
        ok_status=(302,),
    ),
]
