"""The Content-Security-Policy on every page, and HTTPS behind a trusted proxy (issue 9)."""

import os
import subprocess
import sys

import pytest
from django.test import override_settings
from django.urls import reverse

from continuum.settings import BASE_DIR

pytestmark = pytest.mark.django_db


def _policy(response) -> dict[str, str]:
    header = response["Content-Security-Policy"]
    return dict(part.strip().split(" ", 1) for part in header.split(";"))


def test_a_page_carries_a_policy_that_allows_no_inline_script(client, world):
    client.force_login(world["erin"])
    policy = _policy(client.get(reverse("home"), follow=True))
    assert policy["default-src"] == "'self'"
    assert policy["script-src"] == "'self'"
    assert policy["style-src"] == "'self'"
    assert policy["object-src"] == "'none'"
    assert policy["base-uri"] == "'none'"
    assert policy["frame-ancestors"] == "'none'"
    assert policy["form-action"] == "'self'"
    assert "unsafe-inline" not in str(policy)
    assert "unsafe-eval" not in str(policy)


def test_the_sign_in_page_has_no_inline_script_or_style(client):
    page = client.get(reverse("login"))
    assert "Content-Security-Policy" in page
    html = page.content.decode()
    assert "<script>" not in html
    assert "<style" not in html
    assert " style=" not in html
    assert '<meta name="htmx-config" content=\'{"includeIndicatorStyles": false' in html


@override_settings(SECURE_SSL_REDIRECT=True, SECURE_PROXY_SSL_HEADER=None)
def test_without_a_trusted_proxy_header_a_forwarded_https_request_is_redirected(client):
    response = client.get(reverse("login"), headers={"X-Forwarded-Proto": "https"})
    assert response.status_code == 301
    assert response["Location"].startswith("https://")


@override_settings(
    SECURE_SSL_REDIRECT=True, SECURE_PROXY_SSL_HEADER=("HTTP_X_FORWARDED_PROTO", "https")
)
def test_behind_a_trusted_proxy_a_forwarded_https_request_is_served(client):
    assert client.get(reverse("login"), headers={"X-Forwarded-Proto": "https"}).status_code == 200
    assert client.get(reverse("login")).status_code == 301  # plain HTTP is still redirected


def _settings_with(environment: dict[str, str]) -> subprocess.CompletedProcess:
    code = (
        "from continuum import settings; print(getattr(settings, 'SECURE_PROXY_SSL_HEADER', None))"
    )
    return subprocess.run(
        [sys.executable, "-c", code],
        env={**os.environ, **environment},
        cwd=BASE_DIR,
        capture_output=True,
        text=True,
        check=False,
    )


def test_the_trusted_proxy_header_is_read_from_the_environment():
    run = _settings_with({"CONTINUUM_TRUSTED_PROXY_HEADER": "X-Forwarded-Proto"})
    assert run.stdout.strip() == "('HTTP_X_FORWARDED_PROTO', 'https')"
    assert _settings_with({"CONTINUUM_TRUSTED_PROXY_HEADER": ""}).stdout.strip() == "None"


def test_a_malformed_trusted_proxy_header_stops_the_server():
    run = _settings_with({"CONTINUUM_TRUSTED_PROXY_HEADER": "X-Forwarded-Proto: https"})
    assert run.returncode != 0
    assert "is not a header name" in run.stderr
