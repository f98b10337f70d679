"""The package reader alone: no database."""

import io
import zipfile

import pytest

from continuum.rostering.services.package import PackageError, package_read
from continuum.rostering.tests.packages import package_bytes, small_roster

MAX = 10_000_000


def _problems(data: bytes) -> list[str]:
    return [str(problem) for problem in package_read(data, max_bytes=MAX).problems]


def test_a_well_formed_package_has_no_problems_and_every_row():
    package = package_read(package_bytes(small_roster()), max_bytes=MAX)

    assert package.problems == []
    assert package.version == "1.1"
    assert package.mode("users") == "bulk"
    assert package.mode("roles") == "absent"
    assert [row.sourced_id for row in package.rows["users"]] == ["u-ana", "u-pia", "u-tom"]
    assert package.rows["users"][0].line == 2


def test_required_fields_enumerations_and_dates_are_checked_on_every_line():
    files = small_roster()
    files["orgs"][1]["type"] = "campus"
    files["academicSessions"][0]["startDate"] = "20/08/2026"
    files["academicSessions"][0]["schoolYear"] = "2026-27"
    files["users"][1]["givenName"] = ""
    files["classes"][0]["classType"] = ""

    assert _problems(package_bytes(files)) == [
        "orgs.csv:3 type: “campus” is not one of department, district, local, national, "
        "school, state",
        "academicSessions.csv:2 startDate: “20/08/2026” is not a date (YYYY-MM-DD)",
        "academicSessions.csv:2 schoolYear: “2026-27” is not a year (YYYY)",
        "classes.csv:2 classType: is required",
        "users.csv:3 givenName: is required",
    ]


def test_a_missing_column_and_a_repeated_sourced_id_are_problems():
    files = small_roster()
    files["courses"].append(dict(files["courses"][0]))
    data = package_bytes(files)
    rewritten = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(rewritten, "w") as out:
        for info in source.infolist():
            text = source.read(info).decode()
            if info.filename == "orgs.csv":
                text = text.replace('"type"', '"kind"', 1)
            out.writestr(info.filename, text)

    assert _problems(rewritten.getvalue()) == [
        "orgs.csv:1 type: the column is missing",
        "courses.csv:3 sourcedId: repeats line 2",
    ]


def test_the_manifest_must_match_the_files():
    buffer = io.BytesIO(package_bytes({"orgs": small_roster()["orgs"]}, version="2.0"))
    with zipfile.ZipFile(buffer, "a") as archive:
        archive.writestr("users.csv", "sourcedId\n")

    assert _problems(buffer.getvalue()) == [
        "manifest.csv oneroster.version: “2.0” is not 1.1 or 1.2",
        "manifest.csv file.users: users.csv is in the zip but marked absent",
    ]


def test_a_1_2_package_with_users_needs_roles():
    files = {"users": small_roster()["users"]}

    assert "manifest.csv file.roles: OneRoster 1.2 users need roles.csv" in _problems(
        package_bytes(files, version="1.2")
    )


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"not a zip", "not a zip file"),
        (package_bytes({}).replace(b"manifest.csv", b"manifest.txt"), "no manifest.csv"),
    ],
)
def test_what_is_not_a_package_is_refused_with_a_reason(data, message):
    with pytest.raises(PackageError, match=message):
        package_read(data, max_bytes=MAX)


def test_a_package_that_unpacks_past_the_limit_is_refused_before_it_is_read():
    with pytest.raises(PackageError, match="more than 1000 bytes"):
        package_read(package_bytes(small_roster()), max_bytes=1000)


def test_text_that_is_not_utf_8_is_refused():
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr(
            "manifest.csv", "propertyName,value\noneroster.version,1.1\nfile.orgs,bulk\n"
        )
        archive.writestr("orgs.csv", "sourcedId,name,type\no1,Éc\xf4le,school\n".encode("latin-1"))

    with pytest.raises(PackageError, match=r"orgs\.csv is not UTF-8"):
        package_read(out.getvalue(), max_bytes=MAX)


def test_a_nul_character_is_refused_naming_the_file_and_line():
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr(
            "manifest.csv", "propertyName,value\noneroster.version,1.1\nfile.orgs,bulk\n"
        )
        archive.writestr("orgs.csv", "sourcedId,name,type\no1,Riverside\x00,school\n")

    with pytest.raises(PackageError, match=r"orgs\.csv line 2 contains a NUL character"):
        package_read(out.getvalue(), max_bytes=MAX)
