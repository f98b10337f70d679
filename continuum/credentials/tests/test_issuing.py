"""Signed credentials follow awards: Lena meets the "Grade 6 ratios credit" (conftest.py)
and an Open Badge is issued in the same sync, signed with Riverside's key; revoking the
award revokes it; her CLR carries every live badge."""

import base64
import json

import pytest

from continuum.credentials import badges
from continuum.credentials.models import Award, IssuedCredential, IssuerKey
from continuum.credentials.public import award_revoke, awards_sync
from continuum.credentials.services.issuing import clr_issue, status_list_sign
from continuum.credentials.services.keys import issuer_key_rotate
from continuum.credentials.tests.conftest import TODAY, all_proficient
from continuum.credentials.verification import Outcome, credential_verify


def payload(token: str) -> dict:
    part = token.split(".")[1]
    return json.loads(base64.urlsafe_b64decode(part + "=" * (-len(part) % 4)))


def header(token: str) -> dict:
    part = token.split(".")[0]
    return json.loads(base64.urlsafe_b64decode(part + "=" * (-len(part) % 4)))


@pytest.fixture
def badge(credit) -> IssuedCredential:
    all_proficient(credit, credit["lena"])
    awards_sync(school=credit["school"], today=TODAY)
    return IssuedCredential.objects.get(award__learner=credit["lena"])


def test_an_award_is_issued_as_a_signed_open_badge_in_the_same_sync(credit, badge):
    credential = payload(badge.token)
    assert credential["type"] == ["VerifiableCredential", "OpenBadgeCredential"]
    assert credential["@context"] == [badges.VC_V2, badges.OB_CONTEXT]
    assert credential["id"] == f"urn:uuid:{badge.uuid}" == credential["jti"]
    assert credential["issuer"]["name"] == "Riverside District"
    assert credential["issuer"]["id"].endswith(f"/credentials/issuers/{credit['district'].pk}/")
    assert credential["credentialSubject"]["identifier"][0]["identityHash"] == "Lena Ortiz"
    assert credential["credentialSubject"]["achievement"]["name"] == "Grade 6 ratios credit"
    assert credential["credentialSubject"]["achievement"]["achievementType"] == "Course"
    assert header(badge.token)["alg"] == "EdDSA"
    assert badge.key.district == credit["district"]
    assert credential_verify(badge.token).outcome == Outcome.GENUINE


def test_the_achievement_is_aligned_to_the_case_items_it_certifies(credit, badge):
    aligned = payload(badge.token)["credentialSubject"]["achievement"]["alignment"]
    maths = credit["maths"]
    expected = [maths[code] for code in ("N.1", "N.1.a", "N.1.b", "N.1.c")]
    assert [a["targetCode"] for a in aligned] == [item.identifier for item in expected]
    assert [a["targetUrl"] for a in aligned] == [
        item.uri or f"urn:uuid:{item.identifier}" for item in expected
    ]
    assert {a["targetType"] for a in aligned} == {"CFItem"}
    assert {a["targetFramework"] for a in aligned} == {"Credentials Mathematics"}


def test_revoking_the_award_revokes_its_badge_and_sets_its_status_bit(credit, badge):
    award_revoke(award=badge.award, by=credit["cora"], reason="Recorded for the wrong learner")
    badge.refresh_from_db()
    assert badge.revoked
    verdict = credential_verify(badge.token)
    assert verdict.outcome == Outcome.REVOKED
    assert verdict.reason == "Revoked: Recorded for the wrong learner"
    listed = payload(status_list_sign(district=credit["district"]))
    assert badges.bitstring_is_set(listed["credentialSubject"]["encodedList"], badge.status_index)


def test_each_credential_takes_its_own_status_bit(credit, badge):
    record = clr_issue(learner=credit["lena"])
    assert {badge.status_index, record.status_index} == {0, 1}
    entry = payload(record.token)["credentialStatus"]
    assert entry["type"] == "BitstringStatusListEntry"
    assert entry["statusListIndex"] == str(record.status_index)


def test_a_clr_carries_every_live_badge_and_is_reused_until_they_change(credit, badge):
    record = clr_issue(learner=credit["lena"])
    clr = payload(record.token)
    assert clr["type"] == ["VerifiableCredential", "ClrCredential"]
    inner = clr["credentialSubject"]["verifiableCredential"]
    assert [each["id"] for each in inner] == [f"data:application/vc+jwt,{badge.token}"]
    assert credential_verify(record.token).outcome == Outcome.GENUINE
    assert clr_issue(learner=credit["lena"]) == record
    award_revoke(award=badge.award, by=credit["cora"], reason="Wrong learner")
    record.refresh_from_db()
    assert record.revoked  # it lists a revoked badge
    fresh = clr_issue(learner=credit["lena"])
    assert fresh != record
    assert payload(fresh.token)["credentialSubject"]["verifiableCredential"] == []


def test_rotating_a_key_keeps_what_the_old_key_signed_verifiable(credit, badge):
    old = badge.key
    new = issuer_key_rotate(district=credit["school"])
    old.refresh_from_db()
    assert old.retired_at is not None
    assert new.district == credit["district"]
    assert IssuerKey.objects.filter(district=credit["district"], retired_at=None).get() == new
    assert credential_verify(badge.token).outcome == Outcome.GENUINE
    assert header(clr_issue(learner=credit["lena"]).token)["kid"].endswith(f"#{new.kid}")


def test_the_private_key_is_stored_encrypted_and_never_published(credit, badge):
    key = badge.key
    assert key.private_pem.startswith("-----BEGIN ENCRYPTED PRIVATE KEY-----")
    assert set(key.public_jwk) == {"kty", "crv", "x", "alg", "use"}


def test_an_award_recorded_without_issuing_gets_no_badge_twice(credit, badge):
    from continuum.credentials.services.issuing import badges_issue

    assert badges_issue(awards=[Award.objects.get(pk=badge.award_id)]) == []
    assert IssuedCredential.objects.filter(award=badge.award).count() == 1
