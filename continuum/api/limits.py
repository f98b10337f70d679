"""The API's limits on what it reads and writes, so bad input is a clear 4xx, never a 500.

- Lists are paged with ``BoundedPagination``: ``limit`` 1–500 (100 by default) and
  ``offset`` 0–1,000,000,000; anything else is a 422 naming the parameter (before, an
  offset beyond 2^63 overflowed the database driver).
- Request bodies are at most ``MAX_BODY_BYTES`` of JSON nested at most ``MAX_JSON_DEPTH``
  deep, checked before parsing: Python's parser would otherwise recurse until it fails.
  A string holding a NUL character (``\u0000``) is refused with its path
  (``continuum/lib/text.py``: PostgreSQL cannot store it).
- Input that does not fit the schema is a 422 whose ``detail`` lists one sentence per
  field, the same shape as every other refusal.
- Responses are strict JSON: a non-finite number (which JSON cannot express) is sent as
  ``null`` instead of a bare ``Infinity`` or ``NaN`` that clients cannot parse.
"""

import json
import math
import re
from typing import Annotated, Any

from django.http import HttpRequest, HttpResponse
from ninja import Field, Schema
from ninja.errors import HttpError, ValidationError
from ninja.pagination import LimitOffsetPagination
from ninja.parser import Parser
from ninja.renderers import JSONRenderer

from continuum.lib.text import REASON as NUL_REASON
from continuum.lib.text import nul_path

# A row id: positive and within a signed 64-bit integer, the widest both SQLite and
# PostgreSQL store, so a larger number is a clear 422 rather than an overflow in the query.
Id = Annotated[int, Field(ge=1, le=2**63 - 1)]

DEFAULT_LIMIT = 100
MAX_LIMIT = 500
MAX_OFFSET = 1_000_000_000
MAX_JSON_DEPTH = 32
MAX_BODY_BYTES = 256 * 1024  # one piece of evidence is well under 1 KB; feedback included

_STRING = re.compile(rb'"(?:[^"\\]|\\.)*"', re.DOTALL)
_BRACKET = re.compile(rb"[\[\]{}]")


class BoundedPagination(LimitOffsetPagination):
    class Input(Schema):
        limit: int = Field(
            DEFAULT_LIMIT, ge=1, le=MAX_LIMIT, description=f"At most {MAX_LIMIT} per page"
        )
        offset: int = Field(0, ge=0, le=MAX_OFFSET)

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(max_limit=MAX_LIMIT, **kwargs)


def json_depth(body: bytes) -> int:
    """How deep arrays and objects nest in a JSON text (strings are skipped, so a
    bracket inside a string does not count). Linear, and never recursive."""
    depth = deepest = 0
    for bracket in _BRACKET.findall(_STRING.sub(b"", body)):
        if bracket in (b"[", b"{"):
            depth += 1
            deepest = max(deepest, depth)
        else:
            depth -= 1
    return deepest


class BodyRefusedError(ValueError):
    pass


class BoundedParser(Parser):
    def parse_body(self, request: HttpRequest) -> Any:
        if len(request.body) > MAX_BODY_BYTES:
            raise BodyRefusedError(f"The JSON body is larger than {MAX_BODY_BYTES // 1024} KB.")
        if json_depth(request.body) > MAX_JSON_DEPTH:
            raise BodyRefusedError(
                f"The JSON body nests deeper than {MAX_JSON_DEPTH} levels; flatten it."
            )
        body = super().parse_body(request)
        if (path := nul_path(body)) is not None:
            raise BodyRefusedError(f"{path} {NUL_REASON}.")
        return body


def http_error_response(api: Any, request: HttpRequest, error: HttpError) -> HttpResponse:
    """Ninja's usual ``{"detail": ...}`` answer, except that a body refused for its size or depth
    says why (ninja words every parser failure as "Cannot parse request body")."""
    cause = error.__cause__
    detail = str(cause) if isinstance(cause, BodyRefusedError) else str(error)
    return api.create_response(request, {"detail": detail}, status=error.status_code)


def validation_error_response(
    api: Any, request: HttpRequest, error: ValidationError
) -> HttpResponse:
    """Input that does not fit the schema: a 422 in the API's one error shape, a list of
    sentences that each start with the field, e.g. ``weight: Input should be ...``."""
    where = {"body", "payload", "query", "path", "pagination"}
    messages = [
        f"{'.'.join(str(part) for part in item['loc'] if part not in where) or 'body'}: "
        f"{item['msg']}"
        for item in error.errors
    ]
    return api.create_response(request, {"detail": messages}, status=422)


def finite(data: Any) -> Any:
    """The same data with every non-finite float replaced by None."""
    if isinstance(data, float):
        return data if math.isfinite(data) else None
    if isinstance(data, dict):
        return {key: finite(value) for key, value in data.items()}
    if isinstance(data, list | tuple):
        return [finite(value) for value in data]
    return data


class FiniteJSONRenderer(JSONRenderer):
    def render(self, request: HttpRequest, data: Any, *, response_status: int) -> Any:
        return json.dumps(finite(data), cls=self.encoder_class, allow_nan=False)
