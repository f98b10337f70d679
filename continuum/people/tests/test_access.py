"""An object someone may not see looks exactly like one that does not exist."""

import re

import pytest
from django.urls import reverse

from continuum.people.models import User


def _page(response) -> str:
    """The page without its CSRF token, which is masked afresh for every response."""
    return re.sub(
        r'(X-CSRFToken": "|name="csrfmiddlewaretoken" value=")[^"]+', r"\1", response.text
    )


def _missing_id() -> int:
    return User.objects.order_by("-pk").values_list("pk", flat=True)[0] + 1000


@pytest.mark.parametrize("url_name", ["learner_dashboard", "learner_detail", "learner_supports"])
def test_an_existing_learner_one_may_not_see_and_a_missing_id_answer_alike(client, world, url_name):
    client.force_login(world["erin"])  # Erin does not teach Omar
    hidden = client.get(reverse(url_name, args=[world["omar"].pk]))
    missing = client.get(reverse(url_name, args=[_missing_id()]))
    assert hidden.status_code == missing.status_code == 404
    assert _page(hidden) == _page(missing)


def test_a_user_of_another_role_answers_like_a_missing_learner(client, world):
    client.force_login(world["erin"])
    not_a_learner = client.get(reverse("learner_supports", args=[world["leo"].pk]))
    assert not_a_learner.status_code == 404


def test_a_refusal_with_no_object_stays_403(client, world):
    client.force_login(world["gabe"])  # guardians do not use the section pages
    assert client.get(reverse("section_list")).status_code == 403


def test_anonymous_visitors_are_still_sent_to_sign_in(client, world):
    response = client.get(reverse("learner_dashboard", args=[world["omar"].pk]))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))
