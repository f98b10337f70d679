"""The one canonical form of a package used to tell "unchanged" from "changed"."""

import hashlib
import json
from typing import Any


def content_hash(package: Any) -> str:
    """SHA-256 of the package with sorted keys and no whitespace.

    List order is part of the content on purpose: it decides item order among siblings
    when there is no ``sequenceNumber``, so reordering a file is a change.
    """
    text = json.dumps(package, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(text.encode()).hexdigest()
