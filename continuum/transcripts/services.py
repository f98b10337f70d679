"""Reading, issuing, revoking and verifying transcripts, and saving a school's conversion
table. Every read of a transcript by a signed-in person, and every verification lookup,
is recorded as a disclosure here (the URLs name the learner as ``learner_pk`` so the
privacy middleware leaves them to these services, which record what was read once, as a
report)."""

import secrets
from dataclasses import dataclass
from datetime import date, datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max

from continuum.people.models import Organization, User
from continuum.privacy.public import disclose
from continuum.transcripts.conversion import ConversionError, rows_parse
from continuum.transcripts.models import GradeConversion, TranscriptIssue
from continuum.transcripts.selectors import Transcript, issue_get, transcript_get

RECORD = "transcript"
VIA_REPORT = "report"  # privacy's Via.REPORT
VIA_PAGE = "page"  # privacy's Via.PAGE


def transcript_read(*, learner: User, viewer: User, what: str, today: date) -> Transcript:
    """The transcript as it reads now, recorded as disclosed to ``viewer``."""
    transcript = transcript_get(learner=learner, today=today)
    disclose(actor=viewer, learners=[learner.pk], via=VIA_REPORT, what=what, record=RECORD)
    return transcript


@transaction.atomic
def transcript_issue(
    *, learner: User, by: User, today: date, now: datetime
) -> tuple[TranscriptIssue, Transcript]:
    """A new issued document: its random token and the digest of what it states."""
    transcript = transcript_get(learner=learner, today=today)
    issue = TranscriptIssue.objects.create(
        learner=learner,
        issued_at=now,
        issued_by=by,
        token=secrets.token_urlsafe(32),
        digest=transcript.digest(),
        learner_name=learner.display_name,
        school_name=transcript.school,
    )
    disclose(
        actor=by, learners=[learner.pk], via=VIA_REPORT, what="transcript_issue", record=RECORD
    )
    return issue, transcript


@transaction.atomic
def transcript_issue_revoke(*, issue: TranscriptIssue, by: User, reason: str, now: datetime):
    """Withdraw an issued document: its link says "revoked" from now on."""
    if not reason.strip():
        raise ValidationError("Say why the transcript is revoked.")
    if issue.revoked_at is not None:
        raise ValidationError("This transcript was already revoked.")
    issue.revoked_at, issue.revoked_by, issue.revoke_reason = now, by, reason.strip()
    issue.save(update_fields=["revoked_at", "revoked_by", "revoke_reason"])


class Outcome:
    CURRENT, CHANGED, REVOKED, UNKNOWN = "current", "changed", "revoked", "unknown"


@dataclass(frozen=True)
class Verification:
    outcome: str
    issue: TranscriptIssue | None


@transaction.atomic
def transcript_verify(*, token: str, today: date) -> Verification:
    """Genuine and current (the record still digests the same), genuine but changed since,
    revoked, or unknown; a lookup of a real document is recorded with no actor."""
    issue = issue_get(token=token)
    if issue is None:
        return Verification(Outcome.UNKNOWN, None)
    disclose(
        actor=None,
        learners=[issue.learner_id],
        via=VIA_PAGE,
        what="transcript_verify",
        record=RECORD,
        reason="verification link",
    )
    if issue.revoked_at is not None:
        return Verification(Outcome.REVOKED, issue)
    now = transcript_get(learner=issue.learner, today=today).digest()
    return Verification(Outcome.CURRENT if now == issue.digest else Outcome.CHANGED, issue)


@transaction.atomic
def grade_conversion_save(
    *, school: Organization, by: User, text: str, effective_from: date, reason: str
) -> GradeConversion:
    """A new version of the school's table (a bad line is refused by name and nothing is
    saved); earlier versions stay as they were."""
    if not reason.strip():
        raise ValidationError("Say why the table changes.")
    try:
        rows = rows_parse(text)
    except ConversionError as error:
        raise ValidationError(str(error)) from None
    Organization.objects.select_for_update().filter(pk=school.pk).first()  # one writer a time
    latest = GradeConversion.objects.filter(school=school).aggregate(Max("version"))["version__max"]
    return GradeConversion.objects.create(
        school=school,
        version=(latest or 0) + 1,
        effective_from=effective_from,
        rows=rows,
        reason=reason.strip(),
        created_by=by,
    )
