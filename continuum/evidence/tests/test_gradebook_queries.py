"""The gradebook issues the same number of SQL queries for any class size."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from continuum.evidence.tests.gradebook_factories import gradebook_class_create


def queries_for(client, book, view: str) -> int:
    client.force_login(book.educator)
    url = reverse("gradebook_section", args=[book.section.pk]) + f"?view={view}"
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    assert response.content.decode().count('role="gridcell" id="cell-') == len(book.learners) * len(
        book.targets
    )
    return len(captured)


@pytest.mark.parametrize("view", ["estimate", "evidence"])
def test_the_grid_costs_the_same_queries_for_3_or_35_learners_on_40_targets(db, client, view):
    small = gradebook_class_create(learners=3, seed=1)
    large = gradebook_class_create(learners=35, seed=2)
    assert len(large.targets) == 40
    assert queries_for(client, small, view) == queries_for(client, large, view)


# session, user, section, frameworks in use (evidence, alignments), frameworks, roster,
# targets, [estimates | evidence], scales (3, which also give single pieces of evidence
# their status), "does the user teach it?", the navigation's unread-notifications count
# and its Requests badge (the educator's learner requests waiting, one UNION ALL count),
# and the grading policy in force (the school's district, its adopted versions), which
# says whether formative evidence counts.
PINNED = {"estimate": 17, "evidence": 17}


@pytest.mark.parametrize("view", ["estimate", "evidence"])
def test_the_grid_query_count_is_pinned(db, client, django_assert_num_queries, view):
    book = gradebook_class_create(learners=35, seed=3)
    client.force_login(book.educator)
    url = reverse("gradebook_section", args=[book.section.pk]) + f"?view={view}"
    with django_assert_num_queries(PINNED[view]):
        client.get(url)
