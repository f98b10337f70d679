"""Pathways under /pathways/: profile, goals, plan and the catalog.

Lena's pathway is open to the people with a reason to see her life as a learner: herself,
Gabe, Erin, Cora, Leo and Ada, but not Pat (a placement is about its targets). Omar's
only to Leo and Ada. Lena and Erin set goals and edit and agree the plan; Lena, Erin and
Cora edit the profile; Gabe comments on goals too; Erin and Cora record check-ins. The
catalog is open to everyone signed in, each seeing their own district's entries; Erin
and Leo curate Maple Grove's and Pat alone keeps his own (decision 0009). Otto (Lakeside's
admin) is refused every Riverside learner and entry; Lakeside's entry is refused to
Riverside.
"""

from datetime import date, timedelta

from continuum.frameworks.tests.factories import sample_framework
from continuum.pathways.models import Goal, LearningExperience, LearningPlan, PlanItem
from tests.access import EVERYONE_SIGNED_IN, RIVERSIDE, Case, allow

LENAS_PATHWAY = allow("learner", "guardian", "educator", "counselor", "leader", "admin")
OMARS_PATHWAY = allow("leader", "admin")
LEARNER_OR_EDUCATOR = allow("learner", "educator")
DONE = (200, 302)


def populate(world: dict) -> None:
    maths = sample_framework(title="Pathways Access Mathematics")
    lena, erin = world["lena"], world["erin"]
    goal = Goal.objects.create(
        learner=lena, title="Ratios by winter", by_when=date(2027, 1, 15), created_by=lena
    )
    goal.targets.set([maths["N.1.a"]])
    plan = LearningPlan.objects.create(learner=lena)
    world["pathways_goal"] = goal
    world["pathways_item"] = PlanItem.objects.create(
        plan=plan, target=maths["N.1.a"], reason="ready: it has no prerequisites"
    )
    world["pathways_school_experience"] = LearningExperience.objects.create(
        title="Ratio recipes", curated_by=erin, organization=world["school"]
    )
    world["pathways_partner_experience"] = LearningExperience.objects.create(
        title="Clinic dosage ratios",
        partner=world["pat"],
        setting="workplace",
        organization=world["district"],
    )
    world["pathways_lakeside_experience"] = LearningExperience.objects.create(
        title="Lakeshore survey", organization=world["birch"]
    )


def _lena(w: dict) -> dict:
    return {"learner_id": w["lena"].pk}


def _omar(w: dict) -> dict:
    return {"learner_id": w["omar"].pk}


def _goal(w: dict) -> dict:
    return {"goal_id": w["pathways_goal"].pk}


CASES = [
    Case("pathway_profile", LENAS_PATHWAY, _lena, label="Lena"),
    Case("pathway_profile", OMARS_PATHWAY, _omar, label="Omar"),
    Case(
        "pathway_profile",
        allow("learner", "educator", "counselor"),
        _lena,
        method="post",
        label="edit Lena's",
        data={"strengths": "Patient with hard problems", "interests": "music"},
        ok_status=DONE,
    ),
    Case("goal_list", LENAS_PATHWAY, _lena, label="Lena"),
    Case("goal_list", OMARS_PATHWAY, _omar, label="Omar"),
    Case(
        "goal_list",
        LEARNER_OR_EDUCATOR,
        _lena,
        method="post",
        label="set a goal for Lena",
        data={"title": ""},
        ok_status=DONE,
    ),
    Case("goal_detail", LENAS_PATHWAY, _goal),
    Case(
        "goal_comment",
        allow("learner", "guardian", "educator", "counselor"),
        _goal,
        method="post",
        data={"text": "Keep going"},
        ok_status=(302,),
    ),
    Case(
        "goal_check_in",
        allow("educator", "counselor"),
        _goal,
        method="post",
        data={"progress": "on_track", "on": date.today() - timedelta(days=1), "note": "Good"},
        ok_status=(302,),
    ),
    Case(
        "goal_status",
        LEARNER_OR_EDUCATOR,
        _goal,
        method="post",
        data={"status": "active"},
        ok_status=(302,),
    ),
    Case("learning_plan", LENAS_PATHWAY, _lena, label="Lena"),
    Case("learning_plan", OMARS_PATHWAY, _omar, label="Omar"),
    Case("learning_plan_draft", LEARNER_OR_EDUCATOR, _lena, method="post", ok_status=(302,)),
    Case(
        "learning_plan_add",
        LEARNER_OR_EDUCATOR,
        _lena,
        method="post",
        data={"target": ""},
        ok_status=(302, 400),
    ),
    Case("learning_plan_agree", LEARNER_OR_EDUCATOR, _lena, method="post", ok_status=(302,)),
    Case(
        "learning_plan_step",
        LEARNER_OR_EDUCATOR,
        lambda w: {"item_id": w["pathways_item"].pk},
        method="post",
        data={"action": "accept"},
        ok_status=(302,),
    ),
    Case("experience_list", EVERYONE_SIGNED_IN),
    Case("experience_create", allow("educator", "leader", "partner")),
    Case(
        "experience_detail",
        RIVERSIDE,
        lambda w: {"experience_id": w["pathways_school_experience"].pk},
    ),
    Case(
        "experience_detail",
        allow("outsider"),
        lambda w: {"experience_id": w["pathways_lakeside_experience"].pk},
        label="Lakeside's",
    ),
    Case(
        "experience_edit",
        allow("educator", "leader"),
        lambda w: {"experience_id": w["pathways_school_experience"].pk},
        label="the school's",
    ),
    Case(
        "experience_edit",
        allow("partner"),
        lambda w: {"experience_id": w["pathways_partner_experience"].pk},
        label="Pat's own (curators may not change a partner's)",
    ),
    Case(
        "experience_edit",
        allow(),
        lambda w: {"experience_id": w["pathways_lakeside_experience"].pk},
        label="Lakeside's (no Riverside curator may)",
    ),
    Case("partner_list", EVERYONE_SIGNED_IN),
]
