"""Mastery transcripts under /transcripts/.

Lena's transcript (page and issued PDF) is for the people who may see her whole record, as
her report card is: Lena, Gabe her guardian, Erin who teaches her, Cora who counsels her,
Leo who leads Maple Grove and Ada who administers Riverside; not Pat (a partner sees only
his placement's targets) nor Otto of Lakeside. Omar's is for Leo and Ada only. Withdrawing
an issued transcript is the school's: Leo and Ada. "Transcript" (the list) is the learner's
and the guardian's; the conversion table is a leader's (his own school's). The verification
page is public: anyone holding the document may check it, signed in or not.
"""

from continuum.transcripts.models import TranscriptIssue
from tests.access import EVERYONE_SIGNED_IN, Case, allow

READERS = allow("learner", "guardian", "educator", "counselor", "leader", "admin")
OMARS = allow("leader", "admin")


def populate(world: dict) -> None:
    world["transcripts_issue"] = TranscriptIssue.objects.create(
        learner=world["lena"],
        issued_by=world["gabe"],
        token="access-matrix-token",
        digest="0" * 64,
        learner_name="Lena Ortiz",
        school_name="Maple Grove",
    )


def _of(learner: str):
    return lambda w: {"learner_pk": w[learner].pk}


CASES = [
    Case("transcript_home", allow("learner", "guardian")),
    Case("transcript", READERS, kwargs=_of("lena"), label="Lena"),
    Case("transcript", OMARS, kwargs=_of("omar"), label="Omar"),
    Case("transcript_issue", READERS, kwargs=_of("lena"), method="post", label="Lena"),
    Case("transcript_issue", OMARS, kwargs=_of("omar"), method="post", label="Omar"),
    Case(
        "transcript_issue_revoke",
        allow("leader", "admin"),
        kwargs=lambda w: {"issue_id": w["transcripts_issue"].pk},
        method="post",
        data={"reason": "Issued in error"},
        ok_status=(302,),
    ),
    Case(
        "transcript_verify",
        allow(*EVERYONE_SIGNED_IN, "anonymous"),
        kwargs=lambda w: {"token": w["transcripts_issue"].token},
    ),
    Case("transcript_conversion", allow("leader")),
]
