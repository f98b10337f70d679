"""The learner's side of evidence under /learning/.

Lena's pages are open to everyone with a reason to see her (all actors, Pat through his
placement); Omar's only to the school leader and the district admin. Pat's placement covers
his own experience only: he reads Lena's evidence and estimates on the targets of the
experience he offers (N.1.b here), never her other targets, requests, proposals or
portfolio. Asking for
reassessment is for the learner and her educator; deciding, reviewing and accepting work
are for her educator; proposing and uploading are for the learner herself.
"""

from datetime import UTC, datetime

from continuum.evidence.services.recording import evidence_record
from continuum.frameworks.tests.factories import sample_framework
from continuum.learning.models import Proposal, Reassessment
from continuum.learning.services.portfolio import artifact_upload
from continuum.learning.services.reassessment import reassessment_request, reassessment_schedule
from continuum.learning.tests.portfolio_files import png, private_storage_for_process
from continuum.pathways.models import LearningExperience
from tests.access import RIVERSIDE, Case, allow

PREPARED = "I redid the ratio tables with a tutor and checked each answer."
LENAS_PEOPLE = RIVERSIDE  # Otto (Lakeside) has no reason to see her
LENAS_WHOLE_RECORD = LENAS_PEOPLE - {"partner"}
OMARS_PEOPLE = allow("leader", "admin")
LEARNER = allow("learner")
EDUCATOR = allow("educator")
LEARNER_OR_EDUCATOR = allow("learner", "educator")


def populate(world: dict) -> None:
    private_storage_for_process()
    maths = sample_framework(title="Learner Access Mathematics")
    lena, omar, erin, eli = world["lena"], world["omar"], world["erin"], world["eli"]
    monday = datetime(2026, 9, 7, 9, tzinfo=UTC)
    for learner, educator in ((lena, erin), (omar, eli)):
        evidence_record(
            learner=learner, target=maths["N.1.a"], scorer=educator, level=1, assessed_at=monday
        )
    world["learner_maths"] = maths
    clinic = LearningExperience.objects.create(
        title="Clinic ratio practice", partner=world["pat"], setting="workplace"
    )
    clinic.targets.add(maths["N.1.b"])
    world["learner_requested"] = reassessment_request(
        learner=lena, target=maths["N.1.a"], by=lena, preparation=PREPARED
    )
    scheduled = reassessment_request(
        learner=lena, target=maths["N.1.b"], by=lena, preparation=PREPARED
    )
    world["learner_scheduled"] = reassessment_schedule(
        reassessment=scheduled, by=erin, scheduled_for=monday
    )
    world["learner_proposal"] = Proposal.objects.create(
        learner=lena, target=maths["N.1.a"], way="project", description=PREPARED
    )
    world["learner_artifact"] = artifact_upload(
        learner=lena, by=lena, upload=png(), title="Ratio poster", targets=[maths["N.1.a"]]
    )
    world["learner_omar_request"] = Reassessment.objects.create(
        learner=omar, target=maths["N.1.a"], requested_by=omar, preparation=PREPARED
    )


def _lena(w: dict) -> dict:
    return {"learner_id": w["lena"].pk}


def _lena_target(w: dict) -> dict:
    return {"learner_id": w["lena"].pk, "target_id": w["learner_maths"]["N.1.c"].pk}


def _omar_target(w: dict) -> dict:
    return {"learner_id": w["omar"].pk, "target_id": w["learner_maths"]["N.1.c"].pk}


def _requested(w: dict) -> dict:
    return {"reassessment_id": w["learner_requested"].pk}


def _scheduled(w: dict) -> dict:
    return {"reassessment_id": w["learner_scheduled"].pk}


def _proposal(w: dict) -> dict:
    return {"proposal_id": w["learner_proposal"].pk}


def _artifact(w: dict) -> dict:
    return {"artifact_id": w["learner_artifact"].pk}


def _estimate(w: dict) -> dict:
    return {"learner_id": w["lena"].pk, "target_id": w["learner_maths"]["N.1.a"].pk}


DONE = (302,)

CASES = [
    Case("learner_evidence", LENAS_PEOPLE, kwargs=_lena, label="Lena"),
    Case("learner_evidence", OMARS_PEOPLE, kwargs=lambda w: {"learner_id": w["omar"].pk}),
    Case(
        "learner_evidence",
        frozenset(),
        kwargs=lambda w: {"learner_id": w["erin"].pk},
        label="an educator has no evidence page",
    ),
    Case("learner_estimate", LENAS_WHOLE_RECORD, kwargs=_estimate, label="Lena"),
    Case(
        "learner_estimate",
        LENAS_PEOPLE,
        kwargs=lambda w: {"learner_id": w["lena"].pk, "target_id": w["learner_maths"]["N.1.b"].pk},
        label="Lena, a target of Pat's experience",
    ),
    Case(
        "learner_estimate",
        OMARS_PEOPLE,
        kwargs=lambda w: {"learner_id": w["omar"].pk, "target_id": w["learner_maths"]["N.1.a"].pk},
        label="Omar",
    ),
    Case("reassessment_request", LEARNER_OR_EDUCATOR, kwargs=_lena_target),
    Case(
        "reassessment_request",
        LEARNER_OR_EDUCATOR,
        kwargs=_lena_target,
        method="post",
        label="send",
        data={"preparation": PREPARED},
        ok_status=DONE,
    ),
    Case("reassessment_request", frozenset(), kwargs=_omar_target, label="Omar"),
    Case("reassessment_detail", LENAS_WHOLE_RECORD, kwargs=_requested),
    Case(
        "reassessment_detail",
        OMARS_PEOPLE,
        kwargs=lambda w: {"reassessment_id": w["learner_omar_request"].pk},
        label="Omar",
    ),
    Case(
        "reassessment_schedule",
        EDUCATOR,
        kwargs=_requested,
        method="post",
        data={"scheduled_for": "2026-09-14T10:30", "note": ""},
        ok_status=DONE,
    ),
    Case(
        "reassessment_schedule",
        frozenset(),
        kwargs=lambda w: {"reassessment_id": w["learner_omar_request"].pk},
        method="post",
        label="Omar",
        data={"scheduled_for": "2026-09-14T10:30"},
    ),
    Case(
        "reassessment_decline",
        EDUCATOR,
        kwargs=_requested,
        method="post",
        data={"note": "Finish the practice set first."},
        ok_status=DONE,
    ),
    Case(
        "reassessment_complete",
        EDUCATOR,
        kwargs=_scheduled,
        method="post",
        data={"level": "4", "feedback": "Clear and complete."},
        ok_status=DONE,
    ),
    Case(
        "reassessment_withdraw",
        LEARNER_OR_EDUCATOR,
        kwargs=_requested,
        method="post",
        ok_status=DONE,
    ),
    Case("proposal_create", LEARNER, kwargs=_lena_target),
    Case(
        "proposal_create",
        LEARNER,
        kwargs=_lena_target,
        method="post",
        label="send",
        data={"way": "project", "description": PREPARED},
        ok_status=DONE,
    ),
    Case("proposal_detail", LENAS_WHOLE_RECORD, kwargs=_proposal),
    Case(
        "proposal_review",
        EDUCATOR,
        kwargs=_proposal,
        method="post",
        data={"decision": "approve", "note": ""},
        ok_status=DONE,
    ),
    Case("proposal_withdraw", LEARNER, kwargs=_proposal, method="post", ok_status=DONE),
    Case("portfolio", LENAS_WHOLE_RECORD, kwargs=_lena),
    Case("portfolio", OMARS_PEOPLE, kwargs=lambda w: {"learner_id": w["omar"].pk}, label="Omar"),
    Case("artifact_upload", LEARNER, kwargs=_lena),
    Case("artifact_detail", LENAS_WHOLE_RECORD, kwargs=_artifact),
    Case("artifact_download", LENAS_WHOLE_RECORD, kwargs=_artifact),
    Case(
        "artifact_validate",
        EDUCATOR,
        kwargs=_artifact,
        method="post",
        data={"level_1": "3", "feedback": ""},
        ok_status=DONE,
    ),
    Case(
        "artifact_return",
        EDUCATOR,
        kwargs=_artifact,
        method="post",
        data={"note": "Label the axes, then upload it again."},
        ok_status=DONE,
    ),
    Case("learner_requests", EDUCATOR),
]
