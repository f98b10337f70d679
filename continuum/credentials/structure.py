"""Structural checks of an Open Badges 3.0 or CLR 2.0 credential, the offline part of what
1EdTech's validator checks: the contexts, the credential's types, the required fields, the
type of every typed object the specifications name (issuer, subject, achievement, results,
evidence, identifiers…), the validity window, and that a Data Integrity proof's
verification method is one a verifier could resolve.

Pure (no database, no clock: ``now`` is passed in). Each problem is a sentence a person
can act on; an empty list means the shape is right, not that the credential is genuine.
"""

import re
from collections.abc import Callable
from datetime import UTC, datetime

VC_V2 = "https://www.w3.org/ns/credentials/v2"
VC_V1 = "https://www.w3.org/2018/credentials/v1"
_OB_CONTEXT = re.compile(
    r"^https://(purl\.imsglobal\.org/spec/ob/v3p0/context(-3\.0\.\d+)?\.json"
    r"|imsglobal\.github\.io/openbadges-specification/context\.json)$"
)
_CLR_CONTEXT = re.compile(
    r"^https://(purl\.imsglobal\.org/spec/clr/v2p0/context(-2\.0\.\d+)?\.json"
    r"|dc\.imsglobal\.org/draft/clr/v2p0/context)$"
)
OB_TYPES = {"OpenBadgeCredential", "AchievementCredential"}
CLR_TYPE = "ClrCredential"
_B58 = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz"
_ED25519_MULTICODEC = b"\xed\x01"

# Where a typed object may sit (a path of property names from the credential; "*" is each
# entry of a list) and the type it must declare.
_TYPED: list[tuple[tuple[str, ...], str]] = [
    (("issuer",), "Profile"),
    (("issuer", "parentOrg"), "Profile"),
    (("issuer", "otherIdentifier", "*"), "IdentifierEntry"),
    (("credentialSubject", "identifier", "*"), "IdentityObject"),
    (("credentialSubject", "source"), "Profile"),
    (("credentialSubject", "result", "*"), "Result"),
    (("credentialSubject", "result", "*", "alignment", "*"), "Alignment"),
    (("credentialSubject", "achievement"), "Achievement"),
    (("credentialSubject", "achievement", "creator"), "Profile"),
    (("credentialSubject", "achievement", "alignment", "*"), "Alignment"),
    (("credentialSubject", "achievement", "resultDescription", "*"), "ResultDescription"),
    (("credentialSubject", "achievement", "resultDescription", "*", "alignment", "*"), "Alignment"),
    (("credentialSubject", "achievement", "*"), "Achievement"),
    (("evidence", "*"), "Evidence"),
]


def types_of(value: object) -> list[str]:
    """An object's ``type``, a string or a list of strings, as a list."""
    if not isinstance(value, dict):
        return []
    declared = value.get("type")
    if isinstance(declared, str):
        return [declared]
    if isinstance(declared, list):
        return [t for t in declared if isinstance(t, str)]
    return []


def _at(value: object, path: tuple[str, ...]) -> list[tuple[str, object]]:
    """Every value found along ``path``, with a readable location."""
    found: list[tuple[str, object]] = [("", value)]
    for step in path:
        deeper: list[tuple[str, object]] = []
        for where, each in found:
            if step == "*":
                if isinstance(each, list):
                    deeper += [(f"{where}[{i}]", item) for i, item in enumerate(each)]
            elif isinstance(each, dict) and step in each:
                deeper.append((f"{where}.{step}" if where else step, each[step]))
        found = deeper
    return found


def _typed_problems(credential: dict) -> list[str]:
    problems = []
    for path, expected in _TYPED:
        for where, value in _at(credential, path):
            if path[-1] == "achievement" and isinstance(value, list):
                continue  # a CLR subject lists achievements (checked one by one below)
            if isinstance(value, str) and expected == "Profile" and path == ("issuer",):
                continue  # an issuer may be named by its URI alone
            if expected not in types_of(value):
                problems.append(
                    f"{where} must have type {expected}, not {types_of(value) or 'none'}."
                )
    return problems


def _parse_moment(text: object) -> datetime | None:
    if not isinstance(text, str):
        return None
    try:
        moment = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        return None
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def _context_problems(credential: dict, kind: str) -> list[str]:
    context = credential.get("@context")
    if not isinstance(context, list) or not context:
        return ["@context must be a list of contexts."]
    if context[0] not in (VC_V2, VC_V1):
        return [f"@context must start with the Verifiable Credentials context {VC_V2}."]
    urls = [c for c in context if isinstance(c, str)]
    problems = []
    if kind != CLR_TYPE and not any(_OB_CONTEXT.match(url) for url in urls):
        problems.append("@context must include the Open Badges 3.0 context.")
    if kind == CLR_TYPE and not any(_CLR_CONTEXT.match(url) for url in urls):
        problems.append("@context must include the CLR 2.0 context.")
    return problems


def _window_problems(credential: dict, now: datetime) -> list[str]:
    v1 = credential.get("@context", [None])[0] == VC_V1
    start_field, end_field = (
        ("issuanceDate", "expirationDate") if v1 else ("validFrom", "validUntil")
    )
    start = _parse_moment(credential.get(start_field))
    if start is None:
        return [f"{start_field} is missing or not a date and time."]
    if start > now:
        return [f"The credential is not valid yet: {start_field} is {credential[start_field]}."]
    if end_field in credential:
        end = _parse_moment(credential[end_field])
        if end is None:
            return [f"{end_field} is not a date and time."]
        if end <= now:
            return [f"The credential has expired: {end_field} was {credential[end_field]}."]
    return []


def _subject_problems(credential: dict, kind: str) -> list[str]:
    subject = credential.get("credentialSubject")
    if not isinstance(subject, dict):
        return ["credentialSubject is missing."]
    expected = "ClrSubject" if kind == CLR_TYPE else "AchievementSubject"
    problems = []
    if expected not in types_of(subject):
        problems.append(
            f"credentialSubject must have type {expected}, not {types_of(subject) or 'none'}."
        )
    if "id" not in subject and "identifier" not in subject:
        problems.append("credentialSubject needs an id or an identifier.")
    if kind == CLR_TYPE:
        if not isinstance(subject.get("verifiableCredential"), list):
            problems.append("credentialSubject.verifiableCredential must list the credentials.")
    elif not isinstance(subject.get("achievement"), dict):
        problems.append("credentialSubject.achievement is missing.")
    else:
        for required in ("id", "name", "criteria"):
            if required not in subject["achievement"]:
                problems.append(f"credentialSubject.achievement.{required} is missing.")
    return problems


def b58decode(text: str) -> bytes:
    number = 0
    for char in text:
        position = _B58.find(char)
        if position < 0:
            raise ValueError(f"{char!r} is not a base58 character")
        number = number * 58 + position
    raw = number.to_bytes((number.bit_length() + 7) // 8, "big")
    return b"\0" * (len(text) - len(text.lstrip("1"))) + raw


def _ed25519_multikey(text: str) -> bool:
    if not text.startswith("z6Mk"):
        return False
    try:
        raw = b58decode(text[1:])
    except ValueError:
        return False
    return raw[:2] == _ED25519_MULTICODEC and len(raw) == 34


def verification_method_problem(method: object) -> str | None:
    """Why a Data Integrity proof's ``verificationMethod`` cannot name an Ed25519 key:
    it must be a did:key or did:web, or an http(s) URL whose fragment is the multikey."""
    if not isinstance(method, str) or ":" not in method:
        return f"The proof's verification method {method!r} has no URI scheme."
    scheme, rest = method.split(":", 1)
    if scheme == "did":
        did_method = rest.split(":", 1)[0]
        if did_method not in ("key", "web"):
            return f"The proof's verification method uses an unknown DID method: did:{did_method}."
        if did_method == "key" and not _ed25519_multikey(rest.split(":", 1)[1].split("#")[0]):
            return "The proof's did:key is not an Ed25519 multikey."
        return None
    if scheme not in ("http", "https"):
        return f"The proof's verification method has an unknown URI scheme: {scheme}."
    fragment = method.partition("#")[2]
    if fragment.startswith("z") and not _ed25519_multikey(fragment):
        return f"The proof's verification method key {fragment} is not an Ed25519 multikey."
    return None


def _proof_problems(credential: dict) -> list[str]:
    proofs = credential.get("proof", [])
    proofs = proofs if isinstance(proofs, list) else [proofs]
    problems = []
    for proof in proofs:
        if isinstance(proof, dict) and "verificationMethod" in proof:
            problem = verification_method_problem(proof["verificationMethod"])
            if problem:
                problems.append(problem)
    return problems


def credential_kind(credential: dict) -> str | None:
    declared = types_of(credential)
    if CLR_TYPE in declared:
        return CLR_TYPE
    return next((t for t in declared if t in OB_TYPES), None)


def structure_problems(credential: object, *, now: datetime) -> list[str]:
    """What is wrong with an OpenBadgeCredential's or ClrCredential's shape (empty: none)."""
    if not isinstance(credential, dict):
        return ["A credential must be a JSON object."]
    kind = credential_kind(credential)
    if "VerifiableCredential" not in types_of(credential) or kind is None:
        return [
            "type must include VerifiableCredential and OpenBadgeCredential "
            f"(or AchievementCredential, or ClrCredential), not {types_of(credential) or 'none'}."
        ]
    checks: list[Callable[[], list[str]]] = [
        lambda: _context_problems(credential, kind),
        lambda: [] if "issuer" in credential else ["issuer is missing."],
        lambda: [] if credential.get("name") else ["name is missing."],
        lambda: _window_problems(credential, now),
        lambda: _subject_problems(credential, kind),
        lambda: _typed_problems(credential),
        lambda: _proof_problems(credential),
    ]
    return [problem for check in checks for problem in check()]
