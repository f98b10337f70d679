"""Heatmaps: from stored estimates, sortable, counted, linked to the evidence, and read in
a constant number of queries whatever the size."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from continuum.evidence.models import Estimate
from continuum.evidence.models import EstimateStatus as S
from continuum.insights.selectors.heatmap import school_heatmap, section_heatmap
from continuum.insights.tests.factories import school_create


@pytest.fixture
def small(db):
    return school_create(learners=8, targets=5, section_size=4)


def test_the_section_heatmap_shows_every_learner_and_target_with_counts(small):
    section = small.sections[0]
    heatmap = section_heatmap(section=section, framework=small.framework)
    assert len(heatmap.rows) == 4
    assert [c.label for c in heatmap.columns] == ["M.1", "M.2", "M.3", "M.4", "M.5"]
    for row in heatmap.rows:
        stored = Estimate.objects.filter(learner=row.subject, target__in=small.targets)
        assert sum(row.counts.by_status.values()) == stored.count()
        assert row.counts.not_yet == stored.filter(status=S.NOT_YET).count()


def test_an_override_is_what_the_heatmap_shows(small):
    learner, target = small.sections[0].learners.first(), small.targets[0]
    Estimate.objects.update_or_create(
        learner=learner,
        target=target,
        defaults={"level": 1.0, "status": S.NOT_YET, "computed_at": "2026-10-01T00:00Z"},
    )
    Estimate.objects.filter(learner=learner, target=target).update(
        override_level=4, override_status=S.ADVANCED, override_reason="Portfolio"
    )
    heatmap = section_heatmap(section=small.sections[0], framework=small.framework)
    row = next(r for r in heatmap.rows if r.subject == learner)
    assert row.cells[0].status == S.ADVANCED
    assert row.cells[0].href == reverse("learner_estimate", args=[learner.pk, target.pk])


def test_learners_are_never_ranked_only_ordered_by_need_on_one_target(small):
    section = small.sections[0]
    target = small.targets[0]
    by_name = section_heatmap(section=section, framework=small.framework)
    for ranking in ("level", "not_yet"):  # a mean or a count across targets would rank
        refused = section_heatmap(section=section, framework=small.framework, sort=ranking)
        assert refused.sort == "name"
        assert [row.label for row in refused.rows] == [row.label for row in by_name.rows]
    by_need = section_heatmap(section=section, framework=small.framework, sort=f"need-{target.pk}")
    at = [column.subject.pk for column in by_need.columns].index(target.pk)
    order = {S.NOT_YET: 0, S.APPROACHING: 1, S.NOT_STARTED: 2, S.PROFICIENT: 3, S.ADVANCED: 4}
    keys = [
        (
            order[row.cells[at].status],
            row.cells[at].level if row.cells[at].level is not None else 99,
        )
        for row in by_need.rows
    ]
    assert keys == sorted(keys)
    assert by_need.sort == f"need-{target.pk}"


def test_sorting_the_columns_moves_the_cells_with_them(small):
    section = small.sections[0]
    plain = section_heatmap(section=section, framework=small.framework)
    sorted_ = section_heatmap(section=section, framework=small.framework, columns_sort="level")
    means = [column.counts.mean_level for column in sorted_.columns]
    assert means == sorted(means, key=lambda m: (m is None, m or 0.0))
    for plain_row, row in zip(plain.rows, sorted_.rows, strict=True):
        for column, cell in zip(sorted_.columns, row.cells, strict=True):
            original = plain.columns.index(
                next(c for c in plain.columns if c.subject == column.subject)
            )
            assert cell.href == plain_row.cells[original].href


def test_the_school_heatmap_counts_each_section(small):
    heatmap = school_heatmap(school=small.school, framework=small.framework)
    assert [c.label for c in heatmap.columns] == ["Math 01", "Math 02"]
    first = heatmap.rows[0]
    for column, cell in zip(heatmap.columns, first.cells, strict=True):
        stored = Estimate.objects.filter(
            target=first.subject, learner__enrollments__section=column.subject
        )
        assert cell.counts is not None
        assert cell.counts.not_yet == stored.filter(status=S.NOT_YET).count()
    total = sum(sum(row.counts.by_status.values()) for row in heatmap.rows)
    assert total == Estimate.objects.filter(target__in=small.targets).count()


def _queries(client, user, url) -> int:
    client.force_login(user)
    client.get(url)
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


@pytest.mark.django_db
def test_the_section_heatmap_needs_the_same_queries_for_a_larger_class(client):
    small = school_create(learners=3, targets=4, section_size=3, seed=1)
    large = school_create(learners=30, targets=12, section_size=30, seed=2)
    counts = [
        _queries(client, s.educator, reverse("insights_section_heatmap", args=[s.sections[0].pk]))
        for s in (small, large)
    ]
    assert counts[0] == counts[1]


@pytest.mark.django_db
def test_the_school_heatmap_needs_the_same_queries_for_a_larger_school(client):
    small = school_create(learners=4, targets=3, section_size=2, seed=3)
    large = school_create(learners=60, targets=15, section_size=10, seed=4)
    counts = [
        _queries(client, s.leader, reverse("insights_school_heatmap", args=[s.school.pk]))
        for s in (small, large)
    ]
    assert counts[0] == counts[1]
    assert counts[0] <= 12


def test_the_page_labels_cells_in_letters_and_sorts_on_request(client, small):
    client.force_login(small.educator)
    url = reverse("insights_section_heatmap", args=[small.sections[0].pk])
    need = f"need-{small.targets[0].pk}"
    page = client.get(url, {"sort": need, "cols": "level"}).content.decode()
    assert f'data-sort="{need}"' in page
    assert 'data-cols="level"' in page
    assert "Mean" not in page.split("<tfoot>")[0]  # no learner's mean across targets
    assert "Targets where many struggle" in page
    assert '<span class="sr-only">not yet' in page or '<span class="sr-only">approaching' in page


def test_htmx_gets_only_the_map(client, small):
    client.force_login(small.leader)
    url = reverse("insights_school_heatmap", args=[small.school.pk])
    response = client.get(url, {"cols": "level"}, HTTP_HX_REQUEST="true", HTTP_HX_TARGET="heatmap")
    page = response.content.decode()
    assert page.lstrip().startswith('<div id="heatmap">')
    assert "<h1>" not in page


def test_an_unknown_sort_falls_back_to_names(client, small):
    client.force_login(small.educator)
    url = reverse("insights_section_heatmap", args=[small.sections[0].pk])
    assert 'data-sort="name"' in client.get(url, {"sort": "drop table"}).content.decode()
