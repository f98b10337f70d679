"""The documents of Open Badges 3.0 and CLR 2.0, built from plain values (no database, no
clock): the issuer profile, an achievement aligned to the CASE items it certifies, the
OpenBadgeCredential of one award, the ClrCredential of several, and the revocation status
list (W3C Bitstring Status List v1.0).

The services load the rows and sign what these return; keeping the shapes here lets the
tests hold them against 1EdTech's vectors without a database.
"""

import base64
import gzip
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime

VC_V2 = "https://www.w3.org/ns/credentials/v2"
OB_CONTEXT = "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"
CLR_CONTEXT = "https://purl.imsglobal.org/spec/clr/v2p0/context-2.0.1.json"
OB_SCHEMA = (
    "https://purl.imsglobal.org/spec/ob/v3p0/schema/json/ob_v3p0_achievementcredential_schema.json"
)
CLR_SCHEMA = (
    "https://purl.imsglobal.org/spec/clr/v2p0/schema/json/clr_v2p0_clrcredential_schema.json"
)
JWT_MEDIA_TYPE = "application/vc+jwt"
# 16 KB of bits, the Bitstring Status List's minimum: a list this long says nothing about
# how many credentials a district has issued.
STATUS_LIST_BITS = 131_072

# Open Badges' achievementType for each kind of requirement.
ACHIEVEMENT_TYPES = {
    "course_credit": "Course",
    "graduation": "SecondarySchoolDiploma",
    "cte_certification": "Certification",
    "pathway": "LearningProgram",
}


@dataclass(frozen=True)
class CaseItem:
    """A CASE item an achievement certifies: its identifier and URI as published."""

    identifier: str
    uri: str
    code: str
    statement: str
    framework: str
    kind: str


def iso(moment: datetime) -> str:
    """An XSD dateTime in UTC with a ``Z``, as the VC data model writes it."""
    return moment.strftime("%Y-%m-%dT%H:%M:%SZ")


def issuer_profile(*, issuer_id: str, name: str, url: str = "") -> dict:
    profile = {"id": issuer_id, "type": ["Profile"], "name": name}
    if url:
        profile["url"] = url
    return profile


def alignment(item: CaseItem) -> dict:
    """OB 3.0 Alignment to a CASE CFItem: its URI, else its identifier as a UUID URN."""
    return {
        "type": ["Alignment"],
        "targetType": "CFItem",
        "targetName": item.statement[:500] or item.code,
        "targetCode": item.identifier,
        "targetDescription": f"{item.code} {item.statement}".strip(),
        "targetFramework": item.framework,
        "targetUrl": item.uri or f"urn:uuid:{item.identifier}",
    }


def achievement(
    *,
    achievement_id: str,
    name: str,
    kind: str,
    criteria: str,
    description: str,
    creator: dict,
    items: Sequence[CaseItem],
) -> dict:
    return {
        "id": achievement_id,
        "type": ["Achievement"],
        "achievementType": ACHIEVEMENT_TYPES.get(kind, "Achievement"),
        "name": name,
        "description": description,
        "criteria": {"narrative": criteria},
        "creator": creator,
        "alignment": [alignment(item) for item in items],
    }


def status_entry(*, list_url: str, index: int) -> dict:
    return {
        "id": f"{list_url}#{index}",
        "type": "BitstringStatusListEntry",
        "statusPurpose": "revocation",
        "statusListIndex": str(index),
        "statusListCredential": list_url,
    }


def _subject_identity(name: str) -> list[dict]:
    """The learner's name as an OB IdentityObject, so whoever verifies knows whose it is
    without the credential carrying an email address or an internal id."""
    return [
        {"type": "IdentityObject", "identityType": "name", "hashed": False, "identityHash": name}
    ]


def openbadge_credential(
    *,
    credential_id: str,
    issuer: dict,
    valid_from: datetime,
    subject_id: str,
    subject_name: str,
    achievement: dict,
    status: dict,
) -> dict:
    return {
        "@context": [VC_V2, OB_CONTEXT],
        "id": credential_id,
        "type": ["VerifiableCredential", "OpenBadgeCredential"],
        "issuer": issuer,
        "validFrom": iso(valid_from),
        "name": achievement["name"],
        "credentialSubject": {
            "id": subject_id,
            "type": ["AchievementSubject"],
            "identifier": _subject_identity(subject_name),
            "achievement": achievement,
        },
        "credentialStatus": status,
        "credentialSchema": [{"id": OB_SCHEMA, "type": "1EdTechJsonSchemaValidator2019"}],
    }


def enveloped(token: str) -> dict:
    """A VC-JWT as JSON: VC 2.0's EnvelopedVerifiableCredential, whose ``id`` is the JWT
    as a data: URL. Any edit to what was signed changes the JWT and breaks its signature."""
    return {
        "@context": [VC_V2],
        "id": f"data:{JWT_MEDIA_TYPE},{token}",
        "type": "EnvelopedVerifiableCredential",
    }


def clr_credential(
    *,
    credential_id: str,
    issuer: dict,
    valid_from: datetime,
    subject_id: str,
    subject_name: str,
    badges: Iterable[tuple[str, dict]],
    status: dict,
) -> dict:
    """One ClrCredential of a learner's achievements: each badge's signed VC-JWT (as an
    enveloped credential) and its achievement, so the record reads without unpacking."""
    badges = list(badges)
    return {
        "@context": [VC_V2, CLR_CONTEXT, OB_CONTEXT],
        "id": credential_id,
        "type": ["VerifiableCredential", "ClrCredential"],
        "issuer": issuer,
        "validFrom": iso(valid_from),
        "name": f"Comprehensive Learner Record: {subject_name}",
        "credentialSubject": {
            "id": subject_id,
            "type": ["ClrSubject"],
            "identifier": _subject_identity(subject_name),
            "verifiableCredential": [enveloped(token) for token, _ in badges],
            "achievement": [each for _, each in badges],
        },
        "credentialStatus": status,
        "credentialSchema": [{"id": CLR_SCHEMA, "type": "1EdTechJsonSchemaValidator2019"}],
    }


def bitstring_encode(revoked: Iterable[int], size: int = STATUS_LIST_BITS) -> str:
    """The Bitstring Status List's ``encodedList``: GZIP of the bits (index 0 is the first
    byte's most significant bit), base64url without padding, multibase prefix ``u``."""
    bits = bytearray(size // 8)
    for index in revoked:
        if not 0 <= index < size:
            raise ValueError(f"status index {index} is outside the list of {size} bits")
        bits[index // 8] |= 0x80 >> (index % 8)
    packed = gzip.compress(bytes(bits), mtime=0)
    return "u" + base64.urlsafe_b64encode(packed).decode().rstrip("=")


def bitstring_is_set(encoded: str, index: int) -> bool:
    if not encoded.startswith("u"):
        raise ValueError("encodedList must be multibase base64url (prefix u)")
    raw = encoded[1:]
    bits = gzip.decompress(base64.urlsafe_b64decode(raw + "=" * (-len(raw) % 4)))
    if not 0 <= index < len(bits) * 8:
        raise ValueError(f"status index {index} is outside the list")
    return bool(bits[index // 8] & (0x80 >> (index % 8)))


def status_list_credential(
    *, list_url: str, issuer: dict, valid_from: datetime, encoded: str
) -> dict:
    return {
        "@context": [VC_V2],
        "id": list_url,
        "type": ["VerifiableCredential", "BitstringStatusListCredential"],
        "issuer": issuer,
        "validFrom": iso(valid_from),
        "credentialSubject": {
            "id": f"{list_url}#list",
            "type": "BitstringStatusList",
            "statusPurpose": "revocation",
            "encodedList": encoded,
        },
    }
