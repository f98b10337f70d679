"""`continuum serve` as production runs it, on the suite's throwaway PostgreSQL cluster:
it migrates an empty database, serves through gunicorn with the worker beside it (so
/healthz turns 200), each role signs in and opens a page of their own, and a SIGTERM
stops it all cleanly. Runs in the PostgreSQL pass of `make test` only (`--postgres`).
"""

import json
import os
import re
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
import uuid
from http.cookies import SimpleCookie

import psycopg
import pytest

pytestmark = [
    pytest.mark.skipif("not config.getoption('--postgres')", reason="needs --postgres"),
]

PASSWORD = "smoke-test-password-4-serve"
# Who signs in, and the page of their own each opens (with the ids _seed returns).
PAGES = {
    "learner": "/dashboard/learners/{lena}/",
    "guardian": "/family/learners/{lena}/",
    "educator": "/sections/{section}/",
    "counselor": "/supports/",
    "leader": "/insights/",
    "admin": "/",
    "partner": "/",
}


def _seed() -> dict[str, int]:
    """One person per role in a small school; Lena is the learner everyone else relates to."""
    from django.contrib.auth.hashers import PBKDF2PasswordHasher

    from continuum.people.models import (
        CaseloadAssignment,
        Enrollment,
        GuardianLink,
        Organization,
        Role,
        Section,
        User,
    )

    district = Organization.objects.create(kind="district", name="Smoke District")
    school = Organization.objects.create(kind="school", name="Smoke School", parent=district)

    # The suite hashes with MD5 for speed; the server accepts only production's hashers.
    pbkdf2 = PBKDF2PasswordHasher()
    password = pbkdf2.encode(PASSWORD, pbkdf2.salt(), iterations=1000)

    def person(name, role, org=school):
        return User.objects.create(username=name, password=password, role=role, organization=org)

    lena, erin = person("learner", Role.LEARNER), person("educator", Role.EDUCATOR)
    section = Section.objects.create(school=school, title="Math 6A")
    section.educators.add(erin)
    Enrollment.objects.create(section=section, learner=lena)
    GuardianLink.objects.create(guardian=person("guardian", Role.GUARDIAN), learner=lena)
    CaseloadAssignment.objects.create(counselor=person("counselor", Role.COUNSELOR), learner=lena)
    person("leader", Role.LEADER)
    person("admin", Role.DISTRICT_ADMIN, org=district)
    person("partner", Role.PARTNER, org=None)
    return {"lena": lena.pk, "section": section.pk}


@pytest.fixture
def district_database(transactional_db):
    """A copy of this test's migrated database with the people in it, as a database of its
    own in the throwaway cluster for the server (dropped afterwards), and the people's ids.

    The copy keeps the test short: migrating an empty database takes 20-80 s on two busy
    cores, and the suite's own set-up has just run every migration on PostgreSQL. `serve`
    still runs `migrate`, which finds nothing left to apply.
    """
    from django.db import connection

    ids = _seed()
    template = connection.settings_dict["NAME"]
    url = os.environ["CONTINUUM_TEST_DATABASE_URL"]
    name = f"smoke_{uuid.uuid4().hex[:8]}"
    connection.close()  # a template must have no other session
    with psycopg.connect(url, autocommit=True, dbname="postgres") as admin:
        admin.execute(f'CREATE DATABASE "{name}" TEMPLATE "{template}"')
    scheme, rest = url.split("://", 1)
    yield f"{scheme}://{re.sub(r'/[^/?]*', '/' + name, rest, count=1)}", ids
    with psycopg.connect(url, autocommit=True, dbname="postgres") as admin:
        admin.execute(f'DROP DATABASE "{name}" WITH (FORCE)')


class _Browser:
    """Just enough of a browser behind a TLS proxy: the proxy's header, the secure cookies a
    real browser would send back over HTTPS, and the origin for Django's CSRF check."""

    def __init__(self, port: int):
        self.base = f"http://127.0.0.1:{port}"
        self.origin = f"https://127.0.0.1:{port}"
        self.cookies: dict[str, str] = {}

    def request(self, path: str, data: dict | None = None) -> tuple[int, str, str]:
        body = urllib.parse.urlencode(data).encode() if data is not None else None
        request = urllib.request.Request(self.base + path, data=body)
        request.add_header("X-Forwarded-Proto", "https")
        request.add_header("Origin", self.origin)
        request.add_header("Referer", self.origin + path)
        if self.cookies:
            request.add_header("Cookie", "; ".join(f"{k}={v}" for k, v in self.cookies.items()))
        try:
            response = _NO_REDIRECTS.open(request, timeout=30)
        except urllib.error.HTTPError as error:
            response = error
        for header in response.headers.get_all("Set-Cookie") or []:
            for key, morsel in SimpleCookie(header).items():
                self.cookies[key] = morsel.value
        return response.status, response.headers.get("Location", ""), response.read().decode()

    def sign_in(self, username: str) -> None:
        self.cookies.clear()
        _, _, page = self.request("/login/")
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)
        status, location, _ = self.request(
            "/login/",
            {"csrfmiddlewaretoken": token, "username": username, "password": PASSWORD},
        )
        assert (status, location) == (302, "/"), f"{username} could not sign in: {status}"


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


_NO_REDIRECTS = urllib.request.build_opener(_NoRedirect)


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _wait_healthy(browser: _Browser, server: subprocess.Popen, log, seconds: float) -> dict:
    deadline = time.monotonic() + seconds
    last = None
    while time.monotonic() < deadline:
        if server.poll() is not None:
            log.seek(0)
            raise AssertionError(f"serve exited with {server.returncode}:\n{log.read()[-3000:]}")
        try:
            status, _, body = browser.request("/healthz")
            last = (status, body)
            if status == 200:
                return json.loads(body)
        except OSError:
            pass  # not listening yet
        time.sleep(0.3)
    raise AssertionError(f"/healthz never answered 200 within {seconds} s; last: {last}")


def test_serve_migrates_serves_every_role_and_stops_cleanly(district_database, tmp_path):
    database_url, ids = district_database
    port = _free_port()
    env = {
        **os.environ,
        "DEBUG": "false",
        "SECRET_KEY": "smoke-test-secret-key-" + uuid.uuid4().hex,
        "DATABASE_URL": database_url,
        "ALLOWED_HOSTS": "127.0.0.1",
        "CONTINUUM_TRUSTED_PROXY_HEADER": "X-Forwarded-Proto",
        "CONTINUUM_VAR_DIR": str(tmp_path),
        "CONTINUUM_HEARTBEAT_SECONDS": "1",
        "LOG_LEVEL": "INFO",
    }
    continuum = [sys.executable, "-m", "continuum"]
    log = (tmp_path / "serve.log").open("w+")
    server = subprocess.Popen(
        [*continuum, "serve", f"--bind=127.0.0.1:{port}", "--workers=1"],
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    try:
        browser = _Browser(port)
        health = _wait_healthy(browser, server, log, seconds=60)
        assert health["status"] == "ok"
        for role, page in PAGES.items():
            browser.sign_in(role)
            status, location, _ = browser.request(page.format(**ids))
            assert status == 200, f"{role} got {status} {location} for {page}"
        server.send_signal(signal.SIGTERM)
        assert server.wait(timeout=45) == 0
    finally:
        if server.poll() is None:
            server.kill()
            server.wait()
        log.seek(0)
        output = log.read()
        log.close()
    access = [json.loads(line) for line in output.splitlines() if '"gunicorn.access"' in line]
    assert any("/healthz" in entry["message"] for entry in access), output[-3000:]
