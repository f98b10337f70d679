"""A real OpenID Connect provider (tests/sso_provider, django-oauth-toolkit) in a second
process, started once per test session, and the redirect dance through it: the provider's
"browser" is a ``requests`` session, Continuum's is Django's test client, and allauth itself
fetches the provider's discovery document, keys, token and userinfo over HTTP."""

import subprocess
import sys
from dataclasses import dataclass
from urllib.parse import urlsplit

import pytest
import requests
from django.conf import settings
from django.urls import reverse

from continuum.sso.models import ProviderKind, SignInProvider
from continuum.sso.services import provider_save


@dataclass(frozen=True)
class Provider:
    base: str

    @property
    def issuer(self) -> str:
        return f"{self.base}/o"


@pytest.fixture(scope="session")
def oidc_provider():
    process = subprocess.Popen(
        [sys.executable, "-m", "tests.sso_provider"],
        cwd=settings.BASE_DIR,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        line = process.stdout.readline() if process.stdout else ""
        if not line.startswith("PORT "):
            pytest.fail(f"the test OpenID Connect provider did not start: {line!r}")
        yield Provider(base=f"http://127.0.0.1:{int(line.split()[1])}")
    finally:
        process.terminate()
        process.wait(timeout=10)


@pytest.fixture
def clever(world, oidc_provider) -> SignInProvider:
    """Riverside's "Clever" sign-in, pointed at the test provider."""
    from tests.sso_provider.__main__ import CLIENT_ID, CLIENT_SECRET

    row = SignInProvider(
        district=world["district"],
        kind=ProviderKind.CLEVER,
        key="clever-test",
        label="Clever",
        client_id=CLIENT_ID,
        server_url=oidc_provider.issuer,
    )
    return provider_save(provider=row, secret=CLIENT_SECRET)


@pytest.fixture
def sso_sign_in(client, oidc_provider):
    """``sso_sign_in(row, username=, email=, verified=)``: press the sign-in button, sign in
    at the provider as that person, follow the redirect back; Continuum's last response."""

    def dance(row: SignInProvider, *, username: str, email: str = "", verified: bool = True):
        browser = requests.Session()
        params = {"email": email, "verified": "1" if verified else "0"}
        browser.get(f"{oidc_provider.base}/as/{username}/", params=params, timeout=30)
        started = client.post(reverse("sso_start", args=[row.pk]))
        assert started.status_code == 302, started
        authorized = browser.get(started["Location"], allow_redirects=False, timeout=30)
        assert authorized.status_code == 302, authorized.text[:500]
        back = urlsplit(authorized.headers["Location"])
        assert back.netloc == "testserver", back
        return client.get(f"{back.path}?{back.query}")

    return dance


@pytest.fixture(autouse=True)
def _fresh_cache():
    """allauth remembers used codes and rate limits in the cache, keyed by user id (which
    SQLite reuses from one test to the next)."""
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()
