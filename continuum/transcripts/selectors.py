"""One learner's mastery transcript, its canonical content and digest, and the reads the
verification page and the conversion page need.

What each part means is asked of its owner, never re-derived here: the targets, their
order, areas and shown statuses come from the learner map (``evidence.public``); a status
in words and a target's statement from ``family.public``; credits and certificates from
``credentials.public`` (revoked ones left out). The date a target was first demonstrated is
read from the estimate's audit history: the first recorded version whose shown status (the
override, else the calculated one, as ``Estimate.shown_status`` decides) was at least
proficient.
"""

import hashlib
import json
from dataclasses import dataclass, field
from datetime import date

from django.db.models import Q
from django.utils import timezone

from continuum.credentials.public import learner_credentials_get
from continuum.evidence.models import Estimate, EstimateStatus
from continuum.evidence.public import learner_map_get
from continuum.family.public import statement_of, status_in_words
from continuum.frameworks.models import FrameworkItem, LearningArea
from continuum.frameworks.public import area_rank
from continuum.people.models import User
from continuum.transcripts.conversion import Converted, converted
from continuum.transcripts.models import GradeConversion, TranscriptIssue


@dataclass(frozen=True)
class Demonstrated:
    target: FrameworkItem
    statement: str
    status: EstimateStatus
    words: str
    first_on: date | None  # None: demonstrated before the estimate's history was kept
    conversion: Converted | None


@dataclass
class CompetencyGroup:
    framework: str
    competency: FrameworkItem | None
    language: str  # the framework's: its statements are shown in it
    lines: list[Demonstrated] = field(default_factory=list)


@dataclass
class Transcript:
    learner: User
    school: str
    academic: list[CompetencyGroup]
    lifelong: list[CompetencyGroup]
    awards: list  # credentials' AwardView, live ones only, newest first
    conversion: GradeConversion | None

    @property
    def areas(self) -> list[tuple[str, list[CompetencyGroup]]]:
        """Academic first, then lifelong learning: reported apart, never mixed."""
        return [(LearningArea.ACADEMIC, self.academic), (LearningArea.LIFELONG, self.lifelong)]

    @property
    def empty(self) -> bool:
        return not (self.academic or self.lifelong or self.awards)

    def canonical(self) -> str:
        """What the document states, as stable JSON: the digest's input. Words and
        translations are left out, so the English and the Spanish document of one record
        have the same digest."""
        content = {
            "learner": [self.learner.pk, self.learner.display_name],
            "school": self.school,
            "targets": [
                [
                    line.target.pk,
                    line.target.human_coding_scheme,
                    int(line.status),
                    line.first_on.isoformat() if line.first_on else None,
                    [line.conversion.letter, line.conversion.points] if line.conversion else None,
                ]
                for group in self.academic + self.lifelong
                for line in group.lines
            ],
            "awards": [
                [
                    view.award.pk,
                    view.award.kind,
                    view.award.requirement.title,
                    view.award.awarded_on.isoformat(),
                ]
                for view in self.awards
            ],
            "conversion": self.conversion.version if self.conversion else None,
        }
        return json.dumps(content, sort_keys=True, ensure_ascii=False, separators=(",", ":"))

    def digest(self) -> str:
        return hashlib.sha256(self.canonical().encode()).hexdigest()


def _first_demonstrated(learner: User) -> dict[int, date]:
    """Each target's first day at least proficient, from the estimate history in one pass."""
    first: dict[int, date] = {}
    proficient = EstimateStatus.PROFICIENT
    # Only versions that could show proficient: the calculated or the override status is.
    rows = Estimate.history.filter(
        Q(status__gte=proficient) | Q(override_status__gte=proficient), learner_id=learner.pk
    ).order_by("history_date", "history_id")
    for row in rows.iterator():
        if row.target_id in first or row.history_type == "-":
            continue
        if row.instance.shown_status >= EstimateStatus.PROFICIENT:
            first[row.target_id] = timezone.localdate(row.history_date)
    return first


def conversion_current(*, school_id: int | None, on: date) -> GradeConversion | None:
    """The school's table in effect on ``on``: the newest version effective by then."""
    if school_id is None:
        return None
    return (
        GradeConversion.objects.filter(school_id=school_id, effective_from__lte=on)
        .order_by("-version")
        .first()
    )


def conversion_list(*, school_id: int | None):
    return GradeConversion.objects.filter(school_id=school_id).select_related("created_by")


def transcript_get(*, learner: User, today: date) -> Transcript:
    """The transcript as it reads now; the conversion in effect ``today`` is applied."""
    found = learner_map_get(learner=learner)
    first = _first_demonstrated(learner)
    school = learner.organization
    table = conversion_current(school_id=learner.organization_id, on=today)
    areas: dict[str, list[CompetencyGroup]] = {LearningArea.ACADEMIC: [], LearningArea.LIFELONG: []}
    for target in sorted(found.targets, key=area_rank):
        status = EstimateStatus(found.status(target.pk))
        if status < EstimateStatus.PROFICIENT:
            continue
        area = areas.setdefault(target.learning_area, [])
        if not area or area[-1].competency != target.parent:
            language = target.version.language or "en"
            area.append(CompetencyGroup(target.version.framework.title, target.parent, language))
        estimate = found.estimates[target.pk]
        area[-1].lines.append(
            Demonstrated(
                target=target,
                statement=statement_of(target.learner_statement, target.full_statement),
                status=status,
                words=status_in_words(status),
                first_on=first.get(target.pk),
                conversion=(
                    converted(table.rows, status=status, level=estimate.shown_level)
                    if table
                    else None
                ),
            )
        )
    return Transcript(
        learner=learner,
        school=school.name if school else "",
        academic=areas[LearningArea.ACADEMIC],
        lifelong=areas[LearningArea.LIFELONG],
        awards=learner_credentials_get(learner=learner).live,
        conversion=table,
    )


def issue_list(*, learner: User):
    return TranscriptIssue.objects.filter(learner=learner).select_related("issued_by")


def issue_get(*, token: str) -> TranscriptIssue | None:
    return (
        TranscriptIssue.objects.select_related("learner__organization").filter(token=token).first()
    )
