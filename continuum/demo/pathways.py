"""The demo school's pathways: a catalog of learning experiences (at school, online, in the
community and at the partner's workplace), the demo learner's profile, a goal with a
check-in, and a drafted plan, so every pathways page has something real to show.

Called at the end of ``continuum.demo.school.demo_school_build``.
"""

from dataclasses import dataclass
from datetime import date, timedelta

from continuum.frameworks.models import Framework, FrameworkItem, ItemKind
from continuum.pathways.models import CheckIn, LearningExperience
from continuum.pathways.public import (
    experience_save,
    goal_check_in,
    goal_comment_add,
    goal_create,
    plan_draft,
    profile_update,
)
from continuum.people.models import Organization, Role, User

DEMO_LEARNER = "learner"


@dataclass(frozen=True)
class _Experience:
    title: str
    kind: str
    setting: str
    modality: str
    interests: tuple[str, ...]
    targets: tuple[str, ...]
    description: str
    by_partner: bool = False


_S = LearningExperience.Setting
_K = LearningExperience.Kind
_M = LearningExperience.Modality

CATALOG = (
    _Experience(
        "Ratio beats: mixing music by ratio",
        _K.PROJECT,
        _S.SCHOOL,
        _M.IN_PERSON,
        ("music",),
        ("M6.RP.1", "M6.RP.3"),
        "Build a drum loop whose parts repeat in a chosen ratio, then explain it with a table.",
    ),
    _Experience(
        "Recipe scaling workshop",
        _K.ACTIVITY,
        _S.SCHOOL,
        _M.IN_PERSON,
        ("cooking",),
        ("M6.RP.2", "M6.RP.3"),
        "Scale a class recipe up and down and find the cost per serving.",
    ),
    _Experience(
        "Unit rates practice set",
        _K.RESOURCE,
        _S.ONLINE,
        _M.ONLINE,
        (),
        ("M6.RP.2",),
        "Short worked examples and practice on unit rates, with hints.",
    ),
    _Experience(
        "Sale-price detectives",
        _K.ACTIVITY,
        _S.COMMUNITY,
        _M.BLENDED,
        ("shopping", "money"),
        ("M6.RP.4",),
        "Collect three sale flyers and check each discount with percent reasoning.",
    ),
    _Experience(
        "Fraction kitchen",
        _K.ACTIVITY,
        _S.SCHOOL,
        _M.IN_PERSON,
        ("cooking",),
        ("M6.NS.1",),
        "Divide measured ingredients by fractional servings and explain the quotient.",
    ),
    _Experience(
        "Decimal budget challenge",
        _K.PROJECT,
        _S.ONLINE,
        _M.ONLINE,
        ("money", "sports"),
        ("M6.NS.3",),
        "Plan a team's season budget in a spreadsheet to the cent.",
    ),
    _Experience(
        "Equation escape room",
        _K.ACTIVITY,
        _S.SCHOOL,
        _M.IN_PERSON,
        ("games",),
        ("M6.EE.1", "M6.EE.2"),
        "Solve one-step equations to unlock each box; explain one solution to a partner.",
    ),
    _Experience(
        "Design a garden bed",
        _K.PROJECT,
        _S.COMMUNITY,
        _M.IN_PERSON,
        ("nature", "building"),
        ("M6.G.1", "M6.G.2"),
        "Measure the community garden's beds and find areas of composite shapes.",
    ),
    _Experience(
        "Survey your school",
        _K.PROJECT,
        _S.SCHOOL,
        _M.BLENDED,
        ("people", "sports"),
        ("M6.SP.1", "M6.SP.2"),
        "Ask a statistical question, collect answers and describe their spread.",
    ),
    _Experience(
        "Clinic dosage ratios",
        _K.OPPORTUNITY,
        _S.WORKPLACE,
        _M.IN_PERSON,
        ("health",),
        ("M6.RP.2", "M6.RP.5"),
        "A morning with Riverside Clinic's nurses: how doses scale with body mass and units.",
        by_partner=True,
    ),
    _Experience(
        "Clinic front desk: plan a week",
        _K.OPPORTUNITY,
        _S.WORKPLACE,
        _M.IN_PERSON,
        ("health", "people"),
        ("LL.SD.1", "LL.CO.1"),
        "Help plan the week's appointments and present the plan to the team.",
        by_partner=True,
    ),
    _Experience(
        "Weekly planner challenge",
        _K.ACTIVITY,
        _S.SCHOOL,
        _M.IN_PERSON,
        ("sports",),
        ("LL.SD.1", "LL.SD.2"),
        "Set a weekly learning goal, plan the steps and reflect on Friday.",
    ),
)


def demo_pathways_build(*, school: Organization, today: date) -> None:
    targets = {
        item.human_coding_scheme: item
        for framework in Framework.objects.all()
        for item in FrameworkItem.objects.filter(version=framework.current, kind=ItemKind.TARGET)
    }
    curator = User.objects.filter(role=Role.EDUCATOR, organization=school).order_by("pk").first()
    partner = User.objects.filter(role=Role.PARTNER).order_by("pk").first()
    if curator is None:
        return
    for entry in CATALOG:
        experience_save(
            by=partner if entry.by_partner and partner else curator,
            fields={
                "title": entry.title,
                "kind": entry.kind,
                "setting": entry.setting,
                "modality": entry.modality,
                "interests": list(entry.interests),
                "description": entry.description,
            },
            targets=[targets[code] for code in entry.targets if code in targets],
        )
    learner = User.objects.filter(username=DEMO_LEARNER).first()
    if learner is not None:
        _demo_learner(learner, curator, targets, today)


def _demo_learner(
    learner: User, educator: User, targets: dict[str, FrameworkItem], today: date
) -> None:
    profile_update(
        learner=learner,
        by=learner,
        changes={
            "strengths": "I explain my thinking well and I keep going when it gets hard.",
            "needs": "Word problems with many steps; I lose track of what they ask.",
            "interests": ["music", "health", "cooking"],
            "aspirations": "A nurse or a paramedic; the health-science CTE pathway.",
            "preferred_ways": ["project", "conversation"],
            "languages": ["English", "Spanish"],
        },
    )
    profile_update(
        learner=learner,
        by=educator,
        changes={},
        accommodations="Extended time on written assessments; directions read aloud.",
    )
    goal = goal_create(
        learner=learner,
        by=learner,
        title="Solve percent problems on my own",
        targets=[targets["M6.RP.4"]],
        by_when=today + timedelta(weeks=4),
        how="Practise with sale flyers twice a week and ask for reassessment when ready.",
        today=today,
    )
    goal_comment_add(
        goal=goal, by=learner, text="Tables help me most; I want to try double number lines."
    )
    goal_check_in(
        goal=goal,
        by=educator,
        note="Finds the part from the percent reliably; the whole is next.",
        progress=CheckIn.Progress.ON_TRACK,
        on=today,
    )
    plan_draft(learner=learner, by=learner, today=today)
