"""The one character no text from outside may carry: NUL (U+0000).

PostgreSQL refuses it in every text and jsonb value ("cannot contain NUL characters") while
SQLite keeps it, so a NUL in a CSV cell or a JSON string passed every check in development
and stopped the import with a database error in production. No file, statement or API body
we accept has a use for it, so each reader refuses it where it first sees the text, saying
where it is. Django's form fields already refuse it (``ProhibitNullCharactersValidator``).
"""

from typing import Any

NUL = "\x00"
REASON = "contains a NUL character (U+0000), which no text field can hold"


def nul_line(text: str) -> int | None:
    """The line (from 1) of the first NUL in a text, or None when it has none."""
    at = text.find(NUL)
    return None if at < 0 else text.count("\n", 0, at) + 1


def nul_path(value: Any) -> str | None:
    """Where the first NUL is in parsed JSON, as a path such as ``$.CFItems[3].notes``
    (a key or a string value), or None. Iterative, so depth is never a recursion limit."""
    pending: list[tuple[str, Any]] = [("$", value)]
    while pending:
        path, node = pending.pop()
        if isinstance(node, str):
            if NUL in node:
                return path
        elif isinstance(node, dict):
            for key, child in reversed(node.items()):
                if NUL in key:
                    return path
                pending.append((f"{path}.{key}", child))
        elif isinstance(node, list):
            pending.extend(
                (f"{path}[{index}]", child) for index, child in reversed(list(enumerate(node)))
            )
    return None
