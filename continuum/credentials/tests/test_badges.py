"""The documents and the structural checks, held against 1EdTech's Open Badges 3.0 and CLR
2.0 validator vectors and the OB 3.0 specification's examples (shared data; no network,
no database). Our credentials must pass the checks the valid vectors pass, and each
invalid ("err") vector must be refused for the reason its name states."""

import json
from datetime import UTC, datetime

import pytest

from continuum.credentials import badges
from continuum.credentials.structure import structure_problems, verification_method_problem

NOW = datetime(2026, 12, 1, tzinfo=UTC)
OB = "credentials/ob30_validator_testvectors"
CLR = "credentials/clr20_validator_testvectors"
VALID = [
    f"{OB}/simple.json",
    f"{OB}/complete.json",
    f"{OB}/simple_v1.json",
    f"{OB}/simple-context-alias.json",
    f"{OB}/simple-context-version.json",
    f"{OB}/simple-did-key-method.json",
    f"{OB}/simple-did-web-method.json",
    f"{OB}/simple-eddsa-2022.json",
    f"{OB}/simple-multiple-proofs.json",
    f"{OB}/credential-status-revoked.json",
    f"{OB}/bit-string-list/credential-status-revoked.json",
    f"{OB}/bit-string-list/credential-status-revoked-blank-nodes.json",
    f"{CLR}/simple.json",
    f"{CLR}/complex.json",
    f"{CLR}/simple-noproof.json",
    f"{CLR}/simple_old_safesigned.json",
    "credentials/ob30_spec_examples/json/basicOpenBadgeCredential.json",
    "credentials/ob30_spec_examples/json/fullOpenBadge.json",
    "credentials/ob30_spec_examples/json/achievementAlignmentCase.json",
    "credentials/ob30_spec_examples/json/achievementAlignmentCe.json",
    "credentials/ob30_spec_examples/json/skillAssertionCase.json",
    "credentials/ob30_spec_examples/json/skillAssertionCtdl.json",
]
# Each invalid vector and the words its first problem must contain.
INVALID = {
    "simple-err-context.json": "@context must start with the Verifiable Credentials context",
    "simple-err-type.json": "type must include VerifiableCredential and OpenBadgeCredential",
    "simple-err-issuer.json": "issuer is missing",
    "simple-err-issued.json": "not valid yet",
    "simple-err-expired.json": "has expired",
    "simple-err-issuer-type.json": "issuer must have type Profile",
    "simple-err-issuer-parentorg-type.json": "issuer.parentOrg must have type Profile",
    "simple-err-issuer-otheridentifier-type.json": "issuer.otherIdentifier[1] must have type IdentifierEntry",
    "simple-err-credential-subject-type.json": "credentialSubject must have type AchievementSubject",
    "simple-err-credential-subject-identifier-type.json": "credentialSubject.identifier[0] must have type IdentityObject",
    "simple-err-credential-subject-profile-type.json": "credentialSubject.source must have type Profile",
    "simple-err-credential-subject-result-type.json": "credentialSubject.result[1] must have type Result",
    "simple-err-credential-subject-achievement-result-description-type.json": "resultDescription[2] must have type ResultDescription",
    "simple-err-evidence-type.json": "evidence[1] must have type Evidence",
    "simple-err-proof-method.json": "is not an Ed25519 multikey",
    "simple-err-proof-method-no-scheme.json": "has no URI scheme",
    "simple-err-proof-method-unknown-scheme.json": "unknown URI scheme: xxx",
    "simple-err-proof-method-unknown-did-method.json": "unknown DID method: did:example",
}
# Not here: simple-err-proof-value.json (a wrong eddsa-rdfc-2022 signature: checking it
# needs RDF canonicalisation, and we verify VC-JWT only, so it is never genuine anyway) and
# the endorsement vectors (EndorsementCredential is not a credential we issue or verify).


def _load(folder, name: str) -> dict:
    return json.loads((folder / name).read_text())


@pytest.mark.parametrize("name", VALID)
def test_the_valid_vectors_pass_the_structural_checks(shared_data, name):
    assert structure_problems(_load(shared_data, name), now=NOW) == []


@pytest.mark.parametrize(("name", "reason"), INVALID.items())
def test_each_invalid_vector_is_refused_for_its_stated_reason(shared_data, name, reason):
    problems = structure_problems(_load(shared_data, f"{OB}/{name}"), now=NOW)
    assert problems
    assert reason in problems[0]


def test_our_context_is_the_one_1edtech_publishes(shared_data):
    context = _load(shared_data, "credentials/ob30_spec_examples/context-3.0.3.json")["@context"]
    for term in (
        "OpenBadgeCredential",
        "Achievement",
        "AchievementSubject",
        "Alignment",
        "Profile",
    ):
        assert term in context
    assert badges.OB_CONTEXT.endswith("context-3.0.3.json")


def _ours() -> dict:
    issuer = badges.issuer_profile(issuer_id="https://example.org/credentials/issuers/1/", name="D")
    item = badges.CaseItem(
        "c0ffee", "https://case.example/uri/c0ffee", "N.1", "Ratios", "Maths", "target"
    )
    achievement = badges.achievement(
        achievement_id="urn:uuid:1",
        name="Credit",
        kind="course_credit",
        criteria="All proficient",
        description="Course credit",
        creator=issuer,
        items=[item],
    )
    return badges.openbadge_credential(
        credential_id="urn:uuid:2",
        issuer=issuer,
        valid_from=NOW,
        subject_id="urn:uuid:3",
        subject_name="Lena Ortiz",
        achievement=achievement,
        status=badges.status_entry(list_url="https://example.org/s", index=3),
    )


def test_our_open_badge_passes_the_checks_the_valid_vectors_pass():
    assert structure_problems(_ours(), now=NOW) == []


def test_our_open_badge_has_the_fields_of_1edtechs_simple_vector(shared_data):
    simple = _load(shared_data, f"{OB}/simple.json")
    ours = _ours()
    assert set(simple) - {"proof"} <= set(ours)
    assert set(simple["credentialSubject"]) <= set(ours["credentialSubject"]) | {"id"}
    assert set(simple["credentialSubject"]["achievement"]) <= set(
        ours["credentialSubject"]["achievement"]
    )
    assert ours["@context"] == simple["@context"]


def test_our_clr_passes_the_checks_the_valid_clr_vectors_pass():
    ours = _ours()
    clr = badges.clr_credential(
        credential_id="urn:uuid:4",
        issuer=ours["issuer"],
        valid_from=NOW,
        subject_id="urn:uuid:3",
        subject_name="Lena Ortiz",
        badges=[("a.b.c", ours["credentialSubject"]["achievement"])],
        status=badges.status_entry(list_url="https://example.org/s", index=4),
    )
    assert structure_problems(clr, now=NOW) == []


def test_the_alignment_names_the_case_item_by_uri_or_identifier():
    item = badges.CaseItem("c0ffee", "", "N.1", "Ratios", "Maths", "target")
    aligned = badges.alignment(item)
    assert aligned["targetUrl"] == "urn:uuid:c0ffee"
    assert aligned["targetType"] == "CFItem"
    assert aligned["targetCode"] == "c0ffee"


def test_the_status_list_sets_exactly_the_revoked_bits():
    encoded = badges.bitstring_encode({0, 9, badges.STATUS_LIST_BITS - 1})
    assert encoded.startswith("u")
    assert [badges.bitstring_is_set(encoded, i) for i in (0, 1, 8, 9, 10)] == [
        True,
        False,
        False,
        True,
        False,
    ]
    assert badges.bitstring_is_set(encoded, badges.STATUS_LIST_BITS - 1)
    with pytest.raises(ValueError, match="outside the list"):
        badges.bitstring_encode({badges.STATUS_LIST_BITS})


def test_a_did_key_verification_method_must_be_an_ed25519_multikey():
    good = "did:key:z6MkrvfzkMnvCroEUP2DVc9SHPE48CRsvHiVSusHioxTYu1x"
    assert verification_method_problem(good) is None
    problem = verification_method_problem("did:key:zQ3shokFTS3brHcD")
    assert problem is not None
    assert "not an Ed25519 multikey" in problem
