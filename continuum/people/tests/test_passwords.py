"""The published demo password is for the demo database only."""

import pytest
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError

from continuum.people.checks import check_no_demo_passwords
from continuum.people.passwords import DEMO_PASSWORD


def test_the_validator_refuses_the_demo_password_outside_demo_mode(settings):
    settings.CONTINUUM_DEMO = False
    with pytest.raises(ValidationError, match="published demo password"):
        validate_password(DEMO_PASSWORD)


def test_the_validator_accepts_it_in_demo_mode(settings):
    settings.CONTINUUM_DEMO = True
    validate_password(DEMO_PASSWORD)


def test_the_deploy_check_names_demo_logins_in_a_production_database(settings, world):
    settings.CONTINUUM_DEMO = False
    learner = world["lena"]
    learner.username = "learner"
    learner.set_password(DEMO_PASSWORD)
    learner.save()
    errors = check_no_demo_passwords(None)
    assert [error.id for error in errors] == ["continuum.E001"]
    assert "learner" in errors[0].msg


def test_the_deploy_check_is_quiet_without_demo_logins(settings, world):
    settings.CONTINUUM_DEMO = False
    assert check_no_demo_passwords(None) == []
