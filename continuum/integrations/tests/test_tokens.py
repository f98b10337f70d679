"""API tokens: shown once, stored as a digest, revocable, staff only."""

import hashlib

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from continuum.integrations.models import ApiToken
from continuum.integrations.services.tokens import (
    api_token_create,
    api_token_revoke,
    api_token_user,
)


def test_a_token_is_stored_only_as_its_sha256_digest(world):
    token, secret = api_token_create(user=world["erin"], name="Quiz app")
    assert secret.startswith("ctm_")
    assert len(secret) > 40
    assert token.digest == hashlib.sha256(secret.encode()).hexdigest()
    assert token.prefix == secret[:12]
    assert secret not in str(ApiToken.objects.values().get())
    assert api_token_user(secret=secret) == world["erin"]
    token.refresh_from_db()
    assert token.last_used_at is not None


def test_revoked_unknown_and_inactive_tokens_give_no_user(world):
    token, secret = api_token_create(user=world["erin"], name="Quiz app")
    assert api_token_user(secret="ctm_wrong") is None
    assert api_token_user(secret="something") is None
    world["erin"].is_active = False
    world["erin"].save()
    assert api_token_user(secret=secret) is None
    world["erin"].is_active = True
    world["erin"].save()
    api_token_revoke(token=token, by=world["erin"])
    assert api_token_user(secret=secret) is None


def test_only_staff_create_tokens_and_only_owners_revoke_them(world):
    for name in ("lena", "gabe", "pat"):
        with pytest.raises(PermissionDenied):
            api_token_create(user=world[name], name="x")
    with pytest.raises(ValidationError):
        api_token_create(user=world["erin"], name="  ")
    token, _ = api_token_create(user=world["erin"], name="Quiz app")
    with pytest.raises(PermissionDenied):
        api_token_revoke(token=token, by=world["leo"])


def test_the_token_page_shows_a_new_token_once_and_lists_prefixes(client, world):
    client.force_login(world["erin"])
    url = reverse("integrations_tokens")
    page = client.post(url, {"name": "Quiz app"})
    token = ApiToken.objects.get()
    secret = page.context["secret"]
    assert secret.encode() in page.content
    again = client.get(url)
    assert secret.encode() not in again.content
    assert token.prefix.encode() in again.content
    assert b"Quiz app" in again.content
    assert b"never" in again.content


def test_revoking_from_the_page(client, world):
    token, _ = api_token_create(user=world["erin"], name="Quiz app")
    client.force_login(world["leo"])
    url = reverse("integrations_token_revoke", args=[token.pk])
    assert client.post(url).status_code == 404  # someone else's token
    client.force_login(world["erin"])
    assert client.post(url).status_code == 302
    token.refresh_from_db()
    assert token.revoked_at is not None
    assert b"revoked" in client.get(reverse("integrations_tokens")).content
