"""Reads for assessments, each scoped to what the asking user may see.

Educators see the assessments they created and those of the sections they teach; leaders
those of their school; learners the assessments of their sections that have questions.
"""

from dataclasses import dataclass, field

from django.db.models import Count, Q, QuerySet

from continuum.evidence.models import Alignment, Assessment, Evidence, KnowledgeTrace, Question
from continuum.frameworks.models import (
    Framework,
    FrameworkItem,
    FrameworkVersion,
    ItemKind,
    LevelDescriptor,
    ProficiencyScale,
)
from continuum.frameworks.public import TARGET_ORDER
from continuum.people.models import Role, User


def assessment_list(*, user: User) -> QuerySet[Assessment]:
    assessments = Assessment.objects.select_related("section", "created_by").annotate(
        alignment_count=Count("alignments", distinct=True),
        question_count=Count("alignments__questions", distinct=True),
    )
    match user.role:
        case Role.EDUCATOR:
            return assessments.filter(Q(created_by=user) | Q(section__educators=user)).distinct()
        case Role.LEADER if user.organization_id is not None:
            return assessments.filter(school_id=user.organization_id)
        case Role.LEARNER:
            return assessments.filter(
                section__enrollments__learner=user, question_count__gt=0
            ).distinct()
    return assessments.none()


def assessment_list_matching(
    *, user: User, title: str = "", section_id: int | None = None
) -> QuerySet[Assessment]:
    """The user's assessments, narrowed by words of the title and by section (a school's
    list runs to hundreds), newest first."""
    found = assessment_list(user=user)
    if title.strip():
        found = found.filter(title__icontains=title.strip())
    if section_id is not None:
        found = found.filter(section_id=section_id)
    return found


def assessment_get(*, user: User, assessment_id: int) -> Assessment:
    """An assessment the user may see; raises Assessment.DoesNotExist otherwise."""
    return assessment_list(user=user).get(pk=assessment_id)


@dataclass(frozen=True)
class RubricLevel:
    value: float
    name: str
    text: str
    own: bool  # written for this assessment (else the target's descriptor, if any)

    @property
    def key(self) -> str:
        return f"{self.value:g}"


@dataclass
class AlignmentView:
    alignment: Alignment
    levels: list[RubricLevel] = field(default_factory=list)
    questions: list[Question] = field(default_factory=list)


def _scales(targets: list[FrameworkItem]) -> dict[int, ProficiencyScale | None]:
    """The scale of each target's descriptors, else its version's first scale."""
    described = dict(
        LevelDescriptor.objects.filter(item__in=targets)
        .values_list("item_id", "level__scale_id")
        .distinct()
    )
    scales = ProficiencyScale.objects.filter(
        version_id__in={t.version_id for t in targets}
    ).prefetch_related("levels")
    by_id = {scale.pk: scale for scale in scales}
    first: dict[int, ProficiencyScale] = {}
    for scale in sorted(by_id.values(), key=lambda s: s.pk):
        first.setdefault(scale.version_id, scale)
    return {
        t.pk: by_id.get(described[t.pk]) if t.pk in described else first.get(t.version_id)
        for t in targets
    }


def alignment_views(*, assessment: Assessment) -> list[AlignmentView]:
    """Each alignment with its rubric: the assessment's own text per level, falling back
    to the target's level descriptor from the continuum."""
    alignments = list(assessment.alignments.select_related("target").prefetch_related("questions"))
    targets = [a.target for a in alignments]
    descriptors = {
        (d.item_id, d.level_id): d.description
        for d in LevelDescriptor.objects.filter(item__in=targets)
    }
    scales = _scales(targets)
    views = []
    for alignment in alignments:
        view = AlignmentView(alignment, questions=list(alignment.questions.all()))
        scale = scales[alignment.target_id]
        for level in scale.levels.all() if scale else []:
            own = alignment.rubric.get(f"{level.value:g}", "")
            fallback = descriptors.get((alignment.target_id, level.pk), "")
            view.levels.append(RubricLevel(level.value, level.name, own or fallback, bool(own)))
        views.append(view)
    return views


def level_options(*, targets: list[FrameworkItem]) -> dict[int, list[tuple[str, str]]]:
    """(value, "value name") for each target's scale, for level selects."""
    return {
        target_id: [(f"{lvl.value:g}", f"{lvl.value:g} {lvl.name}") for lvl in scale.levels.all()]
        if scale
        else []
        for target_id, scale in _scales(targets).items()
    }


def framework_choices() -> QuerySet[Framework]:
    return Framework.objects.annotate(version_count=Count("versions")).filter(version_count__gt=0)


def target_choices(*, version: FrameworkVersion | None) -> QuerySet[FrameworkItem]:
    """A version's learning targets in the one target order, so they group by competency."""
    return (
        FrameworkItem.objects.filter(version=version, kind=ItemKind.TARGET)
        .in_use()
        .select_related("parent")
        .order_by(*TARGET_ORDER)
    )


@dataclass
class SheetCell:
    alignment: Alignment
    latest: Evidence | None = None
    trace: KnowledgeTrace | None = None


@dataclass
class SheetRow:
    learner: User
    cells: list[SheetCell]


def section_sheet(*, assessment: Assessment, alignments: list[Alignment]) -> list[SheetRow]:
    """The section's learners × the alignments, with each learner's latest evidence from
    this assessment and their knowledge trace on the target (four queries in all)."""
    if assessment.section is None:
        return []
    learners = list(assessment.section.learners.order_by("last_name", "first_name"))
    latest: dict[tuple[int, int], Evidence] = {}
    for evidence in Evidence.objects.filter(
        assessment=assessment, alignment__in=alignments, learner__in=learners
    ).order_by("assessed_at", "id"):
        assert evidence.alignment_id is not None
        latest[(evidence.learner_id, evidence.alignment_id)] = evidence
    traces = {
        (t.learner_id, t.target_id): t
        for t in KnowledgeTrace.objects.filter(
            learner__in=learners, target__in=[a.target_id for a in alignments]
        )
    }
    return [
        SheetRow(
            learner,
            [
                SheetCell(a, latest.get((learner.pk, a.pk)), traces.get((learner.pk, a.target_id)))
                for a in alignments
            ],
        )
        for learner in learners
    ]


def questions_to_take(*, assessment: Assessment) -> list[Question]:
    return list(
        Question.objects.filter(alignment__assessment=assessment)
        .select_related("alignment__target")
        .order_by("alignment__position", "position", "id")
    )


@dataclass(frozen=True)
class Attempt:
    number: int
    evidence: list[Evidence]


def learner_attempts(*, assessment: Assessment, learner: User) -> list[Attempt]:
    """The learner's scored attempts at the assessment, newest first."""
    attempts: dict[int, list[Evidence]] = {}
    for evidence in (
        Evidence.objects.filter(assessment=assessment, learner=learner)
        .select_related("target", "alignment")
        .order_by("-attempt", "alignment__position", "id")
    ):
        attempts.setdefault(evidence.attempt, []).append(evidence)
    return [Attempt(number, items) for number, items in attempts.items()]
