"""Correcting a recorded score (/learning/evidence/<id>/correct/).

Only the learner's own educator may open the form or correct: Erin for Lena (Math 6A).
Nobody else may, however much they see of Lena: she herself, Gabe her guardian, Cora her
counselor, Leo the school leader, Ada the district admin, Pat her placement's partner. Omar
is Eli's learner, so Erin is refused his evidence too. Otto of Lakeside District has no
relationship to either and is refused both.
"""

from datetime import UTC, datetime

from continuum.evidence.services.recording import evidence_record
from continuum.frameworks.tests.factories import sample_framework
from tests.access import Case, allow

EDUCATOR = allow("educator")
CORRECTED = {
    "mark": "scored",
    "level": "3",
    "kind": "summative",
    "weight": "1",
    "assessed_at": "2026-09-07",
    "feedback": "",
    "reason": "Misread the rubric",
}


def populate(world: dict) -> None:
    maths = sample_framework(title="Corrections Mathematics")
    monday = datetime(2026, 9, 7, 9, tzinfo=UTC)
    for learner, educator in (("lena", "erin"), ("omar", "eli")):
        world[f"corrections_{learner}"] = evidence_record(
            learner=world[learner],
            target=maths["N.1.a"],
            scorer=world[educator],
            level=2,
            assessed_at=monday,
        )


def _of(learner: str):
    return lambda w: {"evidence_id": w[f"corrections_{learner}"].pk}


CASES = [
    Case("evidence_correct", EDUCATOR, kwargs=_of("lena"), label="Lena's score"),
    Case(
        "evidence_correct",
        EDUCATOR,
        kwargs=_of("lena"),
        method="post",
        label="correcting Lena's score",
        data=CORRECTED,
        ok_status=(302,),
    ),
    Case("evidence_correct", frozenset(), kwargs=_of("omar"), label="Omar's score"),
    Case(
        "evidence_correct",
        frozenset(),
        kwargs=_of("omar"),
        method="post",
        label="correcting Omar's score",
        data=CORRECTED,
    ),
]
