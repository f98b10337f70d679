"""The demo school's supports: a course credit for the four maths periods, a CTE
certificate (academic competencies only) that some learners elected (the demo learner's
confirmed by her counselor, another's waiting), a separate lifelong-learning graduation
portfolio, a short course that ended last Friday (so its credit is earned or not, see
``_fall_block``), computed flags and pace, and a few support plans opened from flags (one
shared with the demo learner's family).

Called at the end of ``continuum.demo.school.demo_school_build``.
"""

from datetime import date, timedelta

from continuum.demo.content import LIFELONG, MATH6
from continuum.frameworks.models import Framework, FrameworkItem, ItemKind
from continuum.people.models import (
    CaseloadAssignment,
    Enrollment,
    Organization,
    Role,
    Section,
    User,
)
from continuum.supports.models import Flag, Requirement, SupportPlan, SupportsRun
from continuum.supports.public import (
    action_add,
    election_create,
    election_decide,
    note_add,
    plan_create,
    plan_review,
    supports_compute,
)

CREDIT = "Grade 6 mathematics credit"
# Where the demo learner's aspiration (health care) leads: ratios and reading data. Its
# targets are academic only; lifelong learning has a requirement of its own.
CERTIFICATE = "Health-science pathway: foundations certificate"
PORTFOLIO = "Lifelong learning portfolio"
BLOCK = "Math 6 · Number sense studio (fall block)"
BLOCK_CREDIT = "Number sense studio credit"
BLOCK_WEEKS = 6
BLOCK_SIZE = 5
DEMO_LEARNER = "learner"


def demo_supports_build(*, school: Organization, today: date) -> None:
    framework = Framework.objects.get(title=MATH6.title)
    competencies = FrameworkItem.objects.filter(version=framework.current, kind=ItemKind.COMPETENCY)
    requirement = Requirement.objects.create(
        title=CREDIT,
        kind=Requirement.Kind.COURSE_CREDIT,
        organization=school,
        starts_on=today - timedelta(weeks=16),
        due_on=today + timedelta(weeks=20),
        rule={"name": "share_proficient", "parameters": {"share": 0.8, "floor": 2}},
    )
    requirement.competencies.set(competencies)
    requirement.sections.set(Section.objects.filter(school=school, title__startswith="Math 6"))
    certificate = Requirement.objects.create(
        title=CERTIFICATE,
        kind=Requirement.Kind.CTE_CERTIFICATION,
        organization=school,
        starts_on=today - timedelta(weeks=16),
        due_on=today + timedelta(weeks=36),
        rule={"name": "all_proficient", "parameters": {}},
    )
    certificate.competencies.set(competencies.filter(human_coding_scheme__in=["M6.RP", "M6.SP"]))
    lifelong = Framework.objects.get(title=LIFELONG.title)
    portfolio = Requirement.objects.create(
        title=PORTFOLIO,
        kind=Requirement.Kind.GRADUATION,
        organization=school,
        starts_on=today - timedelta(weeks=16),
        due_on=today + timedelta(weeks=100),
        rule={"name": "share_proficient", "parameters": {"share": 0.75, "floor": 2}},
    )
    portfolio.competencies.set(
        FrameworkItem.objects.filter(version=lifelong.current, kind=ItemKind.COMPETENCY)
    )
    _elections(school, certificate)
    _fall_block(school, competencies.get(human_coding_scheme="M6.NS"), today)
    supports_compute(school=school, today=today, run=SupportsRun.objects.create(school=school))
    _plans(school, today)


def _elections(school: Organization, certificate: Requirement) -> None:
    """The demo learner elected the certificate and her counselor confirmed it; another
    learner on the counselor's caseload elected it and waits for a decision."""
    counselor = User.objects.filter(role=Role.COUNSELOR, organization=school).first()
    if counselor is None:
        return
    caseload = [
        assignment.learner
        for assignment in CaseloadAssignment.objects.filter(counselor=counselor)
        .select_related("learner")
        .order_by("learner_id")[:2]
    ]
    why = (
        "I want to work in health care, like my aunt who is a nurse.",
        "I like science and helping people.",
    )
    for index, learner in enumerate(caseload):
        election = election_create(
            learner=learner, requirement=certificate, by=learner, why=why[index]
        )
        if learner.username == DEMO_LEARNER:
            election_decide(
                election=election,
                by=counselor,
                confirm=True,
                note="A good fit for your aspiration: we will plan the steps together.",
            )


def _fall_block(school: Organization, competency: FrameworkItem, today: date) -> None:
    """A six-week studio on the number system that five Period 1 learners took beside their
    maths class (the demo learner's sibling among them; she was at her internship), taught
    by the school's maths coach. It ended last Friday, so the demo's first credentials sync
    records its credit for those whose estimates meet the rule and, for the others, a
    credit not earned whose targets to re-learn enter their plans."""
    period = Section.objects.filter(school=school, title__startswith="Math 6").order_by("pk")[0]
    learners = period.learners.exclude(username=DEMO_LEARNER).order_by("pk")[:BLOCK_SIZE]
    block = Section.objects.create(school=school, title=BLOCK, code="MG6-NS")
    coach = User.objects.filter(role=Role.EDUCATOR, organization=school).order_by("pk").last()
    block.educators.set([coach] if coach else [])
    Enrollment.objects.bulk_create(
        Enrollment(section=block, learner=learner) for learner in learners
    )
    ended = today - timedelta(days=(today.weekday() - 4) % 7 or 7)  # the last Friday
    credit = Requirement.objects.create(
        title=BLOCK_CREDIT,
        kind=Requirement.Kind.COURSE_CREDIT,
        organization=school,
        starts_on=ended - timedelta(weeks=BLOCK_WEEKS, days=-3),
        due_on=ended,
        rule={"name": "share_proficient", "parameters": {"share": 0.8, "floor": 2}},
    )
    credit.competencies.set([competency])
    credit.sections.set([block])


def _plans(school: Organization, today: date) -> None:
    counselor = User.objects.filter(role=Role.COUNSELOR, organization=school).first()
    if counselor is None:
        return
    flags = list(
        Flag.objects.filter(
            learner__counselors__counselor=counselor,
            state=Flag.State.OPEN,
            kind=Flag.Kind.REPEATED_NOT_YET,
        ).select_related("learner", "target")[:8]
    )
    demo = Flag.objects.filter(learner__username=DEMO_LEARNER, state=Flag.State.OPEN).first()
    if demo is not None and demo not in flags:
        flags.insert(0, demo)
    planned: set[int] = set()
    for index, flag in enumerate(flags):
        if flag.learner_id in planned:
            continue
        planned.add(flag.learner_id)
        by = (
            counselor
            if counselor.has_perm("supports.manage_supports", flag.learner)
            else flag.owner
        )
        if by is None:
            continue
        plan = plan_create(
            learner=flag.learner,
            by=by,
            flag=flag,
            tier=SupportPlan.Tier.TWO if index % 3 else SupportPlan.Tier.ONE,
            concern=flag.explanation,
            goal=(
                f"Reach proficient on {flag.target.human_coding_scheme} within three weeks."
                if flag.target
                else "Add new evidence on each active target within two weeks."
            ),
            targets=[flag.target] if flag.target else [],
            review_on=today + timedelta(days=14),
        )
        action_add(
            plan=plan,
            by=by,
            description="Small-group reteach with worked examples, twice a week",
            owner=flag.owner or by,
            due_on=today + timedelta(days=7),
        )
        note_add(plan=plan, by=by, text="Talked with the learner: they want to try again.")
        if flag.learner.username == DEMO_LEARNER:
            plan_review(
                plan=plan,
                by=by,
                review_on=plan.review_on,
                outcome="",
                close=False,
                shared_with_family=True,
                family_summary=(
                    "We noticed one maths skill is taking more practice. Twice a week your "
                    "child will work in a small group with their teacher. At home, ask them "
                    "to explain one problem they solved."
                ),
            )
