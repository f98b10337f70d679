"""A new account follows the browser's language until the person chooses one."""

import importlib

from django.apps import apps
from django.conf import settings
from django.urls import reverse

from continuum.people.models import User


def test_a_new_account_has_no_saved_language(world):
    assert User.objects.create_user(username="nia").preferred_language == ""


def test_a_guardian_whose_browser_asks_for_spanish_gets_spanish(client, world):
    client.force_login(world["gabe"])
    response = client.get(reverse("family_home"), HTTP_ACCEPT_LANGUAGE="es")
    assert response["Content-Language"] == "es"
    assert "Cómo les va a mis hijos" in response.content.decode()


def test_after_choosing_english_the_guardian_gets_english_whatever_the_browser(client, world):
    client.force_login(world["gabe"])
    client.post(reverse("family_language"), {"language": "en", "next": "/family/"})
    del client.cookies[settings.LANGUAGE_COOKIE_NAME]  # another device: only the choice travels
    response = client.get(reverse("family_home"), HTTP_ACCEPT_LANGUAGE="es")
    world["gabe"].refresh_from_db()
    assert world["gabe"].preferred_language == "en"
    assert response["Content-Language"] == "en"
    assert "How my children are doing" in response.content.decode()


def test_the_migration_forgets_the_old_default_but_keeps_a_switch_back_to_english(world):
    migration = importlib.import_module(
        "continuum.people.migrations.0004_language_follows_the_browser"
    )
    User.objects.filter(username__in=["gabe", "lena"]).update(preferred_language="en")
    omar = world["omar"]
    omar.preferred_language = "es"
    omar.save()  # history: Omar chose Spanish…
    omar.preferred_language = "en"
    omar.save()  # …then English, a choice the migration can tell from the default
    migration.follow_the_browser(apps, None)
    saved = dict(User.objects.values_list("username", "preferred_language"))
    assert saved["gabe"] == saved["lena"] == ""
    assert saved["omar"] == "en"
