"""Issuing, verifying and withdrawing transcripts; saving a conversion table; and the
disclosures each read leaves."""

from datetime import date

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from continuum.privacy.models import Disclosure, Via
from continuum.transcripts.models import GradeConversion, TranscriptIssue
from continuum.transcripts.services import (
    Outcome,
    grade_conversion_save,
    transcript_issue,
    transcript_issue_revoke,
    transcript_read,
    transcript_verify,
)
from continuum.transcripts.tests.conftest import TODAY, demonstrate


def _issue(world, by="gabe"):
    issue, _transcript = transcript_issue(
        learner=world["lena"], by=world[by], today=TODAY, now=timezone.now()
    )
    return issue


def test_issuing_stores_a_random_token_the_digest_and_what_the_document_showed(world, record):
    issue = _issue(world)
    other = _issue(world)
    assert len(issue.token) >= 40
    assert issue.token != other.token
    assert len(issue.digest) == 64
    assert issue.digest == other.digest
    assert (issue.learner_name, issue.school_name, issue.issued_by) == (
        "Lena Ortiz",
        "Maple Grove",
        world["gabe"],
    )


def test_issuing_is_recorded_as_a_report_disclosure(world, record):
    _issue(world)
    row = Disclosure.objects.get()
    assert (row.actor, row.learner, row.via, row.what) == (
        world["gabe"],
        world["lena"],
        Via.REPORT,
        "transcript_issue",
    )


def test_a_learner_reading_their_own_transcript_is_not_a_disclosure(world, record):
    transcript_read(learner=world["lena"], viewer=world["lena"], what="transcript", today=TODAY)
    transcript_read(learner=world["lena"], viewer=world["erin"], what="transcript", today=TODAY)
    assert list(Disclosure.objects.values_list("actor__username", "via")) == [("erin", "report")]


def test_an_unchanged_record_verifies_as_genuine_and_current(world, record):
    found = transcript_verify(token=_issue(world).token, today=TODAY)
    assert found.outcome == Outcome.CURRENT


def test_a_record_changed_since_issue_verifies_as_changed(world, record):
    issue = _issue(world)
    demonstrate(world["lena"], record["maths"]["N.1.c"], 3, timezone.now())
    assert transcript_verify(token=issue.token, today=TODAY).outcome == Outcome.CHANGED


def test_a_tampered_digest_no_longer_matches(world, record):
    issue = _issue(world)
    TranscriptIssue.objects.filter(pk=issue.pk).update(digest="0" * 64)
    assert transcript_verify(token=issue.token, today=TODAY).outcome == Outcome.CHANGED


def test_a_revoked_transcript_verifies_as_revoked(world, record):
    issue = _issue(world)
    transcript_issue_revoke(
        issue=issue, by=world["leo"], reason="Issued by mistake", now=timezone.now()
    )
    assert transcript_verify(token=issue.token, today=TODAY).outcome == Outcome.REVOKED


def test_an_unknown_or_altered_token_is_unknown_and_discloses_nothing(world, record):
    issue = _issue(world)
    Disclosure.objects.all().delete()
    found = transcript_verify(token=issue.token[:-1] + "x", today=TODAY)
    assert (found.outcome, found.issue) == (Outcome.UNKNOWN, None)
    assert not Disclosure.objects.exists()


def test_each_verification_lookup_is_a_disclosure_with_no_actor(world, record):
    issue = _issue(world)
    transcript_verify(token=issue.token, today=TODAY)
    row = Disclosure.objects.get(what="transcript_verify")
    assert (row.actor, row.learner, row.reason) == (None, world["lena"], "verification link")


def test_withdrawing_needs_a_reason_and_happens_once(world, record):
    issue = _issue(world)
    with pytest.raises(ValidationError, match="Say why"):
        transcript_issue_revoke(issue=issue, by=world["leo"], reason=" ", now=timezone.now())
    transcript_issue_revoke(
        issue=issue, by=world["leo"], reason="Wrong learner", now=timezone.now()
    )
    with pytest.raises(ValidationError, match="already revoked"):
        transcript_issue_revoke(issue=issue, by=world["leo"], reason="Again", now=timezone.now())
    issue.refresh_from_db()
    assert (issue.revoked_by, issue.revoke_reason) == (world["leo"], "Wrong learner")


def _save(world, text="proficient = B 3", reason="State rule"):
    return grade_conversion_save(
        school=world["school"],
        by=world["leo"],
        text=text,
        effective_from=date(2026, 8, 1),
        reason=reason,
    )


def test_each_change_of_the_table_is_a_new_version_with_its_reason(world):
    first, second = _save(world), _save(world, "advanced = A 4", reason="Add A")
    assert (first.version, second.version) == (1, 2)
    first.refresh_from_db()
    assert first.rows == [{"status": 3, "letter": "B", "points": 3.0}]
    assert (second.reason, second.created_by) == ("Add A", world["leo"])
    assert second.history.count() == 1  # audited


def test_a_bad_table_or_no_reason_is_refused_and_saves_nothing(world):
    with pytest.raises(ValidationError, match="Line 1"):
        _save(world, text="great = A")
    with pytest.raises(ValidationError, match="Say why"):
        _save(world, reason="")
    assert not GradeConversion.objects.exists()
