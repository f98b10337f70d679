"""Writes: a district's sign-in settings and providers (secrets encrypted), and the audit of
single sign-ons."""

import base64
import hashlib

from cryptography.fernet import Fernet, InvalidToken
from django.conf import settings
from django.db import transaction

from continuum.people.models import Organization, User
from continuum.sso.models import SignInAttempt, SignInProvider, SignInSettings


def _fernet() -> Fernet:
    """Encrypts provider secrets with a key derived from CONTINUUM_SSO_SECRET_KEY, so a copy
    of the database alone does not give anyone a district's client secrets."""
    digest = hashlib.sha256(b"continuum-sso:" + settings.CONTINUUM_SSO_SECRET_KEY.encode())
    return Fernet(base64.urlsafe_b64encode(digest.digest()))


def secret_encrypt(secret: str) -> str:
    return _fernet().encrypt(secret.encode()).decode()


def secret_decrypt(token: str) -> str:
    """The secret in clear, or "" when it was encrypted under another key (the provider then
    fails at the token exchange and its district re-enters the secret)."""
    try:
        return _fernet().decrypt(token.encode()).decode()
    except InvalidToken:
        return ""


@transaction.atomic
def settings_save(
    *, district: Organization, passwords_enabled: bool, staff_mfa_required: bool
) -> SignInSettings:
    found, _ = SignInSettings.objects.update_or_create(
        district=district,
        defaults={"passwords_enabled": passwords_enabled, "staff_mfa_required": staff_mfa_required},
    )
    return found


@transaction.atomic
def provider_save(*, provider: SignInProvider, secret: str) -> SignInProvider:
    """Saves ``provider`` (new or changed); an empty ``secret`` keeps the one stored."""
    if secret:
        provider.secret_encrypted = secret_encrypt(secret)
    provider.full_clean()
    provider.save()
    return provider


@transaction.atomic
def provider_delete(*, provider: SignInProvider) -> None:
    provider.delete()


def attempt_record(
    *,
    provider: SignInProvider,
    outcome: str,
    subject: str,
    email: str = "",
    person: User | None = None,
) -> SignInAttempt:
    return SignInAttempt.objects.create(
        district=provider.district,
        provider=provider,
        outcome=outcome,
        subject=subject[:255],
        email=email[:254],
        person=person,
    )
