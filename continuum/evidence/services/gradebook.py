"""Scoring from the gradebook: one cell at a time from the keyboard, or a whole class on
one target at once. A cell goes through ``evidence_record``; a class through
``evidence_record_many`` (the same permission, scale and audit checks, one recalculation
per learner). Scoring a class is all or nothing."""

from dataclasses import dataclass
from datetime import datetime

from django.core.exceptions import PermissionDenied, ValidationError

from continuum.evidence.models import Evidence, EvidenceKind, EvidenceSource, Mark
from continuum.evidence.services.recording import evidence_record
from continuum.evidence.services.recording_bulk import (
    EvidenceRow,
    RowsRefusedError,
    evidence_record_many,
    evidence_rows_check,
)
from continuum.frameworks.models import FrameworkItem
from continuum.people.models import Section, User

SOURCES = (EvidenceSource.ASSESSMENT, EvidenceSource.OBSERVATION)


@dataclass(frozen=True)
class Entry:
    """What the educator typed in a cell: a level, or missing, or excused."""

    mark: str
    level: float | None

    def describe(self) -> str:
        return f"level {self.level:g}" if self.mark == Mark.SCORED else str(self.mark)


def entry_parse(text: str) -> Entry:
    """``3`` → level 3; ``m`` → missing; ``e`` → excused. Anything else is refused."""
    text = text.strip().lower()
    if text in {"m", Mark.MISSING}:
        return Entry(Mark.MISSING, None)
    if text in {"e", Mark.EXCUSED}:
        return Entry(Mark.EXCUSED, None)
    try:
        return Entry(Mark.SCORED, float(text))
    except ValueError:
        raise ValidationError(
            f"“{text}” is not a level: type a level number, m for missing or e for excused."
        ) from None


def _options(kind: str, source: str) -> None:
    if kind not in EvidenceKind.values:
        raise ValidationError(f"“{kind}” is not a kind of evidence (formative or summative).")
    if source not in SOURCES:
        raise ValidationError(f"“{source}” is not a source the gradebook records.")


def gradebook_entry_record(
    *,
    section: Section,
    learner: User,
    target: FrameworkItem,
    scorer: User,
    text: str,
    assessed_at: datetime,
    kind: str = EvidenceKind.FORMATIVE,
    source: str = EvidenceSource.ASSESSMENT,
    feedback: str = "",
) -> Evidence:
    """Record what was typed or chosen in one cell for a learner of the section, with
    the feedback the learner will read on their evidence page."""
    _options(kind, source)
    if not section.enrollments.filter(learner=learner).exists():
        raise PermissionDenied(f"{learner} is not in {section}; you cannot score them here.")
    entry = entry_parse(text)
    return evidence_record(
        learner=learner,
        target=target,
        scorer=scorer,
        assessed_at=assessed_at,
        level=entry.level,
        mark=entry.mark,
        kind=kind,
        source=source,
        feedback=feedback.strip(),
        reason="Recorded in the gradebook",
    )


def gradebook_class_score(
    *,
    section: Section,
    target: FrameworkItem,
    scorer: User,
    entries: dict[User, str],
    assessed_at: datetime,
    kind: str = EvidenceKind.FORMATIVE,
    source: str = EvidenceSource.ASSESSMENT,
    feedback: dict[User, str] | None = None,
) -> list[Evidence]:
    """Score every learner given a non-blank entry, all at once or not at all; each
    learner's ``feedback`` (if any) is stored on their new evidence.

    Raises ValidationError mapping each learner's name to what was wrong; nothing is
    recorded unless every entry is accepted.
    """
    _options(kind, source)
    enrolled = set(section.enrollments.values_list("learner_id", flat=True))
    errors: dict[str, list[str]] = {}
    chosen = {learner: text for learner, text in entries.items() if text.strip()}
    if not chosen:
        raise ValidationError("Choose a level for at least one learner.")
    rows: list[EvidenceRow] = []
    for learner, text in chosen.items():
        try:
            if learner.pk not in enrolled:
                raise PermissionDenied(f"{learner} is not in {section}.")
            entry = entry_parse(text)
        except (ValidationError, PermissionDenied) as error:
            errors[str(learner)] = getattr(error, "messages", None) or [str(error)]
            continue
        rows.append(
            EvidenceRow(
                learner=learner,
                target=target,
                assessed_at=assessed_at,
                level=entry.level,
                mark=entry.mark,
                kind=kind,
                feedback=(feedback or {}).get(learner, "").strip(),
            )
        )
    try:
        if errors:  # name every wrong entry at once, recording nothing
            raise RowsRefusedError(evidence_rows_check(rows=rows, scorer=scorer))
        return evidence_record_many(
            rows=rows, scorer=scorer, source=source, reason="Class scored in the gradebook"
        )
    except RowsRefusedError as refused:
        for index, messages in refused.rows.items():
            errors[str(rows[index].learner)] = messages
        names = [str(learner) for learner in chosen]  # in the order of the form
        raise ValidationError({name: errors[name] for name in names if name in errors}) from None
