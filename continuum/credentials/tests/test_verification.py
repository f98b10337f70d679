"""What the verifier says of a credential we issued, of one edited anywhere, of one signed
by a key we never published, and of input that is not a credential at all."""

import base64
import json
from datetime import UTC, datetime

import pytest
from joserfc import jws
from joserfc.jwk import OKPKey

from continuum.credentials.badges import enveloped
from continuum.credentials.models import IssuedCredential
from continuum.credentials.public import awards_sync
from continuum.credentials.services.issuing import issuer_urls
from continuum.credentials.services.keys import issuer_key_active, payload_sign
from continuum.credentials.tests.conftest import TODAY, all_proficient
from continuum.credentials.tests.test_issuing import header, payload
from continuum.credentials.verification import MAX_BYTES, Outcome, credential_verify


def _b64(data: dict) -> str:
    raw = json.dumps(data, separators=(",", ":")).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def _leaves(value, path=()):
    """Every scalar in a JSON document, by its path."""
    if isinstance(value, dict):
        for key, inner in value.items():
            yield from _leaves(inner, (*path, key))
    elif isinstance(value, list):
        for index, inner in enumerate(value):
            yield from _leaves(inner, (*path, index))
    else:
        yield path, value


def _edited(document: dict, path: tuple, value) -> dict:
    copy = json.loads(json.dumps(document))
    target = copy
    for step in path[:-1]:
        target = target[step]
    target[path[-1]] = value
    return copy


def _changed(value):
    if isinstance(value, bool):
        return not value
    if isinstance(value, int | float):
        return value + 1
    return f"{value}x"


@pytest.fixture
def token(credit) -> str:
    all_proficient(credit, credit["lena"])
    awards_sync(school=credit["school"], today=TODAY)
    return IssuedCredential.objects.get(award__learner=credit["lena"]).token


def test_a_credential_we_issued_is_genuine_as_a_jwt_and_as_json(token):
    assert credential_verify(token).outcome == Outcome.GENUINE
    assert credential_verify(json.dumps(enveloped(token))).outcome == Outcome.GENUINE
    assert credential_verify(token.encode()).outcome == Outcome.GENUINE


def test_editing_any_field_of_a_credential_we_issued_makes_it_fail(token):
    head, _body, signature = token.split(".")
    signed = payload(token)
    leaves = list(_leaves(signed))
    assert len(leaves) > 30
    for path, value in leaves:
        forged = f"{head}.{_b64(_edited(signed, path, _changed(value)))}.{signature}"
        verdict = credential_verify(forged)
        assert verdict.outcome == Outcome.ALTERED, path
        assert "changed after it was signed" in verdict.reason


def test_editing_the_header_or_the_signature_makes_it_fail(token):
    head, body, signature = token.split(".")
    for path, value in _leaves(header(token)):
        forged = f"{_b64(_edited(header(token), path, _changed(value)))}.{body}.{signature}"
        assert not credential_verify(forged).genuine, path
    flipped = signature[:10] + ("A" if signature[10] != "A" else "B") + signature[11:]
    assert credential_verify(f"{head}.{body}.{flipped}").outcome == Outcome.ALTERED


def test_editing_the_exported_json_makes_it_fail(token):
    document = enveloped(token)
    for path, value in _leaves(document):
        assert not credential_verify(json.dumps(_edited(document, path, _changed(value)))).genuine


def test_a_credential_signed_by_a_key_we_never_published_is_from_an_unknown_issuer(token):
    stranger = OKPKey.generate_key("Ed25519")
    kid = header(token)["kid"].rsplit("#", 1)[0] + "#" + stranger.thumbprint()
    forged = jws.serialize_compact(
        {"alg": "Ed25519", "kid": kid}, json.dumps(payload(token)), stranger, algorithms=["Ed25519"]
    )
    verdict = credential_verify(forged)
    assert verdict.outcome == Outcome.UNKNOWN_ISSUER
    assert verdict.reason == "It is not signed by any key published by this server."


def test_a_district_cannot_sign_in_another_districts_name(credit, token):
    lakeside = credit["lakeside"]
    forged = payload_sign(
        key=issuer_key_active(district=lakeside),
        payload=payload(token),
        key_url=issuer_urls(lakeside)["keys"],
    )
    verdict = credential_verify(forged)
    assert verdict.outcome == Outcome.ALTERED
    assert verdict.reason == "The issuer it names does not own the key that signed it."


def test_a_credential_signed_with_our_key_but_never_recorded_is_refused(credit, token):
    riverside = credit["district"]
    unknown = "urn:uuid:00000000-0000-4000-8000-000000000000"
    forged = payload_sign(
        key=issuer_key_active(district=riverside),
        payload={**payload(token), "id": unknown, "jti": unknown},
        key_url=issuer_urls(riverside)["keys"],
    )
    verdict = credential_verify(forged)
    assert verdict.outcome == Outcome.UNKNOWN_ISSUER
    assert verdict.reason == "Signed with our key, but not a credential we issued."


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("x" * (MAX_BYTES + 1), "larger than 1,000,000 bytes"),
        ("{not json", "not valid JSON"),
        ("<script>alert(1)</script>", "neither a credential in JSON nor a VC-JWT"),
        (
            '{"@context": ["https://www.w3.org/ns/credentials/v2"], '
            '"type": "EnvelopedVerifiableCredential", "id": "https://x"}',
            "data:application",
        ),
        ("e30.e30.AAAA", "not signed by any key"),
        ("####.e30.AAAA", "neither a credential"),
        ('["a list"]', "must be a JSON object"),
    ],
)
def test_what_is_not_a_credential_is_refused_with_a_reason(db, text, reason):
    verdict = credential_verify(text)
    assert not verdict.genuine
    assert reason in verdict.reason


def test_an_unsigned_credential_is_never_genuine(db, token):
    verdict = credential_verify(json.dumps(payload(token)))
    assert verdict.outcome == Outcome.UNKNOWN_ISSUER
    assert "no proof this server can check" in verdict.reason


def test_an_expired_credential_we_signed_is_invalid(credit, token):
    riverside = credit["district"]
    issued = IssuedCredential.objects.get()
    expired = {**payload(token), "validUntil": datetime(2020, 1, 1, tzinfo=UTC).isoformat()}
    issued.token = payload_sign(
        key=issued.key, payload=expired, key_url=issuer_urls(riverside)["keys"]
    )
    issued.save()
    verdict = credential_verify(issued.token)
    assert verdict.outcome == Outcome.INVALID
    assert "expired" in verdict.reason
