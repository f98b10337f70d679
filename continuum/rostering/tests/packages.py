"""OneRoster packages written by the tests: a zip from a dict of file name → rows."""

import csv
import io
import zipfile
from pathlib import Path

HEADERS = {
    "orgs": ["sourcedId", "status", "dateLastModified", "name", "type", "identifier",
             "parentSourcedId"],
    "academicSessions": ["sourcedId", "status", "dateLastModified", "title", "type", "startDate",
                         "endDate", "parentSourcedId", "schoolYear"],
    "courses": ["sourcedId", "status", "dateLastModified", "schoolYearSourcedId", "title",
                "courseCode", "grades", "orgSourcedId", "subjects"],
    "classes": ["sourcedId", "status", "dateLastModified", "title", "grades", "courseSourcedId",
                "classCode", "classType", "location", "schoolSourcedId", "termSourcedIds"],
    "users_1.1": ["sourcedId", "status", "dateLastModified", "enabledUser", "orgSourcedIds",
                  "role", "username", "userIds", "givenName", "familyName", "middleName",
                  "identifier", "email", "sms", "phone", "agentSourcedIds", "grades", "password"],
    "users_1.2": ["sourcedId", "status", "dateLastModified", "enabledUser", "username", "userIds",
                  "givenName", "familyName", "middleName", "identifier", "email", "sms", "phone",
                  "agentSourcedIds", "grades", "password", "userMasterIdentifier",
                  "preferredGivenName", "primaryOrgSourcedId"],
    "roles": ["sourcedId", "status", "dateLastModified", "userSourcedId", "roleType", "role",
              "beginDate", "endDate", "orgSourcedId", "userProfileSourcedId"],
    "enrollments": ["sourcedId", "status", "dateLastModified", "classSourcedId",
                    "schoolSourcedId", "userSourcedId", "role", "primary", "beginDate", "endDate"],
}  # fmt: skip


def package_bytes(
    files: dict[str, list[dict]], *, version: str = "1.1", mode: str = "bulk", bom: bool = False
) -> bytes:
    """A zip whose manifest marks each given file ``mode`` and the others absent."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        manifest = [["propertyName", "value"], ["manifest.version", "1.0"]]
        manifest.append(["oneroster.version", version])
        for name in ("orgs", "academicSessions", "courses", "classes", "users", "roles",
                     "enrollments"):  # fmt: skip
            manifest.append([f"file.{name}", mode if name in files else "absent"])
        archive.writestr("manifest.csv", _csv(manifest, bom))
        for name, rows in files.items():
            header = HEADERS[f"users_{version}"] if name == "users" else HEADERS[name]
            lines = [header] + [[row.get(column, "") for column in header] for row in rows]
            archive.writestr(f"{name}.csv", _csv(lines, bom))
    return out.getvalue()


def _csv(lines: list[list[str]], bom: bool) -> bytes:
    text = io.StringIO()
    csv.writer(text, quoting=csv.QUOTE_ALL, lineterminator="\r\n").writerows(lines)
    return (("\ufeff" if bom else "") + text.getvalue()).encode("utf-8")


def zip_folder(folder: Path, into: Path) -> Path:
    """The shared package's CSV files zipped (as a district's SIS would send them)."""
    path = into / f"{folder.name}.zip"
    with zipfile.ZipFile(path, "w") as archive:
        for csv_file in sorted(folder.glob("*.csv")):
            archive.write(csv_file, csv_file.name)
    return path


def small_roster() -> dict[str, list[dict]]:
    """Riverside's own package: Maple Grove is its school ... (1.1, bulk)."""
    return {
        "orgs": [
            {"sourcedId": "d-river", "name": "Riverside District", "type": "district"},
            {"sourcedId": "s-oak", "name": "Oak Hill", "type": "school",
             "parentSourcedId": "d-river"},
        ],
        "academicSessions": [
            {"sourcedId": "t-1", "title": "Fall", "type": "term", "startDate": "2026-08-20",
             "endDate": "2026-12-20", "schoolYear": "2027"},
        ],
        "courses": [{"sourcedId": "c-math", "title": "Math 7", "orgSourcedId": "s-oak"}],
        "classes": [
            {"sourcedId": "k-1", "title": "Math 7, période 1", "courseSourcedId": "c-math",
             "classCode": "M7-1", "classType": "scheduled", "schoolSourcedId": "s-oak",
             "termSourcedIds": "t-1"},
        ],
        "users": [
            {"sourcedId": "u-ana", "enabledUser": "true", "orgSourcedIds": "s-oak",
             "role": "student", "username": "ana.r", "givenName": "Ana", "familyName": "Ruiz",
             "agentSourcedIds": "u-pia"},
            {"sourcedId": "u-pia", "enabledUser": "true", "orgSourcedIds": "s-oak",
             "role": "parent", "username": "pia.r", "givenName": "Pía", "familyName": "Ruiz"},
            {"sourcedId": "u-tom", "enabledUser": "true", "orgSourcedIds": "s-oak",
             "role": "teacher", "username": "tom.k", "givenName": "Tom", "familyName": "Kerr"},
        ],
        "enrollments": [
            {"sourcedId": "e-1", "classSourcedId": "k-1", "schoolSourcedId": "s-oak",
             "userSourcedId": "u-ana", "role": "student"},
            {"sourcedId": "e-2", "classSourcedId": "k-1", "schoolSourcedId": "s-oak",
             "userSourcedId": "u-tom", "role": "teacher", "primary": "true"},
        ],
    }  # fmt: skip


def preview(world: dict, data: bytes, *, district: str = "district", by: str = "ada"):
    from continuum.rostering.services.imports import roster_import_preview

    return roster_import_preview(
        district=world[district], by=world[by], file_name="roster.zip", data=data
    )


def imported(world: dict, data: bytes, **who):
    """Preview then run, as the worker would; the import row afterwards."""
    from continuum.rostering.models import RosterImport
    from continuum.rostering.services.imports import roster_import_run

    record = preview(world, data, **who)
    assert record.state == RosterImport.State.PREVIEWED, record.errors
    roster_import_run(import_id=record.pk)
    record.refresh_from_db()
    return record
