"""No page's query count grows with the data: each main per-learner and per-section page
costs the same number of SQL queries for a class of N learners with A attempts per target
as for 2N learners with 2A attempts (twice the learners, about four times the evidence)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from continuum.evidence.tests.gradebook_factories import GradebookClass, gradebook_class_create
from continuum.people.models import CaseloadAssignment, Role, User

# page: (who opens it, URL name, its arguments), for one class built by gradebook_class_create.
PAGES = {
    "learner dashboard": ("educator", "learner_dashboard", "learner"),
    "family view": ("educator", "family_learner", "learner"),
    "gradebook": ("educator", "gradebook_section", "section"),
    "section heatmap": ("educator", "insights_section_heatmap", "section"),
    "caseload": ("counselor", "caseload", None),
    "portfolio upload": ("learner", "artifact_upload", "learner"),
}


def _class(*, learners: int, attempts: int, seed: int) -> tuple[GradebookClass, User]:
    book = gradebook_class_create(learners=learners, attempts=attempts, seed=seed)
    counselor = User.objects.create_user(
        f"counselor-{seed}", role=Role.COUNSELOR, organization=book.section.school
    )
    CaseloadAssignment.objects.bulk_create(
        CaseloadAssignment(counselor=counselor, learner=learner) for learner in book.learners
    )
    return book, counselor


def _queries(client, book: GradebookClass, counselor: User, page: str) -> int:
    who, url_name, argument = PAGES[page]
    viewer = {"educator": book.educator, "counselor": counselor, "learner": book.learners[0]}
    client.force_login(viewer[who])
    kwargs = {
        "learner": {"learner_id": book.learners[0].pk},
        "section": {"section_id": book.section.pk},
        None: {},
    }[argument]
    url = reverse(url_name, kwargs=kwargs)
    assert client.get(url).status_code == 200  # warm-up: per-process caches filled
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


@pytest.mark.parametrize("page", PAGES)
def test_the_page_costs_the_same_queries_for_twice_the_learners_and_evidence(db, client, page):
    small = _class(learners=4, attempts=2, seed=1)
    large = _class(learners=8, attempts=4, seed=2)
    assert _queries(client, *small, page) == _queries(client, *large, page)
