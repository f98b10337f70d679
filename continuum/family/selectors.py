"""What the family view shows for one child, read in a fixed number of queries.

Per competency: what the child can do now (proficient or better), what they are working
on (not yet, getting close) and what is ready to start next (prerequisites mastered, not
begun); recent evidence with its feedback; active goals; and pace in plain words.

Framework text comes in the reader's language where a translation exists, else marked as
its framework's language (``LocalText``); text people typed is marked as written.
"""

from dataclasses import dataclass, field
from datetime import datetime

from django.db.models import QuerySet

from continuum.credentials.public import LearnerCredentials, learner_credentials_get
from continuum.evidence.models import EstimateStatus, Evidence, Mark
from continuum.evidence.public import learner_map_get
from continuum.family import plain
from continuum.frameworks.models import FrameworkItem, LearningArea, LevelDescriptor
from continuum.frameworks.public import (
    AreaCount,
    FrameworkTexts,
    LocalText,
    area_counts,
    area_rank,
    bands_of,
    framework_texts,
    scales_for,
    typed_text,
)
from continuum.lib.dates import day
from continuum.pathways.models import Goal
from continuum.people.models import Role, User
from continuum.supports.public import family_summary as supports_family_summary
from continuum.supports.public import learner_paces

READY_PER_COMPETENCY = 2  # new targets suggested per competency, to keep the page short
RECENT_EVIDENCE = 6


@dataclass(frozen=True)
class TargetLine:
    target: FrameworkItem
    statement: LocalText
    status: EstimateStatus
    words: str
    help: str = ""


@dataclass
class CompetencyLine:
    competency: FrameworkItem | None
    title: LocalText  # the competency's statement, else the framework's title
    framework: LocalText
    lifelong: bool
    can_do: list[TargetLine] = field(default_factory=list)
    working_on: list[TargetLine] = field(default_factory=list)
    ready: list[TargetLine] = field(default_factory=list)


@dataclass(frozen=True)
class RecentEvidence:
    target: FrameworkItem
    statement: LocalText
    words: str
    feedback: LocalText
    assessed_at: datetime
    assessment: LocalText


@dataclass
class ChildSummary:
    learner: User
    competencies: list[CompetencyLine]
    recent: list[RecentEvidence]
    goals: list[Goal]
    areas: list[AreaCount]
    requirements: list[str] = field(default_factory=list)  # pace to each, in words
    support: list[dict] = field(default_factory=list)  # support plans shared with the family
    credentials: LearnerCredentials | None = None  # awards and courses ended without credit

    @property
    def pace(self) -> list[str]:
        """One sentence per learning area the child has targets in, academic first."""
        return [
            plain.pace_in_words(area=count.area, can_do=count.mastered, total=count.total)
            for count in self.areas
        ]


def family_children(*, user: User) -> QuerySet[User]:
    """The learners whose family view this person opens from /family/: a guardian's
    linked children, or a learner's own."""
    if user.role == Role.GUARDIAN:
        return User.objects.filter(guardian_links__guardian=user).order_by("first_name", "pk")
    if user.role == Role.LEARNER:
        return User.objects.filter(pk=user.pk)
    return User.objects.none()


def _proficient_descriptors(
    target_ids: list[int], scales: dict, texts: FrameworkTexts
) -> dict[int, LocalText]:
    found: dict[int, LocalText] = {}
    for descriptor in LevelDescriptor.objects.filter(item_id__in=target_ids).select_related(
        "level", "item"
    ):
        scale = scales.get(descriptor.item_id)
        if scale is not None and descriptor.level.value == scale.proficiency_cut:
            found[descriptor.item_id] = texts.descriptor(descriptor)
    return found


def _goals(learner: User) -> list[Goal]:
    return list(Goal.objects.filter(learner=learner, status=Goal.Status.ACTIVE)[:10])


def family_summary(*, learner: User) -> ChildSummary:
    """The whole family view of one child, from the learner map: academic targets first,
    then lifelong learning, each in the one target order."""
    found = learner_map_get(learner=learner)
    targets = sorted(found.targets, key=area_rank)
    ready = found.ready
    scales = scales_for(targets)
    working_ids = [t.pk for t in targets if found.status(t.pk) in plain.WORKING_ON or t.pk in ready]
    texts = framework_texts(version_ids={t.version_id for t in targets})
    descriptors = _proficient_descriptors(working_ids, scales, texts)
    name = learner.first_name or learner.username
    lines: list[CompetencyLine] = []
    for target in targets:
        status = EstimateStatus(found.status(target.pk))
        if not lines or lines[-1].competency != target.parent:
            framework = LocalText(
                target.version.framework.title, target.version.language or "en", texts.reader
            )
            lines.append(
                CompetencyLine(
                    competency=target.parent,
                    title=texts.text(target.parent, "full_statement")
                    if target.parent
                    else framework,
                    framework=framework,
                    lifelong=target.learning_area == LearningArea.LIFELONG,
                )
            )
        line = lines[-1]
        statement = texts.statement(target)
        words = plain.status_in_words(status)
        if status in plain.CAN_DO:
            line.can_do.append(TargetLine(target, statement, status, words))
            continue
        if status in plain.WORKING_ON:
            bucket = line.working_on
        elif target.pk in ready and len(line.ready) < READY_PER_COMPETENCY:
            bucket = line.ready
        else:
            continue
        advice = plain.help_at_home(
            name=name,
            statement=statement,
            status=status,
            descriptor=descriptors.get(target.pk, ""),
        )
        bucket.append(TargetLine(target, statement, status, words, advice))
    return ChildSummary(
        learner=learner,
        competencies=[c for c in lines if c.can_do or c.working_on or c.ready],
        recent=_recent(learner, scales, texts),
        goals=_goals(learner),
        areas=area_counts((t.learning_area, found.status(t.pk) in plain.CAN_DO) for t in targets),
        requirements=requirement_paces_in_words(learner, name),
        support=supports_family_summary(learner),
        credentials=learner_credentials_get(learner=learner),
    )


def requirement_paces_in_words(learner: User, name: str) -> list[str]:
    """The learner's pace to each requirement as the family view says it (the guardian's
    home page says it the same way)."""
    return [
        plain.requirement_pace_in_words(
            name=name,
            title=pace.requirement.title,
            status=pace.status,
            projected=day(pace.projected_on) if pace.projected_on else None,
            due=day(pace.requirement.due_on),
            out_of_reach=pace.words.out_of_reach,
        )
        for pace in learner_paces(learner)
    ]


def _recent(learner: User, scales: dict, texts: FrameworkTexts) -> list[RecentEvidence]:
    rows = list(
        Evidence.objects.filter(learner=learner, mark=Mark.SCORED)
        .select_related("target__version", "assessment")
        .order_by("-assessed_at", "-id")[:RECENT_EVIDENCE]
    )
    missing = [e.target for e in rows if scales.get(e.target_id) is None]
    if missing:  # targets outside the summary's frameworks: their scales in one call
        scales = {**scales, **scales_for(missing)}
        texts = framework_texts(version_ids={e.target.version_id for e in rows})
    recent = []
    for evidence in rows:
        scale = scales.get(evidence.target_id)
        words = plain.evidence_in_words(evidence.level, bands=bands_of(scale).evidence)
        recent.append(
            RecentEvidence(
                target=evidence.target,
                statement=texts.statement(evidence.target),
                words=words,
                feedback=typed_text(evidence.feedback),
                assessed_at=evidence.assessed_at,
                assessment=typed_text(evidence.assessment.title if evidence.assessment else ""),
            )
        )
    return recent
