"""CASE import by URL (issue 9, finding 3): no server-side request forgery, no leaked answers.

A local server on 127.0.0.1 stands in for publishers; it is reachable only once the test
names it in CONTINUUM_CASE_FETCH_ALLOW_HOSTS. Outside names never reach DNS: ``resolve``
is replaced, and no test connects anywhere but loopback.
"""

import http.server
import socket
import threading

import pytest

from continuum.frameworks.case import parse
from continuum.frameworks.case.services import case_import_request
from continuum.frameworks.case.validate import CaseError
from continuum.frameworks.models import CaseImportStatus, Framework
from continuum.frameworks.tests.fixtures import FOLDER

SAMPLE = (FOLDER / "case_sample.json").read_bytes()
SECRET = b"SECRET-INTERNAL-ANSWER"
LIMIT = 1_000_000


class _Publisher(http.server.BaseHTTPRequestHandler):
    paths: list[str]

    def do_GET(self) -> None:
        self.paths.append(self.path)
        if self.path == "/package.json":
            self._answer(200, SAMPLE)
        elif self.path == "/moved":
            self._answer(302, b"", location="/package.json")
        elif self.path == "/to-private":
            self._answer(302, b"", location="http://10.0.0.1/latest/meta-data/")
        elif self.path == "/loop":
            self._answer(302, b"", location="/loop")
        elif self.path == "/big":
            self._answer(200, b" " * (LIMIT + 10))
        else:
            self._answer(404, SECRET)

    def _answer(self, status: int, body: bytes, location: str = "") -> None:
        self.send_response(status)
        if location:
            self.send_header("Location", location)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args) -> None:
        pass


@pytest.fixture
def publisher():
    """(base URL, the paths it was asked for)."""
    paths: list[str] = []
    handler = type("Handler", (_Publisher,), {"paths": paths})
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_port}", paths
    server.shutdown()
    server.server_close()


@pytest.fixture
def trusted_loopback(settings):
    settings.CONTINUUM_CASE_FETCH_ALLOW_HOSTS = ["127.0.0.1"]


@pytest.fixture
def no_connections(monkeypatch):
    def refuse(*args, **kwargs):
        raise AssertionError(f"a connection was attempted: {args}")

    monkeypatch.setattr(socket, "create_connection", refuse)


def _refusal(url: str) -> str:
    with pytest.raises(CaseError) as refused:
        parse.read_source(url, limit=LIMIT, allow_files=False)
    return str(refused.value)


def test_a_loopback_server_is_refused_and_never_asked(publisher):
    base, paths = publisher
    assert _refusal(f"{base}/package.json").startswith("could not fetch the package: only ports")
    assert paths == []


def test_a_loopback_address_on_the_web_port_is_refused_with_no_connection(no_connections):
    assert _refusal("http://127.0.0.1/package.json") == (
        "could not fetch the package: that address is on a private network and cannot be fetched"
    )


@pytest.mark.parametrize(
    "url",
    [
        "http://169.254.169.254/latest/meta-data/iam/security-credentials/",
        "http://[fd00:ec2::254]/latest/meta-data/",
        "http://10.0.0.8/",
        "http://172.16.5.4/",
        "http://192.168.1.1/",
        "http://100.64.0.1/",
        "http://0.0.0.0/",
        "http://[::1]/",
        "http://[::ffff:127.0.0.1]/",
        "http://[fe80::1]/",
        "http://224.0.0.1/",
        "http://2130706433/",  # 127.0.0.1 written as one number
    ],
)
def test_private_and_metadata_addresses_are_refused_with_no_connection(no_connections, url):
    assert "private network" in _refusal(url) or "could not be resolved" in _refusal(url)


@pytest.mark.parametrize(
    ("address", "public"),
    [
        ("93.184.216.34", True),
        ("2606:2800:220:1:248:1893:25c8:1946", True),
        ("127.0.0.1", False),
        ("10.1.2.3", False),
        ("172.31.255.255", False),
        ("192.168.0.10", False),
        ("169.254.169.254", False),
        ("100.64.0.1", False),
        ("100.127.255.254", False),
        ("0.0.0.0", False),
        ("224.0.0.251", False),
        ("240.0.0.1", False),
        ("255.255.255.255", False),
        ("::", False),
        ("::1", False),
        ("fc00::1", False),
        ("fd12:3456::1", False),
        ("fe80::1%eth0", False),
        ("fec0::1", False),
        ("ff02::1", False),
        ("::ffff:10.0.0.1", False),
        ("::ffff:93.184.216.34", True),
        ("2002:7f00:1::", False),  # 6to4 around 127.0.0.1
        ("64:ff9b::a9fe:a9fe", False),  # NAT64 around 169.254.169.254
    ],
)
def test_only_public_addresses_are_public(address, public):
    assert parse.is_public_address(address) is public


def test_a_name_that_resolves_to_a_private_address_is_refused(monkeypatch, no_connections):
    monkeypatch.setattr(parse, "resolve", lambda host, port: ["93.184.216.34", "10.0.0.7"])
    assert "private network" in _refusal("https://case.example.org/package.json")


def test_an_unknown_name_is_refused_without_saying_more(monkeypatch, no_connections):
    def fail(host, port):
        raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")

    monkeypatch.setattr(parse, "resolve", fail)
    assert _refusal("https://nowhere.example.org/x") == (
        "could not fetch the package: the name nowhere.example.org could not be resolved"
    )


def test_the_connection_goes_to_the_address_that_was_checked(monkeypatch):
    """No DNS-rebinding window: the name is resolved once and that very address is used."""
    lookups, connections = [], []

    def resolve(host, port):
        lookups.append(host)
        return ["93.184.216.34"]

    def connect(address, *args, **kwargs):
        connections.append(address)
        raise ConnectionRefusedError

    monkeypatch.setattr(parse, "resolve", resolve)
    monkeypatch.setattr(socket, "create_connection", connect)
    assert _refusal("http://case.example.org/package.json") == (
        "could not fetch the package: could not connect to case.example.org"
    )
    assert lookups == ["case.example.org"]
    assert connections == [("93.184.216.34", 80)]


@pytest.mark.parametrize(
    "url",
    [
        "http://case.example.org:8080/package.json",
        "https://case.example.org:22/",
        "ftp://case.example.org/package.json",
        "https://user:secret@case.example.org/",
    ],
)
def test_other_ports_schemes_and_user_names_are_refused_before_any_lookup(monkeypatch, url):
    monkeypatch.setattr(parse, "resolve", lambda host, port: pytest.fail("resolved"))
    with pytest.raises(CaseError):
        parse.fetch(url, limit=LIMIT)


def test_an_allowed_host_is_fetched(publisher, trusted_loopback):
    base, _ = publisher
    assert parse.read_source(f"{base}/package.json", limit=LIMIT, allow_files=False) == SAMPLE


def test_a_redirect_on_the_same_allowed_host_is_followed(publisher, trusted_loopback):
    base, paths = publisher
    assert parse.read_source(f"{base}/moved", limit=LIMIT) == SAMPLE
    assert paths == ["/moved", "/package.json"]


def test_a_redirect_to_a_private_address_is_refused_with_no_connection(publisher, settings):
    base, paths = publisher
    settings.CONTINUUM_CASE_FETCH_ALLOW_HOSTS = ["127.0.0.1"]
    assert "private network" in _refusal(f"{base}/to-private")
    assert paths == ["/to-private"]


def test_endless_redirects_stop(publisher, trusted_loopback):
    base, paths = publisher
    assert _refusal(f"{base}/loop") == "could not fetch the package: more than 5 redirects"
    assert len(paths) == parse.MAX_REDIRECTS + 1


def test_an_error_answer_is_named_by_its_status_and_its_body_is_never_shown(
    publisher, trusted_loopback
):
    base, _ = publisher
    message = _refusal(f"{base}/internal-admin")
    assert message == "could not fetch the package: the server answered HTTP 404"
    assert SECRET.decode() not in message


def test_an_answer_larger_than_the_limit_is_refused(publisher, trusted_loopback):
    base, _ = publisher
    assert _refusal(f"{base}/big") == f"larger than the {LIMIT:,}-byte limit"


@pytest.mark.django_db
def test_a_web_import_of_an_internal_address_fails_quietly_and_changes_nothing(
    publisher, settings, world
):
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
    base, paths = publisher
    case_import = case_import_request(source=f"{base}/internal-admin", user=world["ada"])
    case_import.refresh_from_db()
    assert case_import.status == CaseImportStatus.FAILED
    assert case_import.error.startswith("could not fetch the package: only ports 80 and 443")
    assert SECRET.decode() not in case_import.error
    assert paths == []
    assert not Framework.objects.filter(identifier__startswith="bef4142c").exists()
