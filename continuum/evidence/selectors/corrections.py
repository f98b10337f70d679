"""The correction history of recorded scores, read from the evidence's audit log.

Evidence is only ever changed by ``services.recording.evidence_update``, so every change
record in its history is a correction: who made it, when, why, and each value old → new.
"""

from collections import defaultdict
from dataclasses import dataclass
from datetime import datetime
from itertools import pairwise

from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from continuum.evidence.models import Evidence, EvidenceKind, Mark
from continuum.frameworks.models import FrameworkItem, ProficiencyScale
from continuum.frameworks.public import level_label
from continuum.people.models import User

# What a correction may change (services.recording.evidence_update), in the order shown.
CORRECTABLE = ("mark", "level", "kind", "weight", "assessed_at", "feedback")


@dataclass(frozen=True)
class Change:
    field: str
    old: str
    new: str


@dataclass(frozen=True)
class Correction:
    evidence_id: int
    assessed_at: datetime
    at: datetime
    by: User | None
    reason: str
    changes: list[Change]


def _labels() -> dict[str, str]:
    return {
        "mark": _("Mark"),
        "level": _("Level"),
        "kind": _("Kind"),
        "weight": _("Weight"),
        "assessed_at": _("Date"),
        "feedback": _("Feedback"),
    }


def _shown(field: str, value, scale: ProficiencyScale | None) -> str:
    """A recorded value as a reader sees it; "—" for none."""
    if value is None or value == "":
        return "—"
    if field == "level":
        return level_label(value, scale)
    if field == "mark":
        return str(Mark(value).label)
    if field == "kind":
        return str(EvidenceKind(value).label)
    if field == "weight":
        return f"{value:g}"
    if field == "assessed_at":
        return date_format(timezone.localtime(value), "j M Y")
    return str(value)


def _changes(before, after, scale: ProficiencyScale | None) -> list[Change]:
    labels = _labels()
    return [
        Change(
            labels[field], _shown(field, getattr(before, field), scale), _shown(field, new, scale)
        )
        for field in CORRECTABLE
        if (new := getattr(after, field)) != getattr(before, field)
    ]


def correction_list(
    *,
    learner: User,
    target: FrameworkItem,
    scale: ProficiencyScale | None,
    evidence: Evidence | None = None,
) -> list[Correction]:
    """Every correction of the learner's evidence on the target (or of one piece of it),
    newest first."""
    records = Evidence.history.filter(learner_id=learner.pk, target_id=target.pk)
    if evidence is not None:
        records = records.filter(id=evidence.pk)
    by_evidence: dict[int, list] = defaultdict(list)
    for record in records.select_related("history_user").order_by("history_date", "history_id"):
        by_evidence[record.id].append(record)
    found = [
        Correction(
            evidence_id=after.id,
            assessed_at=after.assessed_at,
            at=after.history_date,
            by=after.history_user,
            reason=after.history_change_reason or "",
            changes=_changes(before, after, scale),
        )
        for history in by_evidence.values()
        for before, after in pairwise(history)
        if after.history_type == "~"
    ]
    return sorted(found, key=lambda correction: correction.at, reverse=True)
