"""Bytes from a file, an upload or a URL → a list of CFPackages (a file may hold an array)."""

import json
import re
import urllib.error
import urllib.request
from pathlib import Path
from typing import Any

from continuum.frameworks.case.validate import CaseError, Problem

_WEB = re.compile(r"^https?://", re.IGNORECASE)
URL_TIMEOUT_S = 60


def is_url(source: str) -> bool:
    return bool(_WEB.match(source))


def read_source(source: str, *, limit: int, allow_files: bool = True) -> bytes:
    """The bytes at an http(s) URL or, when ``allow_files``, a local path.

    The web UI passes ``allow_files=False`` so that a URL field can never read the
    server's own files (``file://`` or a path).
    """
    if is_url(source):
        try:
            with urllib.request.urlopen(source, timeout=URL_TIMEOUT_S) as response:
                data = response.read(limit + 1)
        except (urllib.error.URLError, TimeoutError, ValueError) as error:
            raise CaseError([Problem("", f"could not fetch {source}: {error}")]) from error
    elif allow_files:
        try:
            data = Path(source).read_bytes()
        except OSError as error:
            raise CaseError([Problem("", f"could not read {source}: {error.strerror}")]) from error
    else:
        raise CaseError([Problem("", "only http:// and https:// URLs can be imported")])
    if len(data) > limit:
        raise CaseError([Problem("", f"larger than the {limit:,}-byte limit")])
    return data


def parse_packages(data: bytes) -> tuple[list[Any], bool]:
    """The packages and whether the JSON held an array of them."""
    try:
        document = json.loads(data.decode("utf-8-sig"))
    except UnicodeDecodeError as error:
        raise CaseError([Problem("", f"not UTF-8 text: {error.reason}")]) from error
    except json.JSONDecodeError as error:
        where = f"line {error.lineno} column {error.colno}"
        raise CaseError([Problem("", f"not valid JSON ({error.msg} at {where})")]) from error
    if isinstance(document, list):
        if not document:
            raise CaseError([Problem("", "an empty array holds no packages")])
        return document, True
    return [document], False
