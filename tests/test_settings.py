"""Production refuses to start half-configured; development needs no configuration."""

import os
import subprocess
import sys

import pytest

# Variables a production server would not have (the browser tests set the last one).
_PRODUCTION_UNSET = {"DEBUG", "SECRET_KEY", "DJANGO_ALLOW_ASYNC_UNSAFE"}


def _start(env: dict[str, str]) -> subprocess.CompletedProcess:
    clean = {k: v for k, v in os.environ.items() if k not in _PRODUCTION_UNSET}
    return subprocess.run(
        [sys.executable, "-c", "import django; django.setup()"],
        env={**clean, "DJANGO_SETTINGS_MODULE": "continuum.settings", **env},
        capture_output=True,
        text=True,
        check=False,
    )


def test_production_refuses_to_start_without_a_secret_key():
    result = _start({"DEBUG": "false"})
    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr


def test_a_typo_in_a_boolean_setting_stops_start_up():
    result = _start({"DEBUG": "ture"})
    assert result.returncode != 0
    assert "DEBUG='ture' is not a boolean" in result.stderr


@pytest.mark.parametrize("env", [{}, {"DEBUG": "false", "SECRET_KEY": "x" * 50}])
def test_development_and_configured_production_start(env):
    assert _start(env).returncode == 0


def test_a_configured_production_passes_the_deploy_checks(tmp_path):
    env = {k: v for k, v in os.environ.items() if k not in _PRODUCTION_UNSET}
    env |= {
        "DEBUG": "false",
        "SECRET_KEY": "k" * 20 + "-a-long-and-random-enough-production-key-0123456789",
        "ALLOWED_HOSTS": "school.example.org",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'prod.sqlite3'}",
    }
    result = subprocess.run(
        [sys.executable, "-m", "continuum", "check", "--deploy", "--fail-level", "WARNING"],
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
