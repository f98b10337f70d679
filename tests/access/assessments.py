"""Assessments: educators and leaders write and read them (educators only for their own
sections), the section's educators score them, and learners take those of their sections."""

from continuum.evidence.services.assessments import (
    AlignmentSpec,
    alignment_set,
    assessment_create,
    question_add,
)
from continuum.frameworks.tests.factories import sample_framework
from tests.access import Case, allow

STAFF = allow("educator", "leader")
ERIN = allow("educator")
LENA = allow("learner")


def _assessment(world: dict, sample, educator: str, section: str):
    assessment = assessment_create(
        creator=world[educator], title="Ratios", kind="summative", section=world[section]
    )
    alignments = alignment_set(
        assessment=assessment,
        by=world[educator],
        alignments=[AlignmentSpec(sample["N.1.a"]), AlignmentSpec(sample["N.1.b"])],
    )
    for alignment in alignments:
        question_add(
            alignment=alignment, by=world[educator], prompt="1+1", kind="numeric", answer="2"
        )
    return assessment


def populate(world: dict) -> None:
    sample = sample_framework(title="Assessment access")
    world["assessment_erin"] = _assessment(world, sample, "erin", "math_a")
    world["assessment_eli"] = _assessment(world, sample, "eli", "math_b")


def _erins(world: dict) -> dict:
    return {"assessment_id": world["assessment_erin"].pk}


def _elis(world: dict) -> dict:
    return {"assessment_id": world["assessment_eli"].pk}


CASES = [
    Case("assessment_list", allow("learner", "educator", "leader")),
    Case("assessment_create", STAFF),
    Case(
        "assessment_create",
        STAFF,
        method="post",
        label="an incomplete form is shown again",
        data={"title": ""},
    ),
    Case("assessment_detail", STAFF, kwargs=_erins, label="Erin's"),
    Case("assessment_detail", allow("leader"), kwargs=_elis, label="Eli's"),
    Case("assessment_alignments", ERIN, kwargs=_erins),
    Case("assessment_alignments", frozenset(), kwargs=_elis, label="Eli's"),
    Case("assessment_alignments", ERIN, kwargs=_erins, method="post", label="save", data={}),
    Case("question_add", ERIN, kwargs=_erins),
    Case("question_add", ERIN, kwargs=_erins, method="post", label="save", data={}),
    Case("question_add", frozenset(), kwargs=_elis, label="Eli's"),
    Case("assessment_score", ERIN, kwargs=_erins),
    Case("assessment_score", frozenset(), kwargs=_elis, label="Eli's"),
    Case(
        "assessment_score",
        ERIN,
        kwargs=_erins,
        method="post",
        label="all blank",
        data={},
        ok_status=(302,),
    ),
    Case("assessment_results", STAFF, kwargs=_erins),
    Case("assessment_results", allow("leader"), kwargs=_elis, label="Eli's"),
    Case("assessment_take", LENA, kwargs=_erins),
    Case("assessment_take", LENA, kwargs=_erins, method="post", label="blank", data={}),
    Case("assessment_take", frozenset(), kwargs=_elis, label="another section's"),
    Case("assessment_my_results", LENA, kwargs=_erins),
    Case("assessment_my_results", frozenset(), kwargs=_elis, label="another section's"),
]
