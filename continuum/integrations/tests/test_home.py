"""The integrations home: each person finds the ways in they may use."""

from django.urls import reverse


def test_a_district_admin_finds_xapi_clients_and_rostering(client, world):
    client.force_login(world["ada"])
    page = client.get(reverse("integrations")).content.decode()
    assert reverse("xapi_admin") in page
    assert reverse("rostering_home") in page


def test_an_educator_does_not_see_the_district_admins_ways_in(client, world):
    client.force_login(world["erin"])
    page = client.get(reverse("integrations")).content.decode()
    assert reverse("xapi_admin") not in page
    assert reverse("integrations_import") in page
