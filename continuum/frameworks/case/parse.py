"""Bytes from a file, an upload or a URL → a list of CFPackages (a file may hold an array).

Fetching a URL is server-side request forgery waiting to happen: whoever types the URL
chooses where the server connects. So a URL is fetched only from a public address
(after DNS resolution, connecting to the very address that was checked, so a name
cannot resolve to something else a moment later), on port 80 or 443, with every
redirect checked the same way, a size cap and an overall deadline. Hosts named in
``CONTINUUM_CASE_FETCH_ALLOW_HOSTS`` (an on-premises publisher) skip the address and
port checks. Errors say what failed, never what the server answered.
"""

import http.client
import ipaddress
import json
import re
import socket
import ssl
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urljoin, urlsplit

from django.conf import settings

from continuum.frameworks.case.validate import CaseError, Problem
from continuum.lib.text import REASON as NUL_REASON
from continuum.lib.text import nul_path

_WEB = re.compile(r"^https?://", re.IGNORECASE)
URL_TIMEOUT_S = 60
MAX_REDIRECTS = 5
_DEFAULT_PORTS = {"http": 80, "https": 443}
_REDIRECTS = {301, 302, 303, 307, 308}
_CHUNK = 64 * 1024
_NAT64 = ipaddress.ip_network("64:ff9b::/96")


def is_url(source: str) -> bool:
    return bool(_WEB.match(source))


def read_source(source: str, *, limit: int, allow_files: bool = True) -> bytes:
    """The bytes at an http(s) URL or, when ``allow_files``, a local path.

    The web UI passes ``allow_files=False`` so that a URL field can never read the
    server's own files (``file://`` or a path).
    """
    if is_url(source):
        data = fetch(source, limit=limit)
    elif allow_files:
        try:
            data = Path(source).read_bytes()
        except OSError as error:
            raise CaseError([Problem("", f"could not read {source}: {error.strerror}")]) from error
    else:
        raise CaseError([Problem("", "only http:// and https:// URLs can be imported")])
    if len(data) > limit:
        raise CaseError([Problem("", f"larger than the {limit:,}-byte limit")])
    return data


def resolve(host: str, port: int) -> list[str]:
    """Every address ``host`` resolves to (tests replace this: they have no DNS)."""
    return [str(info[4][0]) for info in socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)]


def is_public_address(address: str) -> bool:
    """False for loopback, private, link-local (cloud metadata), CGNAT, multicast, reserved
    and unspecified addresses, IPv4 or IPv6, including IPv4 inside IPv6."""
    ip = ipaddress.ip_address(address.split("%", 1)[0])
    if isinstance(ip, ipaddress.IPv6Address):
        embedded = ip.ipv4_mapped or ip.sixtofour
        if embedded is None and ip in _NAT64:
            embedded = ipaddress.IPv4Address(int(ip) & 0xFFFFFFFF)
        if embedded is not None:
            return is_public_address(str(embedded))
        if ip.is_site_local:
            return False
    return ip.is_global and not (ip.is_multicast or ip.is_reserved or ip.is_unspecified)


@dataclass(frozen=True)
class _Target:
    https: bool
    host: str
    port: int
    address: str
    path: str


def fetch(url: str, *, limit: int) -> bytes:
    """The body of a 200 answer at ``url``, at most ``limit + 1`` bytes (the caller caps)."""
    deadline = time.monotonic() + URL_TIMEOUT_S
    for _ in range(MAX_REDIRECTS + 1):
        target = _vetted(url)
        status, location, body = _get(target, limit=limit, deadline=deadline)
        if status in _REDIRECTS and location:
            url = urljoin(url, location)
            continue
        if status != 200:
            raise _failed(f"the server answered HTTP {status}")
        return body
    raise _failed(f"more than {MAX_REDIRECTS} redirects")


def _failed(reason: str) -> CaseError:
    return CaseError([Problem("", f"could not fetch the package: {reason}")])


def _vetted(url: str) -> _Target:
    """Where ``url`` may be fetched from, or ``CaseError`` saying why not (no connection made)."""
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError as error:
        raise _failed("that is not a valid address") from error
    scheme, host = parts.scheme.lower(), (parts.hostname or "").rstrip(".")
    if scheme not in _DEFAULT_PORTS:
        raise _failed("only http:// and https:// addresses can be fetched")
    if not host or parts.username is not None:
        raise _failed("the address needs a host name and no user name")
    port = port or _DEFAULT_PORTS[scheme]
    trusted = host in {
        name.lower().rstrip(".") for name in settings.CONTINUUM_CASE_FETCH_ALLOW_HOSTS
    }
    if not trusted and port not in _DEFAULT_PORTS.values():
        raise _failed(f"only ports 80 and 443 can be fetched, not {port}")
    addresses = _addresses(host, port)
    if not trusted and not all(is_public_address(address) for address in addresses):
        raise _failed("that address is on a private network and cannot be fetched")
    path = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
    return _Target(scheme == "https", host, port, addresses[0], path)


def _addresses(host: str, port: int) -> list[str]:
    try:
        return [str(ipaddress.ip_address(host))]
    except ValueError:
        pass
    try:
        addresses = resolve(host, port)
    except (OSError, UnicodeError) as error:
        raise _failed(f"the name {host} could not be resolved") from error
    if not addresses:
        raise _failed(f"the name {host} could not be resolved")
    return addresses


class _PinnedHTTPConnection(http.client.HTTPConnection):
    """Connects to the vetted address, whatever the host name resolves to by now."""

    address = ""

    def connect(self) -> None:
        self.sock = socket.create_connection((self.address, self.port), self.timeout)


class _PinnedHTTPSConnection(http.client.HTTPSConnection, _PinnedHTTPConnection):
    """TLS over the pinned socket, verifying the certificate for the host name (SNI too)."""


def _get(target: _Target, *, limit: int, deadline: float) -> tuple[int, str, bytes]:
    remaining = max(deadline - time.monotonic(), 0.1)
    connection: _PinnedHTTPConnection
    if target.https:
        context = ssl.create_default_context()
        connection = _PinnedHTTPSConnection(
            target.host, target.port, timeout=remaining, context=context
        )
    else:
        connection = _PinnedHTTPConnection(target.host, target.port, timeout=remaining)
    connection.address = target.address
    headers = {"Accept": "application/json", "User-Agent": "Continuum CASE import"}
    try:
        connection.request("GET", target.path, headers=headers)
        response = connection.getresponse()
        if response.status in _REDIRECTS:
            return response.status, response.getheader("Location", ""), b""
        if response.status != 200:
            return response.status, "", b""
        return 200, "", _read(response, limit=limit, deadline=deadline)
    except TimeoutError as error:
        raise _failed(f"{target.host} did not answer within {URL_TIMEOUT_S} seconds") from error
    except ssl.SSLError as error:
        raise _failed(f"the secure connection to {target.host} failed") from error
    except http.client.HTTPException as error:
        raise _failed(f"{target.host} did not answer in HTTP") from error
    except OSError as error:
        raise _failed(f"could not connect to {target.host}") from error
    finally:
        connection.close()


def _read(response: http.client.HTTPResponse, *, limit: int, deadline: float) -> bytes:
    """Up to ``limit + 1`` bytes, stopping at the deadline even if the server trickles."""
    data = bytearray()
    while len(data) <= limit:
        if time.monotonic() > deadline:
            raise TimeoutError
        chunk = response.read(min(_CHUNK, limit + 1 - len(data)))
        if not chunk:
            break
        data += chunk
    return bytes(data)


def parse_packages(data: bytes) -> tuple[list[Any], bool]:
    """The packages and whether the JSON held an array of them."""
    try:
        document = json.loads(data.decode("utf-8-sig"))
    except UnicodeDecodeError as error:
        raise CaseError([Problem("", f"not UTF-8 text: {error.reason}")]) from error
    except json.JSONDecodeError as error:
        where = f"line {error.lineno} column {error.colno}"
        raise CaseError([Problem("", f"not valid JSON ({error.msg} at {where})")]) from error
    if (path := nul_path(document)) is not None:
        raise CaseError([Problem(path, NUL_REASON)])
    if isinstance(document, list):
        if not document:
            raise CaseError([Problem("", "an empty array holds no packages")])
        return document, True
    return [document], False
