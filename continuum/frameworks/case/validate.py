"""Check a CFPackage before anything is written, naming the JSON path and the reason.

Schema problems come first (``CFItems[12].identifier: missing required field``), with every
address that is not http, https, a URN or OpenSALT's ``local:`` form (``CFDocument.uri:
unsafe address 'javascript:…'``): any ``uri``, ``url`` or ``…URI``/``…URL`` key anywhere in
the package, because each may become a link on a page or be served back by our CASE API. The
graph
checks (duplicate identifiers, dangling association ends, cycles) run only on a package
whose shape is right. An association end may lie outside the package when it carries a
URI (a crosswalk to another framework); it dangles when its identifier names no node of
the package and its ``uri`` is no absolute URI.

Published packages sometimes list an object twice. A verbatim repeat is harmless and
accepted; a repeated identifier with different content is refused unless the caller
opts in with ``keep_first`` (the first occurrence wins).
"""

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from functools import cache
from typing import Any

from jsonschema import Draft202012Validator
from jsonschema.exceptions import ValidationError

from continuum.frameworks.case import schema
from continuum.frameworks.case.graph import end_identifiers, find_cycle, tree_parents
from continuum.lib.uris import unsafe_uris

_ABSOLUTE_URI = re.compile(r"^[A-Za-z][A-Za-z0-9+.\-]*:\S+$")
_JSON_TYPES = {dict: "object", list: "array", str: "string", bool: "boolean", type(None): "null"}


@dataclass(frozen=True)
class Problem:
    path: str
    reason: str

    def __str__(self) -> str:
        return f"{self.path}: {self.reason}" if self.path else self.reason


class CaseError(Exception):
    """A package Continuum refuses. Nothing has been changed when it is raised."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        more = len(problems) - 1
        suffix = f" (and {more} more problem{'s' if more > 1 else ''})" if more else ""
        super().__init__(f"{problems[0]}{suffix}")


def json_path(parts: Any) -> str:
    path = ""
    for part in parts:
        path += f"[{part}]" if isinstance(part, int) else (f".{part}" if path else part)
    return path


def check_packages(packages: list[Any], *, in_array: bool, keep_first: bool = False) -> None:
    """Raise ``CaseError`` listing every problem of every package (paths prefixed ``[i]``)."""
    problems = []
    for index, package in enumerate(packages):
        for problem in package_problems(package, keep_first=keep_first):
            prefix = f"[{index}]" if in_array else ""
            joiner = "." if prefix and problem.path and not problem.path.startswith("[") else ""
            problems.append(Problem(f"{prefix}{joiner}{problem.path}", problem.reason))
    if problems:
        raise CaseError(problems)


def package_problems(package: Any, *, keep_first: bool = False) -> list[Problem]:
    problems = [problem for error in _schema_errors(package) for problem in _described(error)]
    problems += [
        Problem(
            json_path(path),
            f"unsafe address {value[:100]!r}: "
            "only http://, https://, urn: and local: URIs are accepted",
        )
        for path, value in unsafe_uris(package)
    ]
    return problems or list(_graph_problems(package, keep_first))


@cache
def _validator() -> Draft202012Validator:
    return Draft202012Validator(schema.PACKAGE)


def _schema_errors(package: Any) -> list[ValidationError]:
    def document_order(error: ValidationError) -> list[str]:
        return [f"{part:09d}" if isinstance(part, int) else part for part in error.path]

    return sorted(_validator().iter_errors(package), key=document_order)


def _json_type(value: Any) -> str:
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int | float):
        return "number"
    return _JSON_TYPES.get(type(value), type(value).__name__)


def _described(error: ValidationError) -> Iterator[Problem]:
    path = list(error.absolute_path)
    if error.validator == "required":
        for field in error.validator_value:
            if field not in error.instance:
                yield Problem(json_path([*path, field]), "missing required field")
    elif error.validator == "additionalProperties":
        for field in sorted(set(error.instance) - set(error.schema["properties"])):
            yield Problem(json_path([*path, field]), "unknown field")
    elif error.validator == "type":
        expected = error.validator_value
        yield Problem(json_path(path), f"expected {expected}, got {_json_type(error.instance)}")
    elif error.validator == "maxLength":
        yield Problem(json_path(path), f"longer than {error.validator_value} characters")
    elif error.validator == "minLength":
        yield Problem(json_path(path), "must not be empty")
    elif error.validator == "anyOf":
        yield Problem(json_path(path), f"{error.instance!r} is not a CASE association type")
    else:
        yield Problem(json_path(path), error.message)


def _graph_problems(package: Mapping, keep_first: bool) -> Iterator[Problem]:
    items = package.get("CFItems", [])
    associations = package.get("CFAssociations", [])
    document = package["CFDocument"]["identifier"]
    for index, item in enumerate(items):
        if item["identifier"] == document:
            yield Problem(f"CFItems[{index}].identifier", "the document's identifier")
    yield from _duplicates(_listed("CFItems", items), keep_first)
    yield from _duplicates(_listed("CFAssociations", associations), keep_first)
    yield from _duplicates(list(_rubric_parts(package.get("CFRubrics", []))), keep_first)
    nodes = {document} | {item["identifier"] for item in items}
    for index, association in enumerate(associations):
        for end in ("originNodeURI", "destinationNodeURI"):
            link = association[end]
            if link["identifier"] not in nodes and not _ABSOLUTE_URI.match(link["uri"]):
                yield Problem(
                    f"CFAssociations[{index}].{end}",
                    f"dangling: {link['identifier']!r} is neither in the package "
                    "nor an external URI",
                )
    parents = tree_parents(package)
    yield from _cycle("isChildOf", associations, [(c, p) for c, p in parents.items() if p])
    precedes = [end_identifiers(a) for a in associations if a["associationType"] == "precedes"]
    yield from _cycle("precedes", associations, precedes)


def _listed(name: str, objects: list) -> list[tuple[str, Mapping]]:
    return [(f"{name}[{index}]", thing) for index, thing in enumerate(objects)]


def _rubric_parts(rubrics: list) -> Iterator[tuple[str, Mapping]]:
    for r, rubric in enumerate(rubrics):
        yield f"CFRubrics[{r}]", rubric
        for c, criterion in enumerate(rubric.get("CFRubricCriteria", [])):
            yield f"CFRubrics[{r}].CFRubricCriteria[{c}]", criterion
            for lv, level in enumerate(criterion.get("CFRubricCriterionLevels", [])):
                yield f"CFRubrics[{r}].CFRubricCriteria[{c}].CFRubricCriterionLevels[{lv}]", level


def _duplicates(objects: list[tuple[str, Mapping]], keep_first: bool) -> Iterator[Problem]:
    first: dict[str, tuple[str, Mapping]] = {}
    for path, thing in objects:
        identifier = thing["identifier"]
        if identifier not in first:
            first[identifier] = (path, thing)
        elif not keep_first and thing != first[identifier][1]:
            yield Problem(
                f"{path}.identifier",
                f"duplicate identifier {identifier!r} with content different from "
                f"{first[identifier][0]} of this package (import with “keep the first” "
                "to accept it)",
            )


def _cycle(kind: str, associations: list, edges: list[tuple[str, str]]) -> Iterator[Problem]:
    cycle = find_cycle(edges)
    if cycle is None:
        return
    index = next(
        i
        for i, association in enumerate(associations)
        if association["associationType"] == kind
        and end_identifiers(association) == tuple(cycle[:2])
    )
    yield Problem(
        f"CFAssociations[{index}]", f"{kind} associations form a cycle: {' → '.join(cycle)}"
    )
