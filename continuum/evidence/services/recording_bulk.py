"""Recording many pieces of evidence at once (a CSV import, a whole class scored): every
row is checked exactly as ``recording.evidence_record`` checks one, all rows are inserted
together, and each touched learner-target is recalculated once through the batch path.

Compared with calling ``evidence_record`` row by row, the result is the same evidence
(attempts numbered in row order) and the same estimates; the audit differs only in that an
estimate gets one history record per batch ("Recalculated from evidence", and none when
its value did not change) instead of one per row. Each new piece of evidence still gets
its own history record, and each one with feedback its ``feedback_given`` (so the family
hears of it as before); ``estimates_changed`` is sent once for all the touched pairs.
"""

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Count
from simple_history.utils import bulk_create_with_history

from continuum.evidence.models import (
    Alignment,
    Assessment,
    Evidence,
    EvidenceKind,
    EvidenceSource,
    Mark,
)
from continuum.evidence.services.recompute import estimates_recompute_pairs
from continuum.evidence.services.recording import evidence_entry_check, evidence_values_check
from continuum.evidence.signals import feedback_given
from continuum.frameworks.models import FrameworkItem
from continuum.frameworks.public import scales_for
from continuum.people.models import User

ESTIMATE_REASON = "Recalculated from evidence"  # what the incremental refresh records


@dataclass(frozen=True)
class EvidenceRow:
    """One piece of evidence to record; scorer, source and reason are the batch's."""

    learner: User
    target: FrameworkItem
    assessed_at: datetime
    level: float | None = None
    mark: str = Mark.SCORED
    kind: str = EvidenceKind.SUMMATIVE
    weight: float = 1.0
    assessment: Assessment | None = None
    alignment: Alignment | None = None
    due_on: date | None = None
    feedback: str = ""


class RowsRefusedError(ValidationError):
    """Some rows may not be recorded; ``rows`` maps each refused row's index to what is
    wrong with it. Nothing was recorded."""

    def __init__(self, rows: dict[int, list[str]]):
        self.rows = rows
        super().__init__([message for messages in rows.values() for message in messages])


def evidence_rows_check(*, rows: Sequence[EvidenceRow], scorer: User) -> dict[int, list[str]]:
    """What is wrong with each row (index → messages), with the checks of the single path
    in its order: the right to score the learner (asked once per learner), the target and
    its scale (loaded once for all targets), then the values."""
    allowed: dict[int, bool] = {}
    scales = scales_for({row.target.pk: row.target for row in rows}.values())
    refused: dict[int, list[str]] = {}
    for index, row in enumerate(rows):
        try:
            learner = row.learner
            if learner.pk not in allowed:
                allowed[learner.pk] = scorer.has_perm("evidence.record_evidence", learner)
            if not allowed[learner.pk]:
                raise PermissionDenied(
                    f"{learner} is not in any of your sections; you cannot score them."
                )
            evidence_entry_check(
                target=row.target, mark=row.mark, level=row.level, scale=scales[row.target.pk]
            )
            evidence_values_check(level=row.level, weight=row.weight, assessed_at=row.assessed_at)
        except (PermissionDenied, ValidationError) as error:
            refused[index] = getattr(error, "messages", None) or [str(error)]
    return refused


def _attempts(rows: Sequence[EvidenceRow]) -> list[int]:
    """Each row's attempt, as the single path numbers it: one more than the evidence
    already recorded for its learner, target and assessment (earlier rows included)."""
    counts: Counter = Counter()
    recorded = (
        Evidence.objects.filter(
            learner_id__in={row.learner.pk for row in rows},
            target_id__in={row.target.pk for row in rows},
        )
        .values_list("learner_id", "target_id", "assessment_id")
        .annotate(n=Count("id"))
        .order_by()
    )
    for learner_id, target_id, assessment_id, n in recorded:
        counts[(learner_id, target_id, assessment_id)] = n
    attempts = []
    for row in rows:
        key = (row.learner.pk, row.target.pk, row.assessment.pk if row.assessment else None)
        counts[key] += 1
        attempts.append(counts[key])
    return attempts


def evidence_record_many(
    *,
    rows: Sequence[EvidenceRow],
    scorer: User,
    source: str = EvidenceSource.ASSESSMENT,
    reason: str = "Recorded",
) -> list[Evidence]:
    """Record every row or none (raising ``RowsRefusedError``), then recalculate each
    touched learner-target once. Queries grow with the learners (one permission check
    each, the same rule as the single path) and with the rows that carry feedback (each
    notifies the learner and guardians, as a single entry does), not with the rows."""
    refused = evidence_rows_check(rows=rows, scorer=scorer)
    if refused:
        raise RowsRefusedError(refused)
    with transaction.atomic():
        evidence = [
            Evidence(
                learner=row.learner,
                target=row.target,
                scorer=scorer,
                assessed_at=row.assessed_at,
                level=row.level,
                mark=row.mark,
                kind=row.kind,
                weight=row.weight,
                assessment=row.assessment,
                alignment=row.alignment,
                attempt=attempt,
                due_on=row.due_on,
                feedback=row.feedback,
                source=source,
            )
            for row, attempt in zip(rows, _attempts(rows), strict=True)
        ]
        evidence = bulk_create_with_history(
            evidence, Evidence, batch_size=500, default_user=scorer, default_change_reason=reason
        )
        estimates_recompute_pairs(
            pairs={(row.learner.pk, row.target.pk) for row in rows}, reason=ESTIMATE_REASON
        )
        for piece in evidence:
            if piece.feedback.strip():
                feedback_given.send(sender=Evidence, evidence=piece)
    return evidence
