"""CSV import of scores: validate every line first, then record all of it or none of it.

All lines are recorded together through ``recording_bulk.evidence_record_many`` (source
"import"), so the scale, the scorer's right to score the learner and the audit hold
exactly as in the gradebook, and each touched learner-target is recalculated once. Errors name the line and the field::

    line 7, field level: 5 is not on the scale of M6.RP.1 (allowed: 1, 2, 3, 4)
"""

import csv
import io
from dataclasses import dataclass, field
from datetime import date, datetime, time

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from continuum.evidence.models import (
    DEFAULT_EVIDENCE_KIND,
    Alignment,
    Assessment,
    AssessmentKind,
    Evidence,
    EvidenceKind,
    EvidenceSource,
    Mark,
)
from continuum.evidence.public import (
    EvidenceRow,
    RowsRefusedError,
    evidence_record_many,
    evidence_values_check,
)
from continuum.frameworks.models import FrameworkItem
from continuum.frameworks.public import scales_for
from continuum.integrations.services.csv_targets import CsvTargets
from continuum.lib.lines import LineProblem
from continuum.lib.text import REASON as NUL_REASON
from continuum.lib.text import nul_line
from continuum.people.models import Role, User

COLUMNS = (
    "learner_username",
    "target_code",
    "target_identifier",
    "framework",
    "level",
    "assessed_on",
    "kind",
    "weight",
    "feedback",
    "assessment",
)
REQUIRED = ("learner_username", "level", "assessed_on")
EXAMPLE = (
    "learner",
    "M6.RP.1",
    "",
    "Maple Grove Grade 6 Mathematics",
    "3",
    "2026-10-05",
    "summative",
    "1",
    "Clear ratio language; label both quantities next time.",
    "Ratios quiz 1",
)
MAX_ROWS = 5000
MAX_BYTES = 2 * 1024 * 1024
# Noon keeps a date's evidence on that date in every time zone near the school's.
_ASSESSED_TIME = time(12, 0)


def template_csv() -> str:
    """The downloadable template: the header and one example row."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    writer.writerow(EXAMPLE)
    return out.getvalue()


RowError = LineProblem  # what every importer reports (continuum/lib/lines.py)


@dataclass
class ScoreRow:
    """One valid line, ready to record."""

    line: int
    learner: User
    target: FrameworkItem
    level: float | None
    mark: str
    assessed_on: date
    kind: str
    weight: float
    feedback: str
    assessment: str


@dataclass
class ImportPlan:
    rows: list[ScoreRow] = field(default_factory=list)
    errors: list[RowError] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors and bool(self.rows)


class ImportRefusedError(ValidationError):
    """Raised by ``scores_csv_import`` when any line is wrong; nothing was recorded."""

    def __init__(self, errors: list[RowError]):
        self.errors = errors
        super().__init__([str(error) for error in errors])


def _text(data: bytes | str) -> str:
    """The file as text, refused above MAX_BYTES whether it comes as the uploaded bytes or
    as the text the confirm step posts back."""
    size = len(data.encode("utf-8")) if isinstance(data, str) else len(data)
    if size > MAX_BYTES:
        raise ValidationError(f"the file is larger than {MAX_BYTES // 1024 // 1024} MB.")
    if isinstance(data, str):
        return data
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ValidationError(
            "the file is not UTF-8 text; save it as “CSV UTF-8” and upload it again."
        ) from None


def scores_csv_parse(*, data: bytes | str, user: User) -> ImportPlan:
    """Check every line of a scores CSV; never writes. A plan with errors records nothing."""
    plan = ImportPlan()
    try:
        text = _text(data)
    except ValidationError as error:
        plan.errors.append(RowError(1, "", error.messages[0]))
        return plan
    if (line := nul_line(text)) is not None:
        plan.errors.append(
            RowError(line, "", f"this line {NUL_REASON}; save the file as CSV again")
        )
        return plan
    reader = csv.DictReader(io.StringIO(text))
    header = [name.strip() for name in (reader.fieldnames or [])]
    reader.fieldnames = header
    unknown = [name for name in header if name not in COLUMNS]
    missing = [name for name in REQUIRED if name not in header]
    if not header:
        plan.errors.append(RowError(1, "", "the file is empty; start from the template"))
        return plan
    if unknown:
        plan.errors.append(
            RowError(
                1, "", f"unknown column(s): {', '.join(unknown)} (expected: {', '.join(COLUMNS)})"
            )
        )
    if missing:
        plan.errors.append(RowError(1, "", f"missing column(s): {', '.join(missing)}"))
    if "target_code" not in header and "target_identifier" not in header:
        plan.errors.append(RowError(1, "", "add a target_code or a target_identifier column"))
    if plan.errors:
        return plan
    try:
        records = list(reader)
    except csv.Error as error:  # e.g. a cell longer than csv.field_size_limit()
        plan.errors.append(RowError(reader.reader.line_num, "", _csv_problem(error)))
        return plan
    if len(records) > MAX_ROWS:
        plan.errors.append(RowError(1, "", f"at most {MAX_ROWS} lines per file; split it"))
        return plan
    usernames = {(r.get("learner_username") or "").strip() for r in records}
    learners = {
        learner.username: learner
        for learner in User.objects.filter(username__in=usernames, role=Role.LEARNER)
    }
    allowed: dict[str, bool] = {}
    targets = CsvTargets()
    scales = scales_for(targets.items)
    for index, record in enumerate(records, start=2):
        row = _row(index, record, user, learners, allowed, targets, scales, plan.errors)
        if row is not None:
            plan.rows.append(row)
    if not records:
        plan.errors.append(RowError(2, "", "the file has a header but no scores"))
    return plan


def _csv_problem(error: csv.Error) -> str:
    if "field limit" in str(error):
        return f"a cell is longer than {csv.field_size_limit():,} characters; shorten it"
    return f"this line is not valid CSV ({error}); save the file again as CSV"


def _row(line, record, user, learners, allowed, targets, scales, errors) -> ScoreRow | None:
    def value(name: str) -> str:
        return (record.get(name) or "").strip()

    before = len(errors)

    def error(name: str, message: str) -> None:
        errors.append(RowError(line, name, message))

    if None in record:  # more cells than columns
        error("", f"{len(record[None])} more cell(s) than there are columns")
    username = value("learner_username")
    learner = learners.get(username)
    if learner is not None and username not in allowed:  # one permission query per learner
        allowed[username] = user.has_perm("evidence.record_evidence", learner)
    if not username:
        error("learner_username", "required")
    elif learner is None or not allowed[username]:
        # The same words whether or not the username exists: nothing leaks.
        error("learner_username", f"“{username}” is not a learner in any of your sections")
        learner = None
    framework, problem = targets.framework(value("framework"))
    if problem:
        error("framework", problem)
    target = None
    if not problem:
        target, name, problem = targets.find(
            value("target_code"), value("target_identifier"), framework
        )
        if problem:
            error(name, problem)
    level_text = value("level").lower()
    level: float | None = None
    mark: str = Mark.SCORED
    if level_text in (Mark.MISSING, Mark.EXCUSED):
        mark = level_text
    elif not level_text:
        error("level", "required: a level of the scale, or missing, or excused")
    else:
        try:
            level = float(level_text)
        except ValueError:
            error("level", f"“{value('level')}” is not a level; use a number, missing or excused")
    weight = 1.0
    if value("weight"):
        try:
            weight = float(value("weight"))
        except ValueError:
            error("weight", f"“{value('weight')}” is not a weight (a number, 0 or more)")
    assessed_on = None
    try:
        assessed_on = date.fromisoformat(value("assessed_on"))
    except ValueError:
        error("assessed_on", f"“{value('assessed_on')}” is not a date like 2026-10-05 (YYYY-MM-DD)")
    if assessed_on and assessed_on > timezone.localdate():
        error("assessed_on", f"{assessed_on} is in the future")
        assessed_on = None
    refused = _values_refused(level, weight, assessed_on)
    for name, message in refused.items():
        error(name, message)
    if "level" not in refused and level is not None and target is not None:
        scale = scales.get(target.pk)
        values = [lvl.value for lvl in scale.levels.all()] if scale else []
        if level not in values:
            allowed_text = ", ".join(f"{v:g}" for v in values) or "none"
            error(
                "level",
                f"{level:g} is not on the scale of {target.human_coding_scheme or target.identifier} "
                f"(allowed: {allowed_text})",
            )
    kind = value("kind").lower() or EvidenceKind.SUMMATIVE
    if kind not in EvidenceKind.values:
        error("kind", f"“{value('kind')}” is not formative or summative")
    if len(value("assessment")) > 200:
        error("assessment", "at most 200 characters")
    if len(errors) > before or learner is None or target is None or assessed_on is None:
        return None
    return ScoreRow(
        line=line,
        learner=learner,
        target=target,
        level=level,
        mark=mark,
        assessed_on=assessed_on,
        kind=kind,
        weight=weight,
        feedback=value("feedback"),
        assessment=value("assessment"),
    )


def _assessed_at(assessed_on: date) -> datetime:
    return timezone.make_aware(datetime.combine(assessed_on, _ASSESSED_TIME))


def _values_refused(level: float | None, weight: float, assessed_on: date | None) -> dict:
    """The shared bounds of ``recording.evidence_values_check``, as CSV field errors."""
    when = _assessed_at(assessed_on) if assessed_on else timezone.now()
    try:
        evidence_values_check(level=level, weight=weight, assessed_at=when)
    except ValidationError as error:
        named = {"assessed_at": "assessed_on"}
        return {named.get(name, name): texts[0] for name, texts in error.message_dict.items()}
    return {}


def _assessment(
    title: str, row: ScoreRow, user: User, cache: dict
) -> tuple[Assessment | None, Alignment | None]:
    """The user's assessment of that title in the learner's school (created if new), and
    its alignment to the row's target."""
    if not title:
        return None, None
    school_id = row.learner.organization_id or user.organization_id
    if school_id is None:
        return None, None
    key = (title, school_id)
    if key not in cache:
        found = (
            Assessment.objects.filter(title=title, school_id=school_id)
            .filter(Q(created_by=user) | Q(section__educators=user))
            .first()
        )
        if found is None:
            kind = (
                AssessmentKind.FORMATIVE_CHECK
                if row.kind == EvidenceKind.FORMATIVE
                else AssessmentKind.SUMMATIVE
            )
            found = Assessment.objects.create(
                title=title,
                kind=kind,
                evidence_kind=DEFAULT_EVIDENCE_KIND.get(kind, EvidenceKind.SUMMATIVE),
                school_id=school_id,
                created_by=user,
                description="Created by a CSV import of scores.",
            )
        cache[key] = found
    assessment = cache[key]
    if (assessment.pk, row.target.pk) not in cache:
        cache[(assessment.pk, row.target.pk)], _ = Alignment.objects.get_or_create(
            assessment=assessment, target=row.target
        )
    return assessment, cache[(assessment.pk, row.target.pk)]


def scores_csv_import(*, data: bytes | str, user: User) -> list[Evidence]:
    """Record every line of a scores CSV in one transaction, or nothing at all.

    Raises ``ImportRefusedError`` (a ValidationError) listing every wrong line.
    """
    plan = scores_csv_parse(data=data, user=user)
    if plan.errors:
        raise ImportRefusedError(plan.errors)
    if not plan.rows:
        raise ImportRefusedError([RowError(2, "", "the file has no scores")])
    cache: dict = {}
    with transaction.atomic():
        rows = []
        for row in plan.rows:
            assessment, alignment = _assessment(row.assessment, row, user, cache)
            rows.append(
                EvidenceRow(
                    learner=row.learner,
                    target=row.target,
                    assessed_at=_assessed_at(row.assessed_on),
                    level=row.level,
                    mark=row.mark,
                    kind=row.kind,
                    weight=row.weight,
                    assessment=assessment,
                    alignment=alignment,
                    feedback=row.feedback,
                )
            )
        try:
            return evidence_record_many(
                rows=rows, scorer=user, source=EvidenceSource.IMPORT, reason="CSV import"
            )
        except RowsRefusedError as refused:
            # Checked above already; a change between check and write still undoes all.
            raise ImportRefusedError(
                [
                    RowError(plan.rows[index].line, "", "; ".join(messages))
                    for index, messages in refused.rows.items()
                ]
            ) from refused
