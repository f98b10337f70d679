"""Supports under /supports/.

Lena's flags and plans are for the staff with a reason to see her (Erin teaches her,
Cora counsels her, Leo leads the school; Ada the district admin may read); her pace and
family summary also for Lena and Gabe. Pat the partner sees none of it. Omar's only for
the leader and the admin. The caseload is for educators, counselors and leaders; a
recompute for the school's counselors and leaders.
"""

from datetime import date, timedelta

from django.utils import timezone

from continuum.frameworks.tests.factories import sample_framework
from continuum.supports.models import Flag, SupportAction, SupportPlan, SupportsRun
from tests.access import Case, allow

STAFF = allow("educator", "counselor", "leader")
READERS = allow("educator", "counselor", "leader", "admin")
FAMILY = allow("learner", "guardian", "educator", "counselor", "leader", "admin")
OMARS = allow("leader", "admin")
DONE = (302,)


def populate(world: dict) -> None:
    maths = sample_framework(title="Supports Access Mathematics")
    lena, omar = world["lena"], world["omar"]
    now = timezone.now()
    world["supports_flag"] = Flag.objects.create(
        learner=lena,
        kind=Flag.Kind.REPEATED_NOT_YET,
        target=maths["N.1.a"],
        explanation="The last 4 pieces of evidence on N.1.a were all below proficient.",
        owner=world["cora"],
        raised_at=now,
    )
    plan = SupportPlan.objects.create(
        learner=lena,
        concern="Ratios",
        goal="Proficient on N.1.a",
        review_on=date.today() + timedelta(days=14),
        created_by=world["cora"],
    )
    world["supports_plan"] = plan
    world["supports_action"] = SupportAction.objects.create(
        plan=plan, description="Reteach", owner=world["erin"], due_on=date.today()
    )
    world["supports_omar_plan"] = SupportPlan.objects.create(
        learner=omar, concern="x", goal="y", review_on=date.today(), created_by=world["eli"]
    )
    world["supports_run"] = SupportsRun.objects.create(school=world["school"])


def _lena(w: dict) -> dict:
    return {"learner_id": w["lena"].pk}


def _omar(w: dict) -> dict:
    return {"learner_id": w["omar"].pk}


def _plan(w: dict) -> dict:
    return {"plan_id": w["supports_plan"].pk}


REVIEW = {"review_on": (date.today() + timedelta(days=21)).isoformat(), "outcome": ""}

CASES = [
    Case("caseload", STAFF),
    Case("supports_compute", allow("counselor", "leader"), method="post", ok_status=DONE),
    Case("supports_run", STAFF, kwargs=lambda w: {"run_id": w["supports_run"].pk}),
    Case("learner_supports", READERS, kwargs=_lena, label="Lena"),
    Case("learner_supports", OMARS, kwargs=_omar, label="Omar"),
    Case("learner_pace", FAMILY, kwargs=_lena, label="Lena"),
    Case("learner_pace", OMARS, kwargs=_omar, label="Omar"),
    Case("plan_create", STAFF, kwargs=_lena),
    Case(
        "plan_create",
        STAFF,
        kwargs=_lena,
        method="post",
        label="open",
        data={
            "tier": "2",
            "concern": "Stuck on ratios",
            "goal": "Proficient",
            "review_on": REVIEW["review_on"],
        },
        ok_status=DONE,
    ),
    Case("plan_create", allow("leader"), kwargs=_omar, label="Omar"),
    Case("supports_family_summary", FAMILY, kwargs=_lena, label="Lena"),
    Case("supports_family_summary", OMARS, kwargs=_omar, label="Omar"),
    Case(
        "flag_update",
        STAFF,
        kwargs=lambda w: {"flag_id": w["supports_flag"].pk},
        method="post",
        data={"state": "acknowledged"},
        ok_status=DONE,
    ),
    Case("plan_detail", READERS, kwargs=_plan),
    Case(
        "plan_detail",
        STAFF,
        kwargs=_plan,
        method="post",
        label="review",
        data=REVIEW,
        ok_status=(200, 302),
    ),
    Case(
        "plan_detail",
        OMARS,
        kwargs=lambda w: {"plan_id": w["supports_omar_plan"].pk},
        label="Omar",
    ),
    Case(
        "plan_action_add",
        STAFF,
        kwargs=_plan,
        method="post",
        data={"description": "Check in", "owner": "", "due_on": REVIEW["review_on"]},
        ok_status=DONE,
    ),
    Case(
        "plan_action_done",
        STAFF,
        kwargs=lambda w: {"action_id": w["supports_action"].pk},
        method="post",
        ok_status=DONE,
    ),
    Case(
        "plan_note_add",
        STAFF,
        kwargs=_plan,
        method="post",
        data={"text": "Going well"},
        ok_status=DONE,
    ),
]
