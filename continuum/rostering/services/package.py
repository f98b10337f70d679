"""Read a OneRoster 1.1 or 1.2 CSV package (a zip with manifest.csv) and check each field
against the specification: required fields, enumerations, dates, booleans. References
between records and what already exists in Continuum are checked by ``plan.py``.

Standard library only, no database: the same reader serves the upload page, the command
and the background import, and its tests need nothing but bytes.
"""

import csv
import io
import re
import zipfile
from dataclasses import dataclass, field
from datetime import date, datetime

from continuum.lib.text import REASON as NUL_REASON
from continuum.lib.text import nul_line

FILES = ("orgs", "academicSessions", "courses", "classes", "users", "roles", "enrollments")
MODES = ("bulk", "delta", "absent")
VERSIONS = ("1.1", "1.2")

# Required fields of every file, then those that only one version requires.
_REQUIRED = {
    "orgs": ("sourcedId", "name", "type"),
    "academicSessions": ("sourcedId", "title", "type", "startDate", "endDate", "schoolYear"),
    "courses": ("sourcedId", "title", "orgSourcedId"),
    "classes": (
        "sourcedId",
        "title",
        "courseSourcedId",
        "classType",
        "schoolSourcedId",
        "termSourcedIds",
    ),
    "users": ("sourcedId", "enabledUser", "username", "givenName", "familyName"),
    "roles": ("sourcedId", "userSourcedId", "roleType", "role", "orgSourcedId"),
    "enrollments": ("sourcedId", "classSourcedId", "schoolSourcedId", "userSourcedId", "role"),
}
_REQUIRED_1_1 = {"users": ("orgSourcedIds", "role")}
_DELTA_REQUIRED = ("status", "dateLastModified")

USER_ROLES_1_1 = {
    "administrator", "aide", "guardian", "parent", "proctor", "relative", "student", "teacher",
}  # fmt: skip
USER_ROLES_1_2 = {
    "aide", "counselor", "districtAdministrator", "guardian", "parent", "principal", "proctor",
    "relative", "siteAdministrator", "student", "systemAdministrator", "teacher",
}  # fmt: skip
_ENUMS: dict[tuple[str, str], set[str]] = {
    ("orgs", "type"): {"department", "school", "district", "local", "state", "national"},
    ("academicSessions", "type"): {"gradingPeriod", "semester", "schoolYear", "term"},
    ("classes", "classType"): {"homeroom", "scheduled"},
    ("roles", "roleType"): {"primary", "secondary"},
    ("roles", "role"): USER_ROLES_1_2,
    ("enrollments", "role"): {"administrator", "aide", "proctor", "student", "teacher"},
}
_BOOLEANS = {("users", "enabledUser"), ("enrollments", "primary")}
_DATES = {
    ("academicSessions", "startDate"),
    ("academicSessions", "endDate"),
    ("enrollments", "beginDate"),
    ("enrollments", "endDate"),
    ("roles", "beginDate"),
    ("roles", "endDate"),
}
_YEAR = re.compile(r"^\d{4}$")


@dataclass(frozen=True)
class Problem:
    """One thing wrong (or, as a warning, worth knowing) with one field of one line."""

    file: str
    line: int
    field: str
    reason: str

    def __str__(self) -> str:
        if self.file == "package":
            return self.reason
        where = f"{self.file}.csv:{self.line}" if self.line else f"{self.file}.csv"
        return f"{where} {self.field}: {self.reason}"

    def as_dict(self) -> dict:
        return {"file": self.file, "line": self.line, "field": self.field, "reason": self.reason}


@dataclass(frozen=True)
class Row:
    file: str
    line: int
    values: dict[str, str]

    def __getitem__(self, name: str) -> str:
        return self.values.get(name, "")

    @property
    def sourced_id(self) -> str:
        return self.values.get("sourcedId", "")

    @property
    def deleted(self) -> bool:
        return self.values.get("status", "") == "tobedeleted"

    def ids(self, name: str) -> list[str]:
        """A field that lists sourcedIds separated by commas."""
        return [part.strip() for part in self[name].split(",") if part.strip()]


@dataclass
class Package:
    version: str = ""
    modes: dict[str, str] = field(default_factory=dict)
    rows: dict[str, list[Row]] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)

    def mode(self, name: str) -> str:
        return self.modes.get(name, "absent")


class PackageError(ValueError):
    """The file is not a readable OneRoster package at all."""


def package_read(data: bytes, *, max_bytes: int) -> Package:
    """The package's manifest and rows, with every problem found in its fields."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile:
        raise PackageError("This is not a zip file: a OneRoster package is a .zip.") from None
    names = {_base(info.filename): info for info in archive.infolist() if not info.is_dir()}
    if sum(info.file_size for info in names.values()) > max_bytes:
        raise PackageError(f"The package unpacks to more than {max_bytes} bytes.")
    if "manifest.csv" not in names:
        raise PackageError("The zip has no manifest.csv: is it a OneRoster CSV package?")
    package = Package()
    manifest = _read_manifest(_text(archive, names["manifest.csv"]), package)
    for name in FILES:
        mode = manifest.get(f"file.{name}", "absent")
        present = f"{name}.csv" in names
        if mode not in MODES:
            package.problems.append(
                Problem("manifest", 0, f"file.{name}", f"“{mode}” is not bulk, delta or absent")
            )
            continue
        if mode == "absent" and present:
            package.problems.append(
                Problem(
                    "manifest", 0, f"file.{name}", f"{name}.csv is in the zip but marked absent"
                )
            )
        elif mode != "absent" and not present:
            package.problems.append(
                Problem("manifest", 0, f"file.{name}", f"marked {mode} but {name}.csv is missing")
            )
        elif mode != "absent":
            package.modes[name] = mode
            package.rows[name] = _read_rows(name, _text(archive, names[f"{name}.csv"]), package)
    if package.version == "1.2" and "users" in package.modes and "roles" not in package.modes:
        package.problems.append(
            Problem("manifest", 0, "file.roles", "OneRoster 1.2 users need roles.csv")
        )
    return package


def _base(path: str) -> str:
    """Files at the root or in one folder of the zip are read alike."""
    return path.rsplit("/", 1)[-1]


def _text(archive: zipfile.ZipFile, info: zipfile.ZipInfo) -> str:
    raw = archive.read(info)
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise PackageError(
            f"{_base(info.filename)} is not UTF-8 (byte {error.start}): export it as UTF-8."
        ) from None
    if (line := nul_line(text)) is not None:
        raise PackageError(f"{_base(info.filename)} line {line} {NUL_REASON}: export it again.")
    return text


def _read_manifest(text: str, package: Package) -> dict[str, str]:
    manifest = {
        line[0].strip(): line[1].strip()
        for line in csv.reader(io.StringIO(text, newline=""))
        if len(line) >= 2
    }
    version = manifest.get("oneroster.version", "")
    if version not in VERSIONS:
        package.problems.append(
            Problem("manifest", 0, "oneroster.version", f"“{version}” is not 1.1 or 1.2")
        )
    package.version = version if version in VERSIONS else "1.1"
    return manifest


def _read_rows(name: str, text: str, package: Package) -> list[Row]:
    reader = csv.reader(io.StringIO(text, newline=""))
    header = [column.strip() for column in next(reader, [])]
    delta = package.mode(name) == "delta"
    required = _REQUIRED[name] + (_REQUIRED_1_1.get(name, ()) if package.version == "1.1" else ())
    if delta:
        required += _DELTA_REQUIRED
    missing = [column for column in required if column not in header]
    for column in missing:
        package.problems.append(Problem(name, 1, column, "the column is missing"))
    if missing:
        return []
    rows = []
    seen: dict[str, int] = {}
    for line, values in enumerate(reader, start=2):
        if not any(value.strip() for value in values):
            continue
        # A short line leaves its last fields empty; extra fields past the header are ignored.
        cells = zip(header, values, strict=False)
        row = Row(name, line, {column: value.strip() for column, value in cells})
        package.problems.extend(_check(row, required, package.version, delta))
        if row.sourced_id in seen:
            package.problems.append(
                Problem(name, line, "sourcedId", f"repeats line {seen[row.sourced_id]}")
            )
        seen.setdefault(row.sourced_id, line)
        rows.append(row)
    return rows


def _check(row: Row, required: tuple[str, ...], version: str, delta: bool) -> list[Problem]:
    name, problems = row.file, []

    def problem(column: str, reason: str) -> None:
        problems.append(Problem(name, row.line, column, reason))

    # A record to be deleted need say no more than which one it is.
    needed = required if not row.deleted else ("sourcedId",) + (_DELTA_REQUIRED if delta else ())
    for column in needed:
        if not row[column]:
            problem(column, "is required")
    status = row["status"]
    if status and status not in ("active", "tobedeleted"):
        problem("status", f"“{status}” is not active or tobedeleted")
    if row["dateLastModified"] and iso_datetime(row["dateLastModified"]) is None:
        problem("dateLastModified", f"“{row['dateLastModified']}” is not an ISO 8601 date-time")
    enums = dict(_ENUMS)
    if version == "1.1":
        enums[("users", "role")] = USER_ROLES_1_1
    for (file, column), allowed in enums.items():
        if file == name and row[column] and row[column] not in allowed:
            problem(column, f"“{row[column]}” is not one of {', '.join(sorted(allowed))}")
    for file, column in _BOOLEANS:
        if file == name and row[column] and row[column] not in ("true", "false"):
            problem(column, f"“{row[column]}” is not true or false")
    for file, column in _DATES:
        if file == name and row[column] and _date(row[column]) is None:
            problem(column, f"“{row[column]}” is not a date (YYYY-MM-DD)")
    if name == "academicSessions" and row["schoolYear"] and not _YEAR.match(row["schoolYear"]):
        problem("schoolYear", f"“{row['schoolYear']}” is not a year (YYYY)")
    return problems


def _date(value: str) -> date | None:
    try:
        return date.fromisoformat(value)
    except ValueError:
        return None


def iso_datetime(value: str) -> datetime | None:
    """OneRoster's dateLastModified (ISO 8601, often with a Z), or None."""
    try:
        return datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None
