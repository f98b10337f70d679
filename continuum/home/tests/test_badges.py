"""The navigation's badges: an educator's Requests carries the queue's count, a
counselor's Supports the flagged learners without a plan, each with words for screen
readers; one query per page whatever the data, none for roles without a badge."""

import re

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from continuum.home.selectors import badges_for
from continuum.learning.models import Reassessment
from continuum.learning.public import learner_request_counts, learner_requests_waiting
from continuum.learning.selectors.learner_requests import learner_requests


def badges(client, person, url_name: str = "section_list") -> dict[str, str]:
    client.force_login(person)
    page = client.get(reverse(url_name)).text
    nav = page.split('<nav aria-label="Main">', 1)[1].split("</nav>", 1)[0]
    found = re.findall(
        r'<a href="([^"]+)"[^>]*>[^<]*<span class="nav-badge">(\d+)<span class="sr-only"> ([^<]+)</span>',
        nav,
    )
    return {url: f"{count} {words}" for url, count, words in found}


def test_the_educator_requests_entry_says_how_many_wait(client, todays_work):
    found = badges(client, todays_work["erin"])
    # a reassessment to decide, one scheduled, a proposal, a poster: the queue's own count
    assert found == {reverse("learner_requests"): "4 waiting"}


def test_another_educators_learners_never_reach_the_badge(client, todays_work):
    assert badges(client, todays_work["eli"]) == {reverse("learner_requests"): "2 waiting"}


def test_the_counselor_supports_entry_counts_flagged_learners_without_a_plan(client, todays_work):
    found = badges(client, todays_work["cora"], "caseload")
    assert found == {reverse("caseload"): "1 flagged without a plan"}


def test_no_badge_when_nothing_waits(client, world):
    assert badges(client, world["erin"]) == {}


def test_roles_without_a_badge_get_none_and_pay_no_query(todays_work, django_assert_num_queries):
    for person in ("lena", "gabe", "leo", "ada", "pat", "otto"):
        with django_assert_num_queries(0):
            assert badges_for(todays_work[person]) == []


def test_the_badge_costs_one_query_whatever_the_queue(client, todays_work):
    def queries() -> int:
        client.force_login(todays_work["erin"])
        client.get(reverse("section_list"))  # warm-up
        with CaptureQueriesContext(connection) as captured:
            client.get(reverse("section_list"))
        return len(captured)

    before = queries()
    Reassessment.objects.filter(learner=todays_work["lena"]).update(
        status=Reassessment.Status.COMPLETED
    )
    assert queries() == before
    with CaptureQueriesContext(connection) as captured:
        assert badges_for(todays_work["erin"])
    assert len(captured) == 1


def test_the_badge_and_the_home_page_say_the_queues_own_count(todays_work):
    for educator in (todays_work["erin"], todays_work["eli"]):
        queue = learner_requests(educator=educator).count
        assert learner_requests_waiting(educator=educator) == queue
        assert (
            learner_request_counts(educator=educator, today=timezone.localdate()).waiting == queue
        )
