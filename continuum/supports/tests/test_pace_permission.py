"""One rule for pace (issue 9): guardians see their child's pace, as the family view was
built to show, and every page that shows pace follows ``supports.view_pace``."""

import pytest
from django.urls import reverse

PAGES_SHOWING_PACE = ("dashboard.view_dashboard", "family.view_family", "pathways.view_pathway")


def test_a_guardian_and_the_learner_open_the_pace_page(client, world):
    for name in ("gabe", "lena"):
        client.force_login(world[name])
        response = client.get(reverse("learner_pace", args=[world["lena"].pk]))
        assert response.status_code == 200, name
        assert reverse("caseload") not in response.content.decode()  # staff links hidden


@pytest.mark.parametrize("permission", PAGES_SHOWING_PACE)
def test_everyone_who_sees_pace_on_another_page_may_open_the_pace_page(world, permission):
    for name in ("lena", "gabe", "erin", "eli", "cora", "leo", "ada", "pat", "otto"):
        person = world[name]
        for learner in (world["lena"], world["omar"]):
            if person.has_perm(permission, learner):
                assert person.has_perm("supports.view_pace", learner), (name, permission)


def test_a_partner_sees_no_pace(client, world):
    client.force_login(world["pat"])
    assert client.get(reverse("learner_pace", args=[world["lena"].pk])).status_code in {403, 404}
