"""A realistic semester of evidence for the demo school, from simulated learners.

Each learner has a starting point and a learning rate (seeded, so every build is the
same). Over sixteen weeks the maths targets are introduced one after another; a learner's
latent ability on a target rises with time and practice, with noise, and each piece of
evidence is a level 1–4 drawn from it. Formative checks come weekly after a target is
introduced, the summative a few weeks later, and some learners below proficient are
reassessed. Some work is missing or excused; the last targets of the term are not started
yet. Lifelong-learning targets are observed less often. A few reassessment requests wait
for the demo educator, one of them from the demo learner, who has a "not yet" target. The
demo learner also learns at her internship (``internship.py``).

Estimates are then computed in one pass by the batch recompute.

Evidence, assessments and alignments are written with ``bulk_create``, which skips
django-simple-history: the generated demo evidence has no audit records of its own
creation. That is acceptable for generated demo data (every real write goes through the
services, which are audited); the estimates' batch write is audited.
"""

import math
import random
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from django.utils import timezone

from continuum.demo.content import LIFELONG, MATH6
from continuum.demo.internship import internship_evidence
from continuum.evidence.models import (
    Alignment,
    Assessment,
    AssessmentKind,
    Estimate,
    EstimateStatus,
    Evidence,
    EvidenceKind,
    EvidenceSource,
    Mark,
)
from continuum.evidence.public import estimates_recompute
from continuum.frameworks.models import Framework, FrameworkItem, ItemKind
from continuum.learning.models import Reassessment
from continuum.people.models import Organization, Section, User

WEEKS = 16
# Maths targets are introduced every 0.75 weeks, so the last few are not started yet.
INTRO_EVERY = 0.75
FORMATIVE_CHECKS = 3
SUMMATIVE_AFTER = 3
REASSESS_AFTER = 2
LIFELONG_WEEKS = (2, 6, 10, 14)
DEMO_LEARNER = "learner"
# The demo learner's struggle: a target they have "not yet" met and asked to retake.
DEMO_NOT_YET = "M6.NS.1"

FEEDBACK = {
    1: (
        "Let's revisit the key idea together; bring your notes to the next check-in.",
        "You started well; the next step is to set up the problem on your own.",
    ),
    2: (
        "You have the simpler parts; show every step so you can check your reasoning.",
        "Good progress — practise the multi-step problems in the review set.",
    ),
    3: (
        "Accurate and clearly explained. Try the extension problem next.",
        "You showed the whole target on your own — well done.",
    ),
    4: (
        "Excellent: you applied it to a new situation and explained why it works.",
        "Your explanation would help a classmate; consider sharing it.",
    ),
}
PREPARATION = (
    "I redid the practice set, checked my answers with the key and came to the lunch help session.",
    "I watched the lesson video again and worked through three new problems with a partner.",
    "I met with my teacher, fixed my mistakes from the unit assessment and made a study card.",
    "I practised with the online set until I got five in a row right.",
)


@dataclass(frozen=True)
class Semester:
    evidence: int
    assessments: int
    estimates: int
    reassessments_pending: int


@dataclass
class _Learner:
    user: User
    section: Section
    educator: User
    start: float
    rate: float


def _targets(content, frameworks: dict[str, Framework]) -> list[FrameworkItem]:
    framework = next(f for f in frameworks.values() if f.title == content.title)
    version = framework.current
    by_code = {
        item.human_coding_scheme: item
        for item in FrameworkItem.objects.filter(version=version, kind=ItemKind.TARGET)
    }
    return [by_code[t.code] for c in content.competencies for t in c.targets]


def _at(day: date, hour: int) -> datetime:
    return timezone.make_aware(datetime.combine(day, time(hour)))


def _level(latent: float) -> float:
    return float(min(4, max(1, math.floor(latent + 0.5))))


def demo_semester_build(*, seed: int, today: date, school: Organization) -> Semester:
    """Sixteen weeks of evidence ending ``today`` for every learner of ``school``."""
    rng = random.Random(seed * 7919 + 17)
    frameworks = {f.title: f for f in Framework.objects.all()}
    maths, lifelong = _targets(MATH6, frameworks), _targets(LIFELONG, frameworks)
    monday = today - timedelta(days=today.weekday())
    start = monday - timedelta(weeks=WEEKS)
    difficulty = {target.pk: rng.gauss(0, 0.3) for target in maths + lifelong}

    sections = list(Section.objects.filter(school=school).prefetch_related("educators"))
    learners: list[_Learner] = []
    for section in sections:
        educator = section.educators.all()[0]
        for user in section.learners.order_by("pk"):
            start_level = min(2.6, max(0.9, rng.gauss(1.7, 0.5)))
            rate = min(0.12, max(0.005, rng.gauss(0.06, 0.03)))
            if user.username == DEMO_LEARNER:
                start_level, rate = 1.75, 0.05
            learners.append(_Learner(user, section, educator, start_level, rate))
    maths_sections = {s.pk for s in sections if s.title.startswith("Math")}

    assessments: dict[tuple[int, int, str], Assessment] = {}
    alignments: dict[tuple[int, int, str], set[int]] = {}
    planned: list[tuple] = []  # (learner, target, week, day offset, kind, source, attempt, key)

    def plan(learner, target, week, offset, kind, source, attempt, title_kind):
        key = (learner.section.pk, week, title_kind)
        alignments.setdefault(key, set()).add(target.pk)
        planned.append((learner, target, week, offset, kind, source, attempt, key))

    for learner in learners:
        if learner.section.pk in maths_sections:
            for index, target in enumerate(maths):
                intro = index * INTRO_EVERY
                first = math.ceil(intro)
                if first >= WEEKS:
                    continue  # not started this term
                for week in range(first, min(first + FORMATIVE_CHECKS, WEEKS)):
                    plan(
                        learner, target, week, 2, "formative", EvidenceSource.ASSESSMENT, 1, "check"
                    )
                summative = first + SUMMATIVE_AFTER
                if summative < WEEKS:
                    plan(
                        learner,
                        target,
                        summative,
                        4,
                        "summative",
                        EvidenceSource.ASSESSMENT,
                        1,
                        "unit",
                    )
        for target in lifelong:
            for week in LIFELONG_WEEKS:
                if rng.random() < 0.55:
                    plan(
                        learner,
                        target,
                        week,
                        3,
                        "formative",
                        EvidenceSource.OBSERVATION,
                        1,
                        "observation",
                    )

    # Assessments and alignments, per section and week (bulk: no history, see above).
    titles = {
        "check": "Week {week} check-in",
        "unit": "Week {week} unit assessment",
        "observation": "Week {week} learning habits observation",
    }
    kinds = {
        "check": AssessmentKind.FORMATIVE_CHECK,
        "unit": AssessmentKind.SUMMATIVE,
        "observation": AssessmentKind.OBSERVATION,
    }
    section_of = {s.pk: s for s in sections}
    educator_of = {learner.section.pk: learner.educator for learner in learners}
    created_at = {}
    for key in sorted(alignments):
        section_pk, week, title_kind = key
        assessments[key] = Assessment(
            title=f"{section_of[section_pk].title}: {titles[title_kind].format(week=week + 1)}",
            kind=kinds[title_kind],
            evidence_kind=EvidenceKind.SUMMATIVE
            if title_kind == "unit"
            else EvidenceKind.FORMATIVE,
            school=school,
            section=section_of[section_pk],
            created_by=educator_of[section_pk],
        )
        created_at[key] = start + timedelta(weeks=week)
    Assessment.objects.bulk_create(assessments.values(), batch_size=500)
    alignment_rows = {
        (key, target_pk): Alignment(
            assessment=assessments[key],
            target_id=target_pk,
            due_on=start + timedelta(weeks=key[1], days=4),
            position=position,
        )
        for key in sorted(alignments)
        for position, target_pk in enumerate(sorted(alignments[key]))
    }
    Alignment.objects.bulk_create(alignment_rows.values(), batch_size=500)

    target_index = {t.pk: i for i, t in enumerate(maths)}
    evidence: list[Evidence] = []
    reassessed: list[tuple[Evidence, _Learner]] = []
    for learner, target, week, offset, kind, source, attempt, key in planned:
        if target.pk in target_index:
            intro = target_index[target.pk] * INTRO_EVERY
            practice = min(0.8, 0.22 * max(0.0, week - intro))
        else:
            practice = 0.3 + 0.04 * week  # habits grow slowly across the term
        latent = learner.start + learner.rate * week + practice - difficulty[target.pk]
        if learner.user.username == DEMO_LEARNER and target.human_coding_scheme == DEMO_NOT_YET:
            latent -= 1.3
        latent += rng.gauss(0, 0.5)
        roll = rng.random()
        mark = Mark.SCORED
        if kind == "formative" and roll < 0.05:
            mark = Mark.MISSING
        elif roll > 0.985:
            mark = Mark.EXCUSED
        level = _level(latent) if mark == Mark.SCORED else None
        day = start + timedelta(weeks=week, days=offset)
        item = Evidence(
            learner=learner.user,
            target=target,
            assessment=assessments[key],
            alignment=alignment_rows[(key, target.pk)],
            attempt=attempt,
            mark=mark,
            level=level,
            kind=kind,
            weight=1.0,
            assessed_at=_at(day, 10),
            due_on=start + timedelta(weeks=week, days=4),
            source=source,
            scorer=learner.educator,
            feedback=rng.choice(FEEDBACK[int(level)]) if level and rng.random() < 0.3 else "",
        )
        evidence.append(item)
        # Reassessment of a summative below proficient, two weeks later, after preparing.
        if (
            kind == "summative"
            and level is not None
            and level < 3
            and week + REASSESS_AFTER < WEEKS
            and rng.random() < 0.3
            and not (
                learner.user.username == DEMO_LEARNER and target.human_coding_scheme == DEMO_NOT_YET
            )
        ):
            retake_week = week + REASSESS_AFTER
            retake = latent + learner.rate * REASSESS_AFTER + 0.5 + rng.gauss(0, 0.3)
            again = Evidence(
                learner=learner.user,
                target=target,
                assessment=assessments[key],
                alignment=alignment_rows[(key, target.pk)],
                attempt=2,
                mark=Mark.SCORED,
                level=_level(retake),
                kind="summative",
                weight=1.0,
                assessed_at=_at(start + timedelta(weeks=retake_week, days=1), 14),
                due_on=start + timedelta(weeks=week, days=4),
                source=EvidenceSource.REASSESSMENT,
                scorer=learner.educator,
                feedback="Reassessed after preparing: " + rng.choice(FEEDBACK[int(_level(retake))]),
            )
            evidence.append(again)
            reassessed.append((again, learner))
    demo = next((learner for learner in learners if learner.user.username == DEMO_LEARNER), None)
    if demo is not None:
        evidence += internship_evidence(
            learner=demo.user,
            educator=demo.educator,
            school=school,
            targets={target.human_coding_scheme: target for target in maths},
            monday=monday,
        )
    Evidence.objects.bulk_create(evidence, batch_size=2000)

    # Completed reassessment requests behind the retakes (bulk: no history, see above).
    Reassessment.objects.bulk_create(
        Reassessment(
            learner=learner.user,
            target=again.target,
            requested_by=learner.user,
            preparation=rng.choice(PREPARATION),
            status=Reassessment.Status.COMPLETED,
            reviewer=learner.educator,
            scheduled_for=again.assessed_at,
            decision_note="Approved: show me your corrected work first.",
            evidence=again,
            decided_at=again.assessed_at - timedelta(days=5),
        )
        for again, learner in reassessed
    )
    recomputed = estimates_recompute(school=school)
    pending = _pending_requests(rng, learners, maths)
    return Semester(len(evidence), len(assessments), recomputed.estimates, pending)


def _pending_requests(rng: random.Random, learners: list[_Learner], maths: list) -> int:
    """Requests waiting for the demo educator: the demo learner's, and a few classmates'."""
    demo = next((learner for learner in learners if learner.user.username == DEMO_LEARNER), None)
    if demo is None:
        return 0
    classmates = [learner for learner in learners if learner.section.pk == demo.section.pk]
    by_user = {learner.user.pk: learner for learner in classmates}
    not_yet = list(
        Estimate.objects.filter(
            learner__in=[learner.user for learner in classmates],
            target__in=maths,
            status__in=[EstimateStatus.NOT_YET, EstimateStatus.APPROACHING],
        )
        .select_related("target")
        .order_by("learner_id", "target__human_coding_scheme")
    )
    demo_target = next(t for t in maths if t.human_coding_scheme == DEMO_NOT_YET)
    chosen = [(demo, demo_target)]
    seen = {demo.user.pk}
    for estimate in rng.sample(not_yet, len(not_yet)):
        if estimate.learner_id not in seen and len(chosen) < 5:
            seen.add(estimate.learner_id)
            chosen.append((by_user[estimate.learner_id], estimate.target))
    Reassessment.objects.bulk_create(
        Reassessment(
            learner=learner.user,
            target=target,
            requested_by=learner.user,
            preparation=PREPARATION[index % len(PREPARATION)],
        )
        for index, (learner, target) in enumerate(chosen)
    )
    return len(chosen)
