"""Which stored URIs are safe to keep, link and serve back: http, https and CASE's URN forms.

CASE's forms are ``urn:<nid>:…`` and OpenSALT's ``local:<identifier>`` for a node of the
same package (published packages such as Smarter Balanced's use it on association ends);
neither is something a browser runs, and only http(s) is ever rendered as a link.

CASE packages come from third-party publishers and every URI in them ends up in an
``href`` or in our own CASE API. A browser runs ``javascript:`` (and ``data:``,
``vbscript:``) links, and it forgives a lot before it reads a scheme: leading spaces and
control characters, tabs or newlines inside the scheme, backslashes for slashes. So this
is an allow-list, not a deny-list, and it refuses anything a browser would read
differently from us: any whitespace or control character, any backslash, a scheme
spelt with entities or percent-escapes (it then has no scheme at all), ``//host``
without a scheme, and user names in the authority.
"""

import re
import unicodedata
from typing import Any

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

WEB_SCHEMES = frozenset({"http", "https"})
MAX_LENGTH = 2000

_SCHEME = re.compile(r"([A-Za-z][A-Za-z0-9+.\-]*):(.+)", re.DOTALL)
# RFC 8141: urn:<NID>:<NSS>, the NID 2-32 letters, digits or hyphens.
_URN_REST = re.compile(r"[A-Za-z0-9][A-Za-z0-9\-]{0,30}[A-Za-z0-9]:.+", re.DOTALL)
_LOCAL_REST = re.compile(r"[A-Za-z0-9][A-Za-z0-9._~:\-]*")
# Unicode categories a browser may strip or treat as a separator: controls, format
# characters (zero-width joiners, bidi marks), unassigned, and every kind of space.
_INVISIBLE = ("C", "Z")
# The same for ASCII (quick, as most addresses are ASCII), plus the backslash.
_ASCII_TRICK = re.compile(r"[\x00-\x20\x7f\\]")
# //host or //[IPv6], then an optional port, then the path, query or fragment (or nothing).
_AUTHORITY = re.compile(r"//(?:[^\[\]/?#@:]+|\[[0-9A-Fa-f:.]+\])(?::(?P<port>\d{1,5}))?(?:[/?#]|$)")
_MAX_PORT = 65535


def is_safe_uri(value: object) -> bool:
    """True for an absolute http(s) URL with a host, a ``urn:<nid>:…`` or a
    ``local:<identifier>``; False otherwise."""
    if not isinstance(value, str) or not value or len(value) > MAX_LENGTH:
        return False
    if _ASCII_TRICK.search(value) or (
        not value.isascii() and any(unicodedata.category(char)[0] in _INVISIBLE for char in value)
    ):
        return False
    match = _SCHEME.fullmatch(value)
    if match is None:
        return False
    scheme, rest = match[1].lower(), match[2]
    if scheme == "urn":
        return bool(_URN_REST.fullmatch(rest))
    if scheme == "local":
        return bool(_LOCAL_REST.fullmatch(rest))
    return scheme in WEB_SCHEMES and _has_plain_host(rest)


def is_web_url(value: object) -> bool:
    """A safe URI a browser can follow (http or https): the only ones we render as links."""
    return is_safe_uri(value) and str(value).split(":", 1)[0].lower() in WEB_SCHEMES


def _has_plain_host(rest: str) -> bool:
    """``rest`` (after ``http:``) is ``//host[:port]…`` with no user name and a real port."""
    authority = _AUTHORITY.match(rest)
    if authority is None:
        return False
    port = authority["port"]
    return not port or int(port) <= _MAX_PORT


def validate_safe_uri(value: str) -> None:
    """Django validator: refuse any URI that is not http, https or one of CASE's forms."""
    if not is_safe_uri(value):
        raise ValidationError(
            _(
                "Only http://, https://, urn: and local: addresses are allowed; "
                "%(value)s is not one."
            ),
            code="unsafe_uri",
            params={"value": repr(value[:100])},
        )


def is_uri_key(key: object) -> bool:
    """A JSON key that holds an address: ``uri``, ``url`` or one ending in URI/URL (CASE's)."""
    return isinstance(key, str) and (
        key.lower() in {"uri", "url"} or key.endswith(("URI", "URL", "Uri", "Url"))
    )


def unsafe_uris(data: Any) -> list[tuple[tuple[str | int, ...], str]]:
    """Every (path, value) in a JSON-like structure where a URI key holds an unsafe string,
    in document order. A loop, not recursion: a package may nest deeply."""
    found = []
    stack: list[tuple[tuple[str | int, ...], Any]] = [((), data)]
    while stack:
        path, node = stack.pop()
        children: list[tuple[str | int, Any]] = []
        if isinstance(node, dict):
            for key, value in node.items():
                if isinstance(value, str):
                    if value and is_uri_key(key) and not is_safe_uri(value):
                        found.append(((*path, key), value))
                elif isinstance(value, dict | list):
                    children.append((key, value))
        elif isinstance(node, list):
            children = [
                (i, value) for i, value in enumerate(node) if isinstance(value, dict | list)
            ]
        stack.extend(((*path, key), value) for key, value in reversed(children))
    return found


def without_unsafe_uris(data: Any) -> Any:
    """A copy of a JSON-like structure with every unsafe URI value left out (for export).

    The key goes with its value: an absent ``uri`` is honest, a blanked one looks valid.
    """
    if isinstance(data, dict):
        return {
            key: without_unsafe_uris(value)
            for key, value in data.items()
            if not (isinstance(value, str) and value and is_uri_key(key) and not is_safe_uri(value))
        }
    if isinstance(data, list):
        return [without_unsafe_uris(value) for value in data]
    return data
