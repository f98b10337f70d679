"""Is this credential genuine? The one check behind the public verification page and
``continuum verify_credential``.

What arrives is hostile: it is size-limited, parsed as data only, and never echoed back as
HTML. A credential is *genuine* only when it is a VC-JWT signed by one of our districts'
keys (offline: the key is looked up here, never fetched), its signature matches, the
issuer it names owns that key, its shape passes the Open Badges 3.0 / CLR 2.0 structural
checks, it is one we recorded, and its status bit is not set. A CLR is genuine only when
every credential inside it is too.
"""

import base64
import binascii
import json
import re
import warnings
from dataclasses import dataclass, field
from enum import StrEnum

from django.urls import reverse
from django.utils import timezone
from joserfc import jws
from joserfc.errors import JoseError

from continuum.credentials import structure
from continuum.credentials.badges import JWT_MEDIA_TYPE, VC_V2
from continuum.credentials.models import IssuedCredential, IssuerKey
from continuum.credentials.services.keys import ACCEPTED_ALGORITHMS, public_key

MAX_BYTES = 1_000_000  # a CLR of a few hundred badges; anything larger is refused unread
_JWT = re.compile(r"^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$")


class Outcome(StrEnum):
    GENUINE = "genuine"
    REVOKED = "revoked"
    ALTERED = "altered"
    UNKNOWN_ISSUER = "unknown issuer"
    INVALID = "invalid"


@dataclass(frozen=True)
class Verdict:
    outcome: Outcome
    reason: str
    credential: dict | None = None
    issued: IssuedCredential | None = None
    problems: list[str] = field(default_factory=list)

    @property
    def genuine(self) -> bool:
        return self.outcome == Outcome.GENUINE


def _b64json(part: str) -> dict:
    data = json.loads(base64.urlsafe_b64decode(part + "=" * (-len(part) % 4)))
    if not isinstance(data, dict):
        raise ValueError("not a JSON object")
    return data


def _token_of(text: str) -> str | Verdict:
    """The compact JWT in ``text`` (bare, a JSON string, or an enveloped credential), or
    the verdict on what is not one."""
    if text.startswith(("{", "[", '"')):
        try:
            data = json.loads(text)
        except ValueError:
            return Verdict(Outcome.INVALID, "This is not valid JSON.")
        if isinstance(data, str):
            text = data.strip()
        elif isinstance(data, dict) and data.get("type") == "EnvelopedVerifiableCredential":
            prefix = f"data:{JWT_MEDIA_TYPE},"
            context = data.get("@context")
            if not isinstance(context, list) or context[:1] != [VC_V2]:
                return Verdict(
                    Outcome.INVALID, f"An enveloped credential's @context must be [{VC_V2}]."
                )
            if not str(data.get("id", "")).startswith(prefix):
                return Verdict(
                    Outcome.INVALID, f"An enveloped credential's id must be a {prefix} URL."
                )
            text = data["id"][len(prefix) :]
        else:
            problems = structure.structure_problems(data, now=timezone.now())
            reason = (
                "It has no proof this server can check: we verify VC-JWT credentials signed "
                "with our districts' keys (a Data Integrity proof such as eddsa-rdfc-2022 is "
                "not verified here)."
            )
            return Verdict(
                Outcome.UNKNOWN_ISSUER if not problems else Outcome.INVALID,
                problems[0] if problems else reason,
                data if isinstance(data, dict) else None,
                problems=problems,
            )
    if not _JWT.match(text):
        return Verdict(Outcome.INVALID, "This is neither a credential in JSON nor a VC-JWT.")
    return text


def _key_of(header: dict) -> IssuerKey | None:
    kid = header.get("kid")
    if not isinstance(kid, str) or "#" not in kid:
        return None
    return IssuerKey.objects.select_related("district").filter(kid=kid.rsplit("#", 1)[1]).first()


def _signed(token: str) -> Verdict | tuple[dict, IssuerKey]:
    """The verified payload and the key that signed it, or why not."""
    try:
        header = _b64json(token.split(".")[0])
    except (ValueError, binascii.Error):
        return Verdict(Outcome.INVALID, "The JWT header is not readable JSON.")
    key = _key_of(header)
    if key is None:
        return Verdict(
            Outcome.UNKNOWN_ISSUER, "It is not signed by any key published by this server."
        )
    if header.get("alg") not in ACCEPTED_ALGORITHMS:
        return Verdict(
            Outcome.ALTERED, f"Its signature algorithm {header.get('alg')!r} is not ours."
        )
    try:
        with warnings.catch_warnings():
            warnings.filterwarnings("ignore", message="EdDSA is deprecated")
            found = jws.deserialize_compact(token, public_key(key), algorithms=ACCEPTED_ALGORITHMS)
        payload = json.loads(found.payload)
    except (JoseError, ValueError):
        return Verdict(
            Outcome.ALTERED,
            "The signature does not match: the credential was changed after it was signed.",
        )
    if not isinstance(payload, dict):
        return Verdict(Outcome.INVALID, "The signed payload is not a JSON object.")
    return payload, key


def _issuer_problem(credential: dict, claims: dict, key: IssuerKey) -> str | None:
    issuer = credential.get("issuer")
    issuer_id = issuer.get("id") if isinstance(issuer, dict) else issuer
    own = reverse("credential_issuer", args=[key.district_id])
    if not isinstance(issuer_id, str) or not issuer_id.endswith(own):
        return "The issuer it names does not own the key that signed it."
    if claims.get("iss", issuer_id) != issuer_id or claims.get("jti", credential.get("id")) != (
        credential.get("id")
    ):
        return "Its JWT claims do not match the credential's issuer and id."
    return None


def credential_verify(text: str | bytes, *, depth: int = 0) -> Verdict:
    """Check a credential as pasted, uploaded or stored; see the module docstring."""
    if len(text) > MAX_BYTES:
        return Verdict(
            Outcome.INVALID, f"It is larger than {MAX_BYTES:,} bytes, so it was not read."
        )
    if isinstance(text, bytes):
        try:
            text = text.decode("utf-8")
        except UnicodeDecodeError:
            return Verdict(Outcome.INVALID, "It is not UTF-8 text.")
    token = _token_of(text.strip())
    if isinstance(token, Verdict):
        return token
    signed = _signed(token)
    if isinstance(signed, Verdict):
        return signed
    payload, key = signed
    credential = payload["vc"] if isinstance(payload.get("vc"), dict) else payload
    problem = _issuer_problem(credential, payload, key)
    if problem:
        return Verdict(Outcome.ALTERED, problem, credential)
    problems = structure.structure_problems(credential, now=timezone.now())
    if problems:
        return Verdict(Outcome.INVALID, problems[0], credential, problems=problems)
    issued = (
        IssuedCredential.objects.filter(
            district=key.district, uuid=str(credential.get("id", "")).removeprefix("urn:uuid:")
        ).first()
        if str(credential.get("id", "")).startswith("urn:uuid:")
        else None
    )
    if issued is None or issued.token != token:
        return Verdict(
            Outcome.UNKNOWN_ISSUER, "Signed with our key, but not a credential we issued."
        )
    if issued.revoked:
        return Verdict(Outcome.REVOKED, f"Revoked: {issued.revoke_reason}", credential, issued)
    return _inner(credential, issued, depth)


def _inner(credential: dict, issued: IssuedCredential, depth: int) -> Verdict:
    """A CLR is only as good as each credential it carries."""
    inner = credential.get("credentialSubject", {}).get("verifiableCredential", [])
    if structure.credential_kind(credential) == structure.CLR_TYPE and depth == 0:
        for number, each in enumerate(inner, start=1):
            verdict = credential_verify(json.dumps(each), depth=1)
            if not verdict.genuine:
                return Verdict(
                    verdict.outcome,
                    f"Credential {number} in it: {verdict.reason}",
                    credential,
                    issued,
                )
    return Verdict(
        Outcome.GENUINE, "Signed by its issuer, unchanged and not revoked.", credential, issued
    )
