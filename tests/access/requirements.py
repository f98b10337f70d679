"""Requirements and elections under /supports/requirements/, /supports/me/ and
/supports/elections/.

The editor is for a school's leaders (Leo, Maple Grove) and a district's admins (Ada,
Riverside; Otto, Lakeside). Otto may open the list and the new-requirement form, which
show only his district's schools, never a Riverside requirement. Lena elects a
certificate for herself; Cora (her counselor) and Leo decide; nobody else sees either.
"""

from datetime import date

from django.utils import timezone

from continuum.frameworks.tests.factories import sample_framework
from continuum.supports.models import Requirement, RequirementElection
from tests.access import Case, allow

DONE = (302,)
EDITORS = allow("leader", "admin")


def populate(world: dict) -> None:
    maths = sample_framework(title="Requirements Access Mathematics")
    dates = {"starts_on": date(2026, 9, 1), "due_on": date(2027, 6, 1)}
    credit = Requirement.objects.create(
        title="Maths credit",
        kind=Requirement.Kind.COURSE_CREDIT,
        organization=world["school"],
        **dates,
    )
    credit.competencies.set([maths["N.1"]])
    credit.sections.set([world["math_a"]])
    certificate = Requirement.objects.create(
        title="Health certificate",
        kind=Requirement.Kind.CTE_CERTIFICATION,
        organization=world["school"],
        **dates,
    )
    certificate.competencies.set([maths["N.2"]])
    world["req_credit"], world["req_certificate"], world["req_maths"] = credit, certificate, maths
    world["req_election"] = RequirementElection.objects.create(
        learner=world["lena"], requirement=certificate, elected_at=timezone.now()
    )


def _credit(w: dict) -> dict:
    return {"requirement_id": w["req_credit"].pk}


def _election(w: dict) -> dict:
    return {"election_id": w["req_election"].pk}


def _edit(w: dict) -> dict:
    return {
        "title": "Maths credit",
        "kind": "course_credit",
        "starts_on": "2026-09-01",
        "due_on": "2027-06-01",
        "competencies": [w["req_maths"]["N.1"].pk],
        "sections": [w["math_a"].pk],
        "rule": "all_proficient",
        "reason": "Checked",
    }


CASES = [
    Case("requirement_list", allow("leader", "admin", "outsider")),
    Case("requirement_create", allow("leader", "admin", "outsider")),
    Case("requirement_edit", EDITORS, kwargs=_credit),
    Case(
        "requirement_edit",
        EDITORS,
        kwargs=_credit,
        method="post",
        label="save",
        data=_edit,
        ok_status=DONE,
    ),
    Case(
        "requirement_retire",
        EDITORS,
        kwargs=_credit,
        method="post",
        data={"reason": "Course discontinued"},
        ok_status=DONE,
    ),
    Case("my_requirements", allow("learner")),
    Case(
        "election_create",
        allow("learner"),
        kwargs=lambda w: {"requirement_id": w["req_certificate"].pk},
        method="post",
        data={"why": "I want to nurse"},
        ok_status=DONE,
    ),
    Case("election_withdraw", allow("learner"), kwargs=_election, method="post", ok_status=DONE),
    Case(
        "election_decide",
        allow("counselor", "leader"),
        kwargs=_election,
        method="post",
        data={"decision": "confirm", "note": ""},
        ok_status=DONE,
    ),
]
