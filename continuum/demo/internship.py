"""The demo learner's internship at Riverside Clinic, in the last three weeks of the term.

Learning counts wherever it happens: at the clinic she surveys the waiting room and reports
its data to the team (the statistics targets, which her class reaches only next term) and
applies ratios to doses. Her teacher assesses the projects from the clinic mentor's notes
(summative, source "community partner"); the mentor's first look at her survey question is
practice (formative). With her class work on ratios, this meets the health-science
certificate she elected, so the demo school shows an award earned through a pathway.

Called by ``continuum.demo.semester.demo_semester_build``, whose one recompute includes
this evidence.
"""

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from django.utils import timezone

from continuum.evidence.models import (
    Alignment,
    Assessment,
    AssessmentKind,
    Evidence,
    EvidenceKind,
    EvidenceSource,
    Mark,
)
from continuum.frameworks.models import FrameworkItem
from continuum.people.models import Organization, User


@dataclass(frozen=True)
class _Project:
    title: str
    kind: str
    days_before_monday: int  # from this week's Monday; all fall in the placement
    levels: tuple[tuple[str, float], ...]
    feedback: str


PROJECTS = (
    _Project(
        "Riverside Clinic: draft survey question",
        EvidenceKind.FORMATIVE,
        12,
        (("M6.SP.1", 2.0),),
        "A yes/no question has no spread; ask for a number that varies from patient to patient.",
    ),
    _Project(
        "Riverside Clinic: waiting-room survey",
        EvidenceKind.SUMMATIVE,
        10,
        (("M6.SP.1", 3.0), ("M6.SP.2", 3.0)),
        "Your question about waiting times gets answers that vary, and you described their "
        "spread from your own dot plot.",
    ),
    _Project(
        "Riverside Clinic: dosage ratios",
        EvidenceKind.SUMMATIVE,
        5,
        (("M6.RP.2", 3.0), ("M6.RP.5", 4.0)),
        "You converted the units on the dosage chart and explained to the nurse why the dose "
        "scales with body mass: ratios applied to a new situation.",
    ),
    _Project(
        "Riverside Clinic: data report to the team",
        EvidenceKind.SUMMATIVE,
        3,
        (("M6.SP.3", 3.0), ("M6.SP.4", 3.0)),
        "Your report gave the median and the range of waiting times and said which one the "
        "team should plan by, and why.",
    ),
)


def internship_evidence(
    *,
    learner: User,
    educator: User,
    school: Organization,
    targets: dict[str, FrameworkItem],
    monday: date,
) -> list[Evidence]:
    """The clinic projects' evidence (unsaved; their assessments are saved), for the
    semester to write with the rest."""
    evidence = []
    for project in PROJECTS:
        day = monday - timedelta(days=project.days_before_monday)
        assessment = Assessment.objects.create(
            title=project.title,
            kind=AssessmentKind.PROJECT
            if project.kind == EvidenceKind.SUMMATIVE
            else AssessmentKind.OBSERVATION,
            evidence_kind=project.kind,
            school=school,
            created_by=educator,
        )
        for position, (code, level) in enumerate(project.levels):
            alignment = Alignment.objects.create(
                assessment=assessment, target=targets[code], due_on=day, position=position
            )
            evidence.append(
                Evidence(
                    learner=learner,
                    target=targets[code],
                    assessment=assessment,
                    alignment=alignment,
                    mark=Mark.SCORED,
                    level=level,
                    kind=project.kind,
                    assessed_at=timezone.make_aware(datetime.combine(day, time(15))),
                    due_on=day,
                    source=EvidenceSource.PARTNER,
                    scorer=educator,
                    feedback=project.feedback,
                )
            )
    return evidence
