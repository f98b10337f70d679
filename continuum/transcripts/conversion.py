"""A school's conversion table as pure data: parsed from the leader's lines, applied to one
status or level. No Django model here; tests need no database.

One line per row, ``<when> = <letter> [<points>]``: ``<when>`` is a status word
("proficient", "not yet") or a level range ``3.5-4``. The first row that matches wins,
so put status rows first when a status should decide before the level.
"""

import re
from dataclasses import dataclass

from continuum.mastery import Status

_STATUSES = {status.label: status for status in Status}
_RANGE = re.compile(r"^(\d+(?:\.\d+)?)\s*-\s*(\d+(?:\.\d+)?)$")
_LETTER = re.compile(r"^[A-Za-z][A-Za-z+\-]{0,2}$")


class ConversionError(ValueError):
    """A line of the table that cannot be read; the message names the line."""


@dataclass(frozen=True)
class Converted:
    letter: str
    points: float | None


def rows_parse(text: str) -> list[dict]:
    """The table's rows from the leader's lines, or ``ConversionError`` naming the first
    bad line; blank lines are skipped; an empty table is refused."""
    rows = []
    for number, line in enumerate(text.splitlines(), start=1):
        if line.strip():
            rows.append(_row(number, line.strip()))
    if not rows:
        raise ConversionError("The table has no rows.")
    return rows


def _row(number: int, line: str) -> dict:
    when, equals, then = line.partition("=")
    if not equals:
        raise ConversionError(f"Line {number}: write it as “proficient = B 3.0”.")
    row: dict = _when(number, when.strip().lower())
    parts = then.split()
    if not parts or len(parts) > 2 or not _LETTER.match(parts[0]):
        raise ConversionError(f"Line {number}: after “=” give a letter, then 4-point value.")
    row["letter"] = parts[0].upper()
    row["points"] = None
    if len(parts) == 2:
        try:
            row["points"] = float(parts[1])
        except ValueError:
            raise ConversionError(f"Line {number}: “{parts[1]}” is not a number.") from None
        if not 0 <= row["points"] <= 5:
            raise ConversionError(f"Line {number}: points must be between 0 and 5.")
    return row


def _when(number: int, when: str) -> dict:
    if when in _STATUSES:
        return {"status": int(_STATUSES[when])}
    found = _RANGE.match(when)
    if found is None:
        words = ", ".join(_STATUSES)
        raise ConversionError(f"Line {number}: “{when}” is neither a status ({words}) nor a range.")
    low, high = float(found[1]), float(found[2])
    if low > high:
        raise ConversionError(f"Line {number}: the range {when} runs backwards.")
    return {"min_level": low, "max_level": high}


def rows_text(rows: list[dict]) -> str:
    """The rows as the lines ``rows_parse`` reads (the form shows the current table)."""
    lines = []
    for row in rows:
        if "status" in row:
            when = Status(row["status"]).label
        else:
            when = f"{row['min_level']:g}-{row['max_level']:g}"
        points = "" if row.get("points") is None else f" {row['points']:g}"
        lines.append(f"{when} = {row['letter']}{points}")
    return "\n".join(lines)


def converted(rows: list[dict], *, status: int, level: float | None) -> Converted | None:
    """The first row matching the status, or the level within its range (both ends
    included); None when no row matches."""
    for row in rows:
        if "status" in row:
            hit = row["status"] == status
        else:
            hit = level is not None and row["min_level"] <= level <= row["max_level"]
        if hit:
            return Converted(letter=row["letter"], points=row.get("points"))
    return None
