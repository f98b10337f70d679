"""Reading a ``rater,unit,score`` CSV file into ratings, refusing bad input whole.

One row per score a rater gave a unit (a sample of work); a rater who did not score a unit
simply has no row, and a row with an empty score counts as no row. Every problem is
collected with its line and field, so one run lists them all::

    line 7, field score: "three" is not a number (ordinal scores must be numbers)

Nominal scores may be labels ("proficient"); any other level needs numbers, since its
statistics measure how far apart two scores are.
"""

from __future__ import annotations

import csv
import io
import math
from dataclasses import dataclass

from continuum.lib.lines import LineProblem
from continuum.mastery.agreement import MAX_VALUES, Level, Ratings, ratings_from_columns

COLUMNS = ("rater", "unit", "score")


CsvProblem = LineProblem  # what every importer reports (continuum/lib/lines.py)


class RatingsCsvError(ValueError):
    """The file cannot be read as ratings; ``problems`` says every where and why."""

    def __init__(self, problems: list[CsvProblem]) -> None:
        super().__init__("; ".join(str(problem) for problem in problems))
        self.problems = problems


@dataclass(frozen=True)
class RatingsFile:
    ratings: Ratings
    labels: tuple[str, ...] | None  # the nominal labels, when scores were words not numbers


@dataclass(frozen=True)
class _Row:
    line: int
    rater: str
    unit: str
    score: str


def ratings_csv_read(data: bytes, *, level: Level) -> RatingsFile:
    """The ratings in a CSV file (UTF-8, with or without a byte-order mark), or
    RatingsCsvError listing every problem. Extra columns are ignored."""
    rows, problems = _rows(data)
    if not problems and not rows:
        problems.append(CsvProblem(2, "", "no scores: the file has a header but no rows"))
    if problems and not rows:
        raise RatingsCsvError(problems)
    labelled = level is Level.NOMINAL and not all(_number(row.score) is not None for row in rows)
    labels = tuple(sorted({row.score for row in rows})) if labelled else None
    scores: list[float] = []
    if labels is not None:
        code = {label: index for index, label in enumerate(labels)}
        scores = [float(code[row.score]) for row in rows]
    else:
        for row in rows:
            score = _number(row.score)
            if score is None:
                problems.append(
                    CsvProblem(
                        row.line,
                        "score",
                        f"“{row.score}” is not a number ({level} scores must be numbers)",
                    )
                )
            elif level is Level.RATIO and score < 0:
                problems.append(
                    CsvProblem(
                        row.line, "score", f"{row.score} is negative; ratio scores cannot be"
                    )
                )
            scores.append(score if score is not None else math.nan)
    if problems or (problems := _too_many_values(rows, scores)):
        raise RatingsCsvError(sorted(problems, key=lambda problem: problem.line))
    ratings = ratings_from_columns([row.rater for row in rows], [row.unit for row in rows], scores)
    return RatingsFile(ratings=ratings, labels=labels)


def _rows(data: bytes) -> tuple[list[_Row], list[CsvProblem]]:
    """The rows with a score, and the problems of shape: encoding, header, empty cells,
    a rater scoring the same unit twice."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        return [], [CsvProblem(line, "", "is not UTF-8 text")]
    if not text.strip():
        return [], [CsvProblem(1, "", "the file is empty; it needs the header rater,unit,score")]
    reader = csv.reader(io.StringIO(text, newline=""))
    header = [name.strip().lower() for name in next(reader)]
    missing = [name for name in COLUMNS if name not in header]
    if missing:
        return [], [
            CsvProblem(1, name, f"missing column {name} (the header needs rater, unit, score)")
            for name in missing
        ]
    at = [header.index(name) for name in COLUMNS]
    rows: list[_Row] = []
    problems: list[CsvProblem] = []
    seen: dict[tuple[str, str], int] = {}
    for cells in reader:
        if not any(cell.strip() for cell in cells):
            continue  # a blank line
        rater, unit, score = (cells[i].strip() if i < len(cells) else "" for i in at)
        line = reader.line_num
        for name, value in (("rater", rater), ("unit", unit)):
            if not value:
                problems.append(CsvProblem(line, name, "is empty"))
        if not rater or not unit:
            continue
        first = seen.setdefault((rater, unit), line)
        if first != line:
            problems.append(
                CsvProblem(
                    line, "unit", f"rater “{rater}” already scored unit “{unit}” on line {first}"
                )
            )
        elif score:
            rows.append(_Row(line, rater, unit, score))
    return rows, problems


def _number(text: str) -> float | None:
    try:
        value = float(text)
    except ValueError:
        return None
    return value if math.isfinite(value) else None


def _too_many_values(rows: list[_Row], scores: list[float]) -> list[CsvProblem]:
    distinct: set[float] = set()
    for row, score in zip(rows, scores, strict=True):
        distinct.add(score)
        if len(distinct) > MAX_VALUES:
            return [
                CsvProblem(
                    row.line,
                    "score",
                    f"more than {MAX_VALUES} distinct scores; round them to the levels raters can tell apart",
                )
            ]
    return []
