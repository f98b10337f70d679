"""The badges page and downloads (for whoever may see the learner), the issuer's public
pages, and the public verification page, which reflects nothing it is sent as HTML."""

import json

import pytest
from django.apps import apps
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from joserfc.jwk import OKPKey

from continuum.credentials import badges
from continuum.credentials.models import IssuedCredential
from continuum.credentials.public import award_revoke, awards_sync
from continuum.credentials.tests.conftest import TODAY, all_proficient
from continuum.credentials.tests.test_issuing import payload
from continuum.credentials.verification import MAX_BYTES


@pytest.fixture
def badge(credit) -> IssuedCredential:
    all_proficient(credit, credit["lena"])
    awards_sync(school=credit["school"], today=TODAY)
    return IssuedCredential.objects.get(award__learner=credit["lena"])


def test_lena_finds_her_badges_page_from_her_credits_page(client, credit, badge):
    client.force_login(credit["lena"])
    mine = client.get(reverse("my_credentials")).content.decode()
    page_url = reverse("learner_badges", args=[credit["lena"].pk])
    assert page_url in mine
    page = client.get(page_url).content.decode()
    assert "Grade 6 ratios credit" in page
    assert reverse("award_badge", args=[badge.award_id]) in page
    assert reverse("credential_verify_link", args=[badge.uuid]) in page
    assert reverse("learner_clr", args=[credit["lena"].pk]) in page


def test_a_downloaded_badge_is_the_signed_credential_in_a_vc_envelope(client, credit, badge):
    client.force_login(credit["gabe"])
    response = client.get(reverse("award_badge", args=[badge.award_id]))
    assert response["Content-Disposition"] == f'attachment; filename="badge-{badge.uuid}.json"'
    assert json.loads(response.content) == badges.enveloped(badge.token)


def test_a_guardian_downloading_a_badge_or_the_clr_is_recorded_as_a_disclosure(
    client, credit, badge
):
    disclosure = apps.get_model("privacy", "Disclosure")  # the layer above records it
    client.force_login(credit["gabe"])
    client.get(reverse("award_badge", args=[badge.award_id]))
    client.get(reverse("learner_clr", args=[credit["lena"].pk]))
    rows = disclosure.objects.filter(actor=credit["gabe"], learner=credit["lena"])
    assert sorted(rows.values_list("what", flat=True)) == ["award_badge", "learner_clr"]


def test_the_clr_download_holds_every_live_badge(client, credit, badge):
    client.force_login(credit["lena"])
    response = client.get(reverse("learner_clr", args=[credit["lena"].pk]))
    token = json.loads(response.content)["id"].removeprefix("data:application/vc+jwt,")
    inner = payload(token)["credentialSubject"]["verifiableCredential"]
    assert inner == [badges.enveloped(badge.token)]


def test_the_issuer_publishes_its_profile_and_public_keys_only(client, credit, badge):
    district = credit["district"].pk
    profile = client.get(reverse("credential_issuer", args=[district])).json()
    assert profile == {**payload(badge.token)["issuer"]}
    keys = client.get(reverse("credential_issuer_keys", args=[district])).json()["keys"]
    assert [key["kid"] for key in keys] == [badge.key.kid]
    assert "d" not in keys[0]  # the private part
    assert OKPKey.import_key({k: keys[0][k] for k in ("kty", "crv", "x")}).thumbprint() == (
        badge.key.kid
    )


def test_the_status_list_is_public_and_shows_a_revocation(client, credit, badge):
    url = reverse("credential_issuer_status", args=[credit["district"].pk])
    award_revoke(award=badge.award, by=credit["cora"], reason="Wrong learner")
    response = client.get(url)
    assert response["Content-Type"] == "application/vc+jwt"
    listed = payload(response.content.decode())
    assert listed["type"] == ["VerifiableCredential", "BitstringStatusListCredential"]
    assert badges.bitstring_is_set(listed["credentialSubject"]["encodedList"], badge.status_index)


def test_a_school_is_not_an_issuer(client, credit):
    assert client.get(reverse("credential_issuer", args=[credit["school"].pk])).status_code == 404


def test_anyone_can_verify_a_pasted_credential_without_signing_in(client, credit, badge):
    page = client.post(reverse("credential_verify"), {"credential": badge.token}).content.decode()
    assert "Genuine" in page
    assert "Lena Ortiz" in page
    assert "Riverside District" in page


def test_an_uploaded_credential_is_verified_and_a_revoked_one_says_why(client, credit, badge):
    award_revoke(award=badge.award, by=credit["cora"], reason="Recorded for the wrong learner")
    upload = SimpleUploadedFile("badge.json", json.dumps(badges.enveloped(badge.token)).encode())
    page = client.post(reverse("credential_verify"), {"upload": upload}).content.decode()
    assert "Revoked" in page
    assert "Revoked: Recorded for the wrong learner" in page


def test_the_verification_link_says_whether_the_credential_is_genuine(client, credit, badge):
    page = client.get(reverse("credential_verify_link", args=[badge.uuid])).content.decode()
    assert "Genuine" in page
    assert "Grade 6 ratios credit" in page


def test_hostile_input_is_never_reflected_as_html(client, db):
    hostile = '{"type": ["VerifiableCredential", "<script>alert(1)</script>"]}'
    page = client.post(reverse("credential_verify"), {"credential": hostile}).content.decode()
    assert "<script>alert(1)</script>" not in page
    assert "&lt;script&gt;" in page
    assert "Not a valid credential" in page


def test_an_oversized_upload_is_refused_unread(client, db):
    upload = SimpleUploadedFile("big.json", b"x" * (MAX_BYTES + 1))
    page = client.post(reverse("credential_verify"), {"upload": upload}).content.decode()
    assert "The file is larger than 1,000,000 bytes." in page
    assert "Genuine" not in page


def test_an_empty_submission_asks_for_a_credential(client, db):
    page = client.post(reverse("credential_verify"), {}).content.decode()
    assert "Paste a credential or choose its file." in page
