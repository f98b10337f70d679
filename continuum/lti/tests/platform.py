"""An LTI 1.3 platform implemented in the tests: its own RSA key, a JWKS, signed id_tokens,
and the service endpoints (OAuth 2 token, NRPS memberships, AGS line items and scores).

The tool reaches the platform through ``requests``; ``serve`` patches ``requests.Session``
so those calls are answered by this object, which checks what the tool sends (the client
assertion is verified against the tool's published /lti/jwks.json) and keeps a record.
"""

import functools
import json
import time
import uuid
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import parse_qs, urlparse

import requests
from joserfc import jwt
from joserfc.jwk import KeySet, RSAKey
from jwcrypto.jwk import JWK
from lti_tool.models import Key

LTI = "https://purl.imsglobal.org/spec/lti/claim/"
ISSUER = "https://lms.example.edu"
CLIENT_ID = "continuum-tool-1"
DEPLOYMENT = "deployment-1"
LAUNCH_URL = "http://testserver/lti/launch/"
MEMBERSHIPS = f"{ISSUER}/api/lti/courses/7/names_and_roles"
LINEITEMS = f"{ISSUER}/api/lti/courses/7/line_items"
AGS_SCOPES = [
    "https://purl.imsglobal.org/spec/lti-ags/scope/lineitem",
    "https://purl.imsglobal.org/spec/lti-ags/scope/score",
]
INSTRUCTOR = "http://purl.imsglobal.org/vocab/lis/v2/membership#Instructor"
LEARNER = "http://purl.imsglobal.org/vocab/lis/v2/membership#Learner"


@functools.cache
def _private_key(name: str) -> dict:
    return RSAKey.generate_key(2048).as_dict(private=True)


def rsa_key(name: str, kid: str) -> RSAKey:
    """An RSA key with this ``kid``, generated once per ``name`` for the whole test run
    (2048-bit generation takes half a second)."""
    return RSAKey.import_key({**_private_key(name), "kid": kid})


@functools.cache
def _tool_jwk() -> JWK:
    return JWK.generate(kty="RSA", size=2048)


def tool_key_create() -> Key:
    """The tool's signing key, generated once for the whole run."""
    return Key.objects.create_from_jwk(_tool_jwk())


@dataclass
class Platform:
    issuer: str = ISSUER
    client_id: str = CLIENT_ID
    key: RSAKey = field(default_factory=lambda: rsa_key("platform", "lms-key-1"))
    members: list[dict] = field(default_factory=list)
    tool_jwks: dict | None = None  # the tool's /lti/jwks.json, set by the tests
    registered: Any = None  # the Platform Continuum registered for it, set by the tests
    token_requests: list[dict] = field(default_factory=list)
    line_items: list[dict] = field(default_factory=list)
    scores: list[tuple[str, dict]] = field(default_factory=list)
    member_requests: int = 0
    refuse_tokens: bool = False  # answer the token grant with 401 (a revoked developer key)

    @property
    def details(self) -> dict:
        return {
            "name": "Canvas",
            "issuer": self.issuer,
            "client_id": self.client_id,
            "deployment_ids": DEPLOYMENT,
            "auth_url": f"{self.issuer}/api/lti/authorize_redirect",
            "token_url": f"{self.issuer}/login/oauth2/token",
            "keyset_url": f"{self.issuer}/api/lti/security/jwks",
            "frame_origin": "https://riverside.lms.example.edu",
            "grade_passback": "off",
        }

    def jwks(self) -> dict:
        return {"keys": [{**self.key.as_dict(private=False), "alg": "RS256", "use": "sig"}]}

    def id_token(self, nonce: str, sub: str, **overrides) -> str:
        """A launch's id_token, signed with the platform's key (or ``signing_key``)."""
        signing_key = overrides.pop("signing_key", self.key)
        now = int(time.time())
        claims = {
            "iss": self.issuer,
            "aud": self.client_id,
            "sub": sub,
            "iat": now,
            "exp": now + 300,
            "nonce": nonce,
            LTI + "message_type": "LtiResourceLinkRequest",
            LTI + "version": "1.3.0",
            LTI + "deployment_id": DEPLOYMENT,
            LTI + "target_link_uri": LAUNCH_URL,
            LTI + "roles": [LEARNER],
            LTI + "resource_link": {"id": "link-1", "title": "Continuum"},
            LTI + "context": {"id": "course-7", "label": "MATH6A", "title": "Math 6A (Canvas)"},
            "https://purl.imsglobal.org/spec/lti-nrps/claim/namesroleservice": {
                "context_memberships_url": MEMBERSHIPS,
                "service_versions": ["2.0"],
            },
            "https://purl.imsglobal.org/spec/lti-ags/claim/endpoint": {
                "scope": AGS_SCOPES,
                "lineitems": LINEITEMS,
            },
        }
        claims.update(overrides)
        claims = {k: v for k, v in claims.items() if v is not None}
        header = {"alg": "RS256", "kid": signing_key.kid, "typ": "JWT"}
        return jwt.encode(header, claims, signing_key)

    # --- the platform's HTTP endpoints -------------------------------------------------

    def answer(self, method: str, url: str, **kwargs) -> requests.Response:
        path = url.split("?")[0]
        if method == "GET" and path == self.details["keyset_url"]:
            return _json(self.jwks())
        if method == "POST" and path == self.details["token_url"]:
            return self._token(kwargs.get("data") or {})
        if not self._authorized(kwargs.get("headers") or {}):
            return _json({"error": "no valid bearer token"}, 401)
        if method == "GET" and path == MEMBERSHIPS:
            self.member_requests += 1
            return _json(
                {"id": MEMBERSHIPS, "context": {"id": "course-7"}, "members": self.members}
            )
        if method == "GET" and path == LINEITEMS:
            return _json(self.line_items)
        if method == "POST" and path == LINEITEMS:
            item = {**json.loads(kwargs["data"]), "id": f"{LINEITEMS}/{len(self.line_items) + 1}"}
            self.line_items.append(item)
            return _json(item, 201)
        if method == "POST" and path.endswith("/scores"):
            self.scores.append((path.removesuffix("/scores"), json.loads(kwargs["data"])))
            return _json({}, 200)
        return _json({"error": f"no route {method} {url}"}, 404)

    def _token(self, form: dict) -> requests.Response:
        if self.refuse_tokens:
            return _json({"error": "invalid_client"}, 401)
        assertion = form.get("client_assertion", "")
        keys = KeySet.import_key_set(self.tool_jwks or {"keys": []})  # type: ignore[arg-type]
        token = jwt.decode(assertion, keys, algorithms=["RS256"])  # raises if not the tool's
        claims = token.claims
        assert claims["iss"] == claims["sub"] == self.client_id
        assert claims["aud"] == self.details["token_url"]
        assert claims["exp"] > time.time()
        assert form["grant_type"] == "client_credentials"
        assert (
            form["client_assertion_type"]
            == "urn:ietf:params:oauth:client-assertion-type:jwt-bearer"
        )
        self.token_requests.append({"scope": form["scope"], "kid": token.header["kid"]})
        return _json(
            {
                "access_token": "token-" + uuid.uuid4().hex,
                "token_type": "Bearer",
                "expires_in": 3600,
            }
        )

    def _authorized(self, headers: dict) -> bool:
        return headers.get("Authorization", "").startswith("Bearer token-")


def _json(body, status: int = 200) -> requests.Response:
    response = requests.Response()
    response.status_code = status
    response._content = json.dumps(body).encode()
    response.headers["Content-Type"] = "application/json"
    response.url = ""
    return response


def serve(monkeypatch, platform: Platform) -> None:
    """Answer the tool's HTTP calls to the platform from ``platform``."""

    def request(session, method, url, **kwargs):
        return platform.answer(method.upper(), url, **kwargs)

    monkeypatch.setattr(requests.Session, "request", request)


def oidc_login(client, platform: Platform, login_hint: str = "hint", **extra):
    """Third-party initiated login; returns the response and the authorization request's
    parameters (state, nonce, redirect_uri...)."""
    response = client.get(
        "/lti/login/",
        {
            "iss": platform.issuer,
            "login_hint": login_hint,
            "target_link_uri": LAUNCH_URL,
            "client_id": platform.client_id,
            "lti_message_hint": "message-hint",
            **extra,
        },
    )
    params = {k: v[0] for k, v in parse_qs(urlparse(response.get("Location", "")).query).items()}
    return response, params


def launch(client, platform: Platform, sub: str, **claims):
    """Login, then the id_token POST the platform's authorization endpoint would make."""
    _login, params = oidc_login(client, platform)
    token = platform.id_token(params["nonce"], sub, **claims)
    return client.post("/lti/launch/", {"id_token": token, "state": params["state"]})
