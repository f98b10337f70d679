"""Builds the demo school: one district, one school, its frameworks and its people.

Deterministic for a seed, so screenshots, docs and tests see the same school. The
published demo logins (one per role) are the first person of each role.
"""

import random
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta

from django.contrib.auth.hashers import make_password
from django.db import transaction

from continuum.credentials.public import awards_sync
from continuum.demo.case import case_package
from continuum.demo.content import FRAMEWORKS
from continuum.demo.insights import demo_groups_build
from continuum.demo.pathways import demo_pathways_build
from continuum.demo.reports import demo_reports_build
from continuum.demo.semester import demo_semester_build
from continuum.demo.spanish import demo_spanish_build
from continuum.demo.supports import demo_supports_build
from continuum.frameworks.public import case_package_import
from continuum.people.models import (
    CaseloadAssignment,
    Enrollment,
    GuardianLink,
    Organization,
    Placement,
    Role,
    Section,
    User,
)
from continuum.people.public import DEMO_PASSWORD

DISTRICT_NAME = "Riverside Unified School District"
SCHOOL_NAME = "Maple Grove Middle School"
LEARNERS_PER_SECTION = 24
SECTION_TITLES = (
    "Math 6 · Period 1",
    "Math 6 · Period 2",
    "Math 6 · Period 3",
    "Math 6 · Period 4",
    "Advisory 6 · Crew",
)

FIRST_NAMES = (
    "Amara",
    "Mateo",
    "Sofia",
    "Liam",
    "Aisha",
    "Noah",
    "Mei",
    "Diego",
    "Zara",
    "Ethan",
    "Priya",
    "Lucas",
    "Fatima",
    "Oliver",
    "Yuki",
    "Elena",
    "Kwame",
    "Chloe",
    "Omar",
    "Isla",
    "Ravi",
    "Maya",
    "Tariq",
    "Hana",
    "Jonas",
    "Lucia",
    "Kofi",
    "Nia",
    "Arjun",
    "Leah",
)
LAST_NAMES = (
    "Okafor",
    "Garcia",
    "Nguyen",
    "Smith",
    "Khan",
    "Johnson",
    "Chen",
    "Hernandez",
    "Ali",
    "Brown",
    "Patel",
    "Silva",
    "Haddad",
    "Wilson",
    "Tanaka",
    "Rossi",
    "Mensah",
    "Martin",
    "Ibrahim",
    "Murphy",
    "Sharma",
    "Lopez",
    "Yilmaz",
    "Kim",
    "Novak",
    "Romero",
)


@dataclass(frozen=True)
class DemoLogin:
    username: str
    role: str
    name: str


@dataclass(frozen=True)
class DemoSchool:
    logins: tuple[DemoLogin, ...]
    learners: int
    sections: int
    frameworks: tuple[str, ...]
    created: bool


def demo_school_exists() -> bool:
    return Organization.objects.filter(name=DISTRICT_NAME, kind="district").exists()


_DEMO_ROLES = (
    Role.LEARNER,
    Role.GUARDIAN,
    Role.EDUCATOR,
    Role.COUNSELOR,
    Role.LEADER,
    Role.DISTRICT_ADMIN,
    Role.PARTNER,
)


def _demo_usernames() -> dict[str, Role]:
    """The published logins: each role's value, but ``admin`` for the district admin."""
    return {("admin" if role == Role.DISTRICT_ADMIN else role.value): role for role in _DEMO_ROLES}


def demo_logins() -> tuple[DemoLogin, ...]:
    usernames = _demo_usernames()
    users = {user.username: user for user in User.objects.filter(username__in=usernames)}
    return tuple(
        DemoLogin(username, str(role.label), str(users[username]))
        for username, role in usernames.items()
        if username in users
    )


class _People:
    """Hands out unique, plausible names from a seeded generator."""

    def __init__(self, rng: random.Random, school: Organization):
        self.rng, self.school = rng, school
        self.taken: set[tuple[str, str]] = set()
        # One slow hash for everyone: hashing 250 demo passwords one by one takes minutes.
        self.password = make_password(DEMO_PASSWORD)

    def join_family(self, user: User, last_name: str) -> None:
        """Give `user` this family name, and a first name no one else has with it."""
        self.taken.discard((user.first_name, user.last_name))
        first = user.first_name
        while (first, last_name) in self.taken:
            first = self.rng.choice(FIRST_NAMES)
        self.taken.add((first, last_name))
        user.first_name, user.last_name = first, last_name
        user.save(update_fields=["first_name", "last_name"])

    def make(
        self,
        role: Role,
        username: str | None = None,
        org: Organization | None = None,
        last_name: str | None = None,
    ) -> User:
        while True:
            first = self.rng.choice(FIRST_NAMES)
            last = last_name or self.rng.choice(LAST_NAMES)
            if (first, last) not in self.taken:
                break
        self.taken.add((first, last))
        username = username or f"{first}.{last}.{len(self.taken)}".lower()
        user = User(
            username=username,
            first_name=first,
            last_name=last,
            role=role,
            organization=org if org is not None else self.school,
        )
        user.password = self.password
        user.has_demo_password = True  # set_password would keep it; one shared hash skips that
        user.save()
        return user


@transaction.atomic
def demo_school_build(*, seed: int, today: date) -> DemoSchool:
    """Create the demo school unless it exists already (then report it unchanged)."""
    if demo_school_exists():
        return DemoSchool(
            demo_logins(),
            User.objects.filter(role=Role.LEARNER).count(),
            Section.objects.count(),
            (),
            created=False,
        )
    rng = random.Random(seed)
    district = Organization.objects.create(kind="district", name=DISTRICT_NAME)
    school = Organization.objects.create(kind="school", name=SCHOOL_NAME, parent=district)
    people = _People(rng, school)
    usernames = {role: username for username, role in _demo_usernames().items()}

    admin = people.make(Role.DISTRICT_ADMIN, usernames[Role.DISTRICT_ADMIN], org=district)
    frameworks = tuple(  # through the CASE importer, as a district loads its frameworks
        case_package_import(package=case_package(content), source=f"demo:{content.key}", user=admin)
        .packages[0]
        .title
        for content in FRAMEWORKS
    )
    demo_spanish_build()  # what a family reading in Spanish sees of them
    people.make(Role.LEADER, usernames[Role.LEADER])
    educators = [people.make(Role.EDUCATOR, usernames[Role.EDUCATOR])]
    educators += [people.make(Role.EDUCATOR) for _ in range(5)]
    counselor = people.make(Role.COUNSELOR, usernames[Role.COUNSELOR])
    partner = people.make(Role.PARTNER, usernames[Role.PARTNER], org=None)

    learners = [people.make(Role.LEARNER, usernames[Role.LEARNER])]
    learners += [people.make(Role.LEARNER) for _ in range(LEARNERS_PER_SECTION * 4 - 1)]
    learners += [people.make(Role.LEARNER) for _ in range(LEARNERS_PER_SECTION)]
    _sections(school, educators, learners)
    _guardians(people, learners, usernames[Role.GUARDIAN])
    CaseloadAssignment.objects.bulk_create(
        CaseloadAssignment(counselor=counselor, learner=learner) for learner in learners[::3]
    )
    Placement.objects.bulk_create(
        Placement(
            partner=partner,
            learner=learner,
            title="Riverside Clinic STEM internship",
            starts_on=today - timedelta(days=21),
            ends_on=today + timedelta(days=90),
        )
        for learner in learners[:3]
    )
    demo_semester_build(seed=seed, today=today, school=school)
    demo_groups_build(school=school, now=datetime.combine(today, time(10), tzinfo=UTC))
    demo_supports_build(school=school, today=today)
    demo_pathways_build(school=school, today=today)
    demo_reports_build(school=school, today=today)
    # The daily sync, run once: the demo learner's certificate and the fall block's credits.
    awards_sync(school=school, today=today)
    return DemoSchool(
        demo_logins(),
        len(learners),
        Section.objects.filter(school=school).count(),
        frameworks,
        created=True,
    )


def _sections(school: Organization, educators: list[User], learners: list[User]) -> list[Section]:
    """Four maths periods of 24 (the demo learner in period 1) and an advisory crew that
    mixes learners across periods, so some learners have two educators."""
    sections = []
    for index, title in enumerate(SECTION_TITLES):
        section = Section.objects.create(school=school, title=title, code=f"MG6-{index + 1}")
        section.educators.add(educators[index])
        sections.append(section)
    enrollments = [
        Enrollment(section=sections[index // LEARNERS_PER_SECTION], learner=learner)
        for index, learner in enumerate(learners[: LEARNERS_PER_SECTION * 4])
    ]
    enrollments += [
        Enrollment(section=sections[4], learner=learner)
        for learner in learners[LEARNERS_PER_SECTION * 4 :]
    ]
    sections[4].educators.add(educators[5])
    Enrollment.objects.bulk_create(enrollments)
    return sections


def _guardians(people: _People, learners: list[User], demo_username: str) -> None:
    """One guardian per learner (sharing the learner's family name); the demo guardian
    also has the demo learner's sibling, so the family view shows two children."""
    links = []
    for index, learner in enumerate(learners):
        if index == 1:
            continue  # the demo learner's sibling shares the demo guardian
        guardian = people.make(
            Role.GUARDIAN, demo_username if index == 0 else None, last_name=learner.last_name
        )
        links.append(GuardianLink(guardian=guardian, learner=learner, relationship="parent"))
        if index == 0:
            people.join_family(learners[1], learner.last_name)
            links.append(
                GuardianLink(guardian=guardian, learner=learners[1], relationship="parent")
            )
    GuardianLink.objects.bulk_create(links)
