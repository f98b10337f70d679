"""The change set of a version: edits made in Continuum, listed beside its imports.

Decision 0003: an import adds a version; an edit in Continuum changes the current version
in place (evidence, goals and plans point at its items) and is recorded here as one
``FrameworkChange``. Recording one also marks the version as no longer equal to the
package it came from (its ``content_hash`` is cleared), so re-importing that package is a
new version, previewed as such, rather than "unchanged".
"""

from dataclasses import dataclass
from datetime import datetime

from django.db.models import QuerySet

from continuum.frameworks.models import (
    Framework,
    FrameworkChange,
    FrameworkItem,
    FrameworkVersion,
)
from continuum.people.models import User

HISTORY_LIMIT = 50


def change_record(
    *,
    version: FrameworkVersion,
    item: FrameworkItem | None,
    action: str,
    summary: str,
    reason: str,
    editor: User,
) -> FrameworkChange:
    """Call inside the edit's transaction, so the change and its record stand or fall together."""
    FrameworkVersion.objects.filter(pk=version.pk).exclude(content_hash="").update(content_hash="")
    return FrameworkChange.objects.create(
        version=version,
        item=item,
        action=action,
        summary=summary[:500],
        reason=reason[:100],
        created_by=editor,
    )


def change_list(*, version: FrameworkVersion) -> QuerySet[FrameworkChange]:
    return version.changes.select_related("created_by", "item")[:HISTORY_LIMIT]


@dataclass(frozen=True)
class HistoryEntry:
    """A version (an import, or the first state) or an edit made since, newest first."""

    when: datetime
    who: str
    what: str  # an edit's action and summary; a version's source
    why: str
    version: int
    is_version: bool


def framework_history(*, framework: Framework) -> list[HistoryEntry]:
    """The framework's versions and each version's change set, newest first."""
    versions = list(framework.versions.select_related("created_by").order_by("-number"))
    changes = FrameworkChange.objects.filter(version__framework=framework).select_related(
        "created_by", "version"
    )[:HISTORY_LIMIT]
    entries = [
        HistoryEntry(
            v.created_at,
            str(v.created_by or "—"),
            v.source,
            "",
            v.number,
            True,
        )
        for v in versions
    ] + [
        HistoryEntry(
            c.created_at,
            str(c.created_by or "—"),
            f"{c.get_action_display()}: {c.summary}",
            c.reason,
            c.version.number,
            False,
        )
        for c in changes
    ]
    return sorted(entries, key=lambda entry: entry.when, reverse=True)
