"""Authentication for the JSON API: an integration's bearer token, or the browser session.

``Authorization: Bearer <token>`` is checked against the stored SHA-256 digests; a revoked
or unknown token is refused with 401 even if the caller also has a session. A browser that
is signed in (the OpenAPI page at /api/v1/docs) may use its session instead; unsafe
methods then need the CSRF token as usual. Without either, every call gets 401 with a
message that says how to authenticate, and changes nothing.
"""

from django.http import HttpRequest
from ninja.errors import HttpError
from ninja.security import HttpBearer, SessionAuth

from continuum.integrations.public import api_token_user
from continuum.people.models import User

NO_CREDENTIALS = (
    "Authentication required: send an API token as 'Authorization: Bearer <token>' "
    "(staff create tokens at /integrations/tokens/), or sign in."
)
BAD_TOKEN = (
    "This API token is not valid or has been revoked; create a new one at /integrations/tokens/."
)


class TokenAuth(HttpBearer):
    def __call__(self, request: HttpRequest) -> User | None:
        header = request.headers.get(self.header, "")
        if header and not header.lower().startswith("bearer "):
            raise HttpError(401, "Use 'Authorization: Bearer <token>'.")
        return super().__call__(request)

    def authenticate(self, request: HttpRequest, token: str) -> User:
        user = api_token_user(secret=token.strip())
        if user is None:
            raise HttpError(401, BAD_TOKEN)
        request.user = user  # the token acts as its owner, with exactly their permissions
        return user


class SignedInSession(SessionAuth):
    """The Django session, checked last; no session at all is a 401 that explains itself."""

    def __call__(self, request: HttpRequest) -> User | None:
        if not request.user.is_authenticated:
            raise HttpError(401, NO_CREDENTIALS)
        return super().__call__(request)


token_or_session = [TokenAuth(), SignedInSession()]
