"""A school of learners with stored estimates, for heatmap tests and bench/heatmap.py.

Only estimates are made (no evidence): the heatmaps read estimates and never recompute.
"""

import random
from dataclasses import dataclass

from django.utils import timezone

from continuum.evidence.models import Estimate
from continuum.evidence.models import EstimateStatus as S
from continuum.frameworks.models import Framework, FrameworkItem, ItemKind
from continuum.frameworks.tests.factories import item_create, scale_create, version_create
from continuum.people.models import Enrollment, Organization, Role, Section, User

STATUS_OF_LEVEL = [(1.5, S.NOT_YET), (2.5, S.APPROACHING), (3.5, S.PROFICIENT), (9, S.ADVANCED)]


@dataclass
class School:
    school: Organization
    leader: User
    educator: User
    framework: Framework
    targets: list[FrameworkItem]
    sections: list[Section]
    learners: list[User]


def status_of(level: float) -> S:
    return next(status for cut, status in STATUS_OF_LEVEL if level < cut)


def school_create(
    *, learners: int, targets: int, section_size: int = 25, seed: int = 6, school=None
) -> School:
    """``learners`` learners in sections of ``section_size``, each with an estimate on
    most of ``targets`` targets (about 1 in 10 not started)."""
    rng = random.Random(seed)
    tag = f"{seed}-{learners}-{targets}"
    if school is None:
        district = Organization.objects.create(kind="district", name=f"District {tag}")
        school = Organization.objects.create(kind="school", name="Heatmap School", parent=district)
    leader = User.objects.create_user(f"leader-{tag}", role=Role.LEADER, organization=school)
    educator = User.objects.create_user(
        f"educator-{tag}", role=Role.EDUCATOR, organization=school, first_name="Tess"
    )
    version = version_create(title=f"Heatmap Mathematics {tag}")
    scale_create(version)
    domain = item_create(version, "M", "Mathematics", kind=ItemKind.DOMAIN)
    items = [
        item_create(version, f"M.{i}", f"Mathematics target {i}", parent=domain, position=i)
        for i in range(1, targets + 1)
    ]
    people = User.objects.bulk_create(
        User(
            username=f"hm-{tag}-{n}",
            role=Role.LEARNER,
            organization=school,
            first_name=f"Learner{n:04d}",
            last_name=rng.choice(["Ortiz", "Haddad", "Nguyen", "Adams", "Brandt", "Park"]),
        )
        for n in range(learners)
    )
    sections = Section.objects.bulk_create(
        Section(school=school, title=f"Math {n + 1:02d}")
        for n in range(max(1, -(-learners // section_size)))
    )
    Enrollment.objects.bulk_create(
        Enrollment(section=sections[n // section_size], learner=person)
        for n, person in enumerate(people)
    )
    sections[0].educators.add(educator)
    now = timezone.now()
    difficulty = {t.pk: rng.uniform(-1.0, 0.8) for t in items}
    estimates = []
    for person in people:
        ability = rng.uniform(1.2, 3.6)
        for target in items:
            if rng.random() < 0.1:
                continue
            level = round(
                max(1.0, min(4.0, ability - difficulty[target.pk] + rng.gauss(0, 0.5))), 2
            )
            estimates.append(
                Estimate(
                    learner=person,
                    target=target,
                    level=level,
                    status=status_of(level),
                    method="decaying_average",
                    evidence_count=rng.randint(1, 5),
                    computed_at=now,
                )
            )
    Estimate.objects.bulk_create(estimates, batch_size=5000)
    return School(school, leader, educator, version.framework, items, list(sections), people)
