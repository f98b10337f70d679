"""API tokens for integrations: created (shown once), checked, revoked.

Only the SHA-256 digest of a token is stored, so a leaked database does not leak working
tokens. A token acts as the person who created it, with exactly their permissions.
"""

import hashlib
import secrets

from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from continuum.integrations.models import ApiToken
from continuum.people.models import User
from continuum.people.public import is_staff_member

TOKEN_PREFIX = "ctm_"
PREFIX_LENGTH = 12


def token_digest(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()


def api_token_create(*, user: User, name: str) -> tuple[ApiToken, str]:
    """A new token for ``user``; returns the token and its secret (shown once, never kept)."""
    if not is_staff_member(user):
        raise PermissionDenied("Only staff members can create API tokens.")
    name = name.strip()
    if not name:
        raise ValidationError("Give the token a name that says which integration uses it.")
    secret = TOKEN_PREFIX + secrets.token_urlsafe(32)
    token = ApiToken.objects.create(
        user=user, name=name[:100], digest=token_digest(secret), prefix=secret[:PREFIX_LENGTH]
    )
    return token, secret


def api_token_revoke(*, token: ApiToken, by: User) -> ApiToken:
    """Revoke a token for good; only its owner may. Revoking twice changes nothing."""
    if token.user_id != by.pk:
        raise PermissionDenied("You can revoke only your own tokens.")
    if token.revoked_at is None:
        token.revoked_at = timezone.now()
        token.save(update_fields=["revoked_at"])
    return token


def api_token_user(*, secret: str) -> User | None:
    """The active user a valid, unrevoked token belongs to (noting its use), else None."""
    if not secret.startswith(TOKEN_PREFIX):
        return None
    token = (
        ApiToken.objects.select_related("user")
        .filter(digest=token_digest(secret), revoked_at__isnull=True, user__is_active=True)
        .first()
    )
    if token is None:
        return None
    ApiToken.objects.filter(pk=token.pk).update(last_used_at=timezone.now())
    return token.user
