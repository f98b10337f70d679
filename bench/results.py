"""bench/RESULTS.md is one file with a section per benchmark; each benchmark rewrites only
its own section, so a re-run of one never touches another's figures or notes."""

import re
from pathlib import Path


def section_replace(path: Path, heading: str, text: str) -> None:
    """Replace the section that starts with `heading` (up to the next "## "), or append it."""
    current = path.read_text() if path.exists() else "# Benchmark results\n"
    pattern = re.compile(rf"^{re.escape(heading)}\n.*?(?=^## |\Z)", re.S | re.M)
    if pattern.search(current):
        updated = pattern.sub(lambda _: text.rstrip("\n") + "\n\n", current)
    else:
        updated = current.rstrip("\n") + "\n\n" + text
    path.write_text(updated.rstrip("\n") + "\n")
