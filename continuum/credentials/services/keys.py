"""A district's signing keys: create or rotate one, sign with the active one.

Keys are Ed25519 (JOSE ``EdDSA``). The private key is generated here and stored only as an
encrypted PKCS#8 PEM in the database, under the passphrase
``settings.CONTINUUM_CREDENTIAL_KEY_SECRET``; it is decrypted in memory to sign and never
served, exported or logged. Rotation retires the active key (it stays published so what it
signed still verifies) and makes a new one.
"""

import json
import warnings

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from joserfc import jws
from joserfc.jwk import OKPKey

from continuum.credentials.models import IssuerKey
from continuum.people.models import Organization, User

ALGORITHM = "EdDSA"
# RFC 9864 prefers the name "Ed25519", but Open Badges verifiers in the field know
# "EdDSA"; we sign with the name they accept and verify both.
ACCEPTED_ALGORITHMS = ["EdDSA", "Ed25519"]


def _passphrase() -> str:
    return settings.CONTINUUM_CREDENTIAL_KEY_SECRET


@transaction.atomic
def issuer_key_rotate(*, district: Organization, by: User | None = None) -> IssuerKey:
    """Retire the district's active key (if any) and make a new one."""
    district = district.district
    now = timezone.now()
    IssuerKey.objects.select_for_update().filter(district=district, retired_at=None).update(
        retired_at=now
    )
    key = OKPKey.generate_key("Ed25519")
    return IssuerKey.objects.create(
        district=district,
        kid=key.thumbprint(),
        public_jwk={**key.as_dict(private=False), "alg": ALGORITHM, "use": "sig"},
        private_pem=key.as_pem(private=True, password=_passphrase()).decode(),
        created_at=now,
        created_by=by,
    )


def issuer_key_active(*, district: Organization) -> IssuerKey:
    """The district's signing key, made on first use (so a district issues without setup)."""
    district = district.district
    found = IssuerKey.objects.filter(district=district, retired_at=None).first()
    return found or issuer_key_rotate(district=district)


def _private(key: IssuerKey) -> OKPKey:
    return OKPKey.import_key(key.private_pem.encode(), password=_passphrase())


def public_key(key: IssuerKey) -> OKPKey:
    return OKPKey.import_key({k: v for k, v in key.public_jwk.items() if k in ("kty", "crv", "x")})


def payload_sign(*, key: IssuerKey, payload: dict, key_url: str) -> str:
    """A compact JWS (VC-JWT) of ``payload``, its header naming the key by URL#thumbprint."""
    header = {"alg": ALGORITHM, "typ": "vc+jwt", "kid": f"{key_url}#{key.kid}"}
    body = json.dumps(payload, ensure_ascii=False, separators=(",", ":"))
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", message="EdDSA is deprecated")
        return jws.serialize_compact(header, body, _private(key), algorithms=[ALGORITHM])
