"""A realistic class for gradebook tests and the benchmark: learners with different
starting points and learning rates, several attempts per target, a few missing pieces
and overrides, written in bulk."""

import random
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from django.utils import timezone

from continuum.evidence.models import Estimate, Evidence, EvidenceKind, Mark
from continuum.evidence.models import EstimateStatus as S
from continuum.evidence.services.engine_input import engine_item
from continuum.evidence.services.estimates import status_label
from continuum.evidence.services.policy import DEFAULT_POLICY
from continuum.frameworks.models import FrameworkItem, ItemKind, LearningArea
from continuum.frameworks.tests.factories import item_create, scale_create, version_create
from continuum.mastery import ESTIMATE_BANDS, policy_explanation
from continuum.people.models import Enrollment, Organization, Role, Section, User

START = datetime(2026, 9, 7, 9, tzinfo=UTC)


@dataclass
class GradebookClass:
    section: Section
    educator: User
    learners: list[User]
    targets: list[FrameworkItem]


def gradebook_class_create(
    *,
    learners: int,
    academic: int = 32,
    lifelong: int = 8,
    attempts: int = 3,
    seed: int = 4,
    school: Organization | None = None,
    title: str = "Grade 7 Science",
) -> GradebookClass:
    rng = random.Random(seed)
    if school is None:
        district = Organization.objects.create(kind="district", name="Bench District")
        school = Organization.objects.create(kind="school", name="Bench School", parent=district)
    educator = User.objects.create_user(
        f"teacher-{seed}-{learners}", role=Role.EDUCATOR, organization=school, first_name="Tess"
    )
    section = Section.objects.create(school=school, title=f"{title} ({learners})")
    section.educators.add(educator)
    version = version_create(title=f"{title} {seed}-{learners}")
    scale_create(version)
    domain = item_create(version, "S", "Science", kind=ItemKind.DOMAIN)
    sel = item_create(
        version, "L", "Lifelong", kind=ItemKind.DOMAIN, learning_area=LearningArea.LIFELONG
    )
    targets = [
        item_create(version, f"S.{i}", f"Science target {i}", parent=domain, position=i)
        for i in range(1, academic + 1)
    ] + [
        item_create(
            version,
            f"L.{i}",
            f"Lifelong target {i}",
            parent=sel,
            learning_area=LearningArea.LIFELONG,
            position=academic + i,
        )
        for i in range(1, lifelong + 1)
    ]
    people = User.objects.bulk_create(
        User(
            username=f"learner-{seed}-{learners}-{n}",
            role=Role.LEARNER,
            organization=school,
            first_name=f"Learner{n:02d}",
            last_name=rng.choice(["Ortiz", "Haddad", "Nguyen", "Adams", "Brandt", "Park"]),
        )
        for n in range(learners)
    )
    Enrollment.objects.bulk_create(Enrollment(section=section, learner=p) for p in people)
    evidence, estimates = [], []
    now = timezone.now()
    for person in people:
        start, rate = rng.uniform(1.0, 3.0), rng.uniform(0.0, 0.5)
        for target in targets:
            rows = []
            for attempt in range(1, rng.randint(0, attempts) + 1):
                level = max(1, min(4, round(start + rate * attempt + rng.gauss(0, 0.5))))
                missing = rng.random() < 0.04
                rows.append(
                    Evidence(
                        learner=person,
                        target=target,
                        scorer=educator,
                        attempt=attempt,
                        mark=Mark.MISSING if missing else Mark.SCORED,
                        level=None if missing else level,
                        kind=EvidenceKind.FORMATIVE if attempt < 3 else EvidenceKind.SUMMATIVE,
                        assessed_at=START + timedelta(days=7 * attempt + rng.randint(0, 4)),
                    )
                )
            evidence += rows
            scored = [engine_item(row) for row in rows if row.mark == Mark.SCORED]
            explained = policy_explanation(DEFAULT_POLICY, scored)
            estimate = explained.estimate if explained else None
            overridden = estimate is not None and rng.random() < 0.02
            estimates.append(
                Estimate(
                    learner=person,
                    target=target,
                    level=estimate,
                    status=status_label(estimate, ESTIMATE_BANDS),
                    method=DEFAULT_POLICY.method,
                    evidence_count=len(scored),
                    computed_at=now,
                    override_level=4 if overridden else None,
                    override_status=S.ADVANCED if overridden else None,
                    override_reason="Showed it in the science fair" if overridden else "",
                    overridden_by=educator if overridden else None,
                    overridden_at=now if overridden else None,
                )
            )
    Evidence.objects.bulk_create(evidence)
    Estimate.objects.bulk_create(estimates)
    return GradebookClass(section=section, educator=educator, learners=people, targets=targets)
