"""The published demo password is for the demo database only."""

import importlib

import pytest
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError

from continuum.people.checks import check_no_demo_passwords, check_not_in_demo_mode
from continuum.people.models import User
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


def test_the_deploy_check_refuses_any_account_with_the_demo_password(settings, world):
    settings.CONTINUUM_DEMO = False
    omar = world["omar"]  # not one of the seven published demo usernames
    omar.set_password(DEMO_PASSWORD)
    omar.save()
    errors = check_no_demo_passwords(None)
    assert [error.id for error in errors] == ["continuum.E001"]
    assert "omar" in errors[0].msg


def test_a_new_password_clears_the_demo_flag(settings, world):
    settings.CONTINUUM_DEMO = False
    omar = world["omar"]
    omar.set_password(DEMO_PASSWORD)
    omar.save()
    omar.set_password("a-real-long-password")
    omar.save()
    assert not User.objects.get(pk=omar.pk).has_demo_password
    assert check_no_demo_passwords(None) == []


def test_a_deactivated_demo_account_does_not_block_a_deploy(settings, world):
    settings.CONTINUUM_DEMO = False
    omar = world["omar"]
    omar.set_password(DEMO_PASSWORD)
    omar.is_active = False
    omar.save()
    assert check_no_demo_passwords(None) == []


def test_the_deploy_check_is_quiet_without_demo_logins(settings, world):
    settings.CONTINUUM_DEMO = False
    assert check_no_demo_passwords(None) == []


def test_demo_mode_in_production_fails_the_deploy_check(settings):
    settings.DEBUG, settings.CONTINUUM_DEMO = False, True
    assert [error.id for error in check_not_in_demo_mode(None)] == ["continuum.E002"]


@pytest.mark.parametrize(("debug", "demo"), [(True, True), (False, False), (True, False)])
def test_demo_mode_is_fine_in_development_and_off_in_production(settings, debug, demo):
    settings.DEBUG, settings.CONTINUUM_DEMO = debug, demo
    assert check_not_in_demo_mode(None) == []


def test_the_migration_flags_shared_demo_hashes_and_published_usernames(world):
    from django.apps import apps
    from django.contrib.auth.hashers import make_password

    migration = importlib.import_module("continuum.people.migrations.0003_user_has_demo_password")
    shared = make_password(DEMO_PASSWORD)  # the demo school's one hash for everyone
    User.objects.filter(username__in=["omar", "gabe"]).update(password=shared)
    User.objects.filter(username="lena").update(
        username="learner", password=make_password(DEMO_PASSWORD)
    )
    User.objects.filter(username="erin").update(password=make_password(DEMO_PASSWORD))
    migration.flag_demo_passwords(apps, None)
    flagged = set(User.objects.filter(has_demo_password=True).values_list("username", flat=True))
    # Erin's own hash is neither shared nor a published username: the validator never let
    # anyone outside demo mode choose it, so the migration does not hash every account.
    assert flagged == {"omar", "gabe", "learner"}
