"""Rostering pages are a district admin's, for their own district. Ada (Riverside) sees
Riverside's imports; Otto (Lakeside) opens the page and uploads into Lakeside only, and gets
a 404 for Riverside's imports. Leaders, educators and everyone else are refused."""

from tests.access import Case, allow

OWN_DISTRICT = allow("admin", "outsider")


def populate(world: dict) -> None:
    from continuum.rostering.services.imports import roster_import_preview
    from continuum.rostering.tests.packages import package_bytes, small_roster

    world["roster_import"] = roster_import_preview(
        district=world["district"],
        by=world["ada"],
        file_name="riverside.zip",
        data=package_bytes(small_roster()),
    )


def _import(world: dict) -> dict:
    return {"import_id": world["roster_import"].pk}


CASES = [
    Case("rostering_home", OWN_DISTRICT),
    # An empty upload is shown again with its error; the page itself is the check.
    Case("rostering_home", OWN_DISTRICT, method="post", label="upload", data={}),
    Case("rostering_import", allow("admin"), kwargs=_import),
    Case("rostering_progress", allow("admin"), kwargs=_import),
    Case("rostering_start", allow("admin"), kwargs=_import, method="post", ok_status=(302,)),
]
