"""Scoring at the speed of teaching: a gradebook cell's scoring page, Undo, and the
requests queue decided row by row.

Erin teaches Math 6A (Lena) and scored Lena a moment ago: only she may undo it (Leo reads
the gradebook but records and undoes nothing). Eli teaches Math 6B (Omar); his score of
Omar is his to undo, not Erin's. Only Erin decides Lena's requests from her queue; Omar's
are not hers. Otto (Lakeside) reaches none of it.
"""

from django.utils import timezone

from continuum.evidence.services.recording import evidence_record
from continuum.frameworks.tests.factories import sample_framework
from continuum.learning.models import Proposal
from tests.access import Case, allow

PLAN = "A poster comparing recipes, with ratio tables for each ingredient."


def populate(world: dict) -> None:
    maths = sample_framework(title="Scoring Mathematics")
    world["scoring_target"] = maths["N.1.a"]
    for learner, educator in (("lena", "erin"), ("omar", "eli")):
        world[f"scoring_{learner}_evidence"] = evidence_record(
            learner=world[learner],
            target=maths["N.1.a"],
            scorer=world[educator],
            level=3,
            assessed_at=timezone.now(),
        )
        world[f"scoring_{learner}_proposal"] = Proposal.objects.create(
            learner=world[learner], target=maths["N.1.b"], way="project", description=PLAN
        )


def _cell(section: str, learner: str):
    return lambda w: {
        "section_id": w[section].pk,
        "learner_id": w[learner].pk,
        "target_id": w["scoring_target"].pk,
    }


def _undo(section: str, learner: str):
    return lambda w: {
        "section_id": w[section].pk,
        "evidence_id": w[f"scoring_{learner}_evidence"].pk,
    }


def _proposal(learner: str):
    return lambda w: {"kind": "proposal", "request_id": w[f"scoring_{learner}_proposal"].pk}


APPROVE = {"action": "review", "decision": "approve"}

CASES = [
    Case(
        "gradebook_cell_record",
        allow("educator"),
        label="scoring page of own learner",
        kwargs=_cell("math_a", "lena"),
    ),
    Case(
        "gradebook_cell_record",
        allow(),
        label="scoring page of a learner outside the section",
        kwargs=_cell("math_a", "omar"),
    ),
    Case(
        "gradebook_evidence_undo",
        allow("educator"),
        label="own score",
        method="post",
        kwargs=_undo("math_a", "lena"),
        ok_status=(302,),
    ),
    Case(
        "gradebook_evidence_undo",
        allow(),
        label="another educator's score",
        method="post",
        kwargs=_undo("math_b", "omar"),
    ),
    Case(
        "learner_request_decide",
        allow("educator"),
        label="own learner's proposal",
        method="post",
        kwargs=_proposal("lena"),
        data=APPROVE,
        ok_status=(302,),
    ),
    Case(
        "learner_request_decide",
        allow(),
        label="another educator's learner's proposal",
        method="post",
        kwargs=_proposal("omar"),
        data=APPROVE,
    ),
]
