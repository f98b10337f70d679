"""The dashboard, the family view and pathways read one learner map: for the same learner
they show the same targets in the same order with the same statuses, and the plan
recommender is given the targets in the one target order."""

from datetime import UTC, datetime

import pytest
from django.urls import reverse

from continuum.dashboard.selectors import dashboard_get
from continuum.evidence.selectors.learner_map import learner_map_get
from continuum.evidence.services.assessments import AlignmentSpec, alignment_set, assessment_create
from continuum.evidence.services.recording import evidence_record
from continuum.family.selectors import family_summary
from continuum.frameworks.ordering import area_rank
from continuum.frameworks.tests.factories import sample_framework
from continuum.mastery import Status
from continuum.pathways import services as pathways_services

pytestmark = pytest.mark.django_db


@pytest.fixture
def lena(decaying_average_district):
    """Under the decaying average, Lena has evidence in Mathematics (advanced on N.1.a, approaching on N.1.b, not yet
    on SEL.1.a); her class is assessed on Science, where she has none yet."""
    world = decaying_average_district
    math = sample_framework()
    science = sample_framework(title="Maple Grove Science")
    for code, level in (("N.1.a", 4), ("N.1.b", 2), ("N.1.b", 3), ("SEL.1.a", 1)):
        evidence_record(
            learner=world["lena"],
            target=math[code],
            scorer=world["erin"],
            level=level,
            assessed_at=datetime(2026, 9, 7, 9, tzinfo=UTC),
        )
    quiz = assessment_create(
        creator=world["erin"], title="Cells", kind="summative", section=world["math_a"]
    )
    alignment_set(assessment=quiz, by=world["erin"], alignments=[AlignmentSpec(science["N.2.a"])])
    return world["lena"]


def _is_in_order(shown: list, order: list) -> bool:
    """Every item of ``shown`` is in ``order``, and they come in its order."""
    rest = iter(order)
    return all(item in rest for item in shown)


def test_dashboard_family_view_and_plan_see_the_same_targets_order_and_statuses(
    lena, client, monkeypatch
):
    found = learner_map_get(learner=lena)
    by_area = sorted(found.targets, key=area_rank)  # both pages show the areas apart
    expected = [(t.pk, found.status(t.pk)) for t in by_area]
    assert len(expected) == 10
    assert {status for _, status in expected} == {
        Status.NOT_STARTED,
        Status.NOT_YET,
        Status.APPROACHING,
        Status.ADVANCED,
    }

    dashboard = dashboard_get(learner=lena)
    tiles = [tile for continuum_map in dashboard.maps for tile in continuum_map.tiles]
    assert [(tile.target.pk, Status(tile.status)) for tile in tiles] == expected

    summary = family_summary(learner=lena)
    # Both count each learning area apart, and agree on the counts.
    assert [(c.area, c.total) for c in summary.areas] == [
        (c.area, c.total) for c in dashboard.areas
    ]
    assert sum(c.total for c in summary.areas) == len(expected)
    shown = [
        (line.target.pk, Status(line.status))
        for competency in summary.competencies
        for line in competency.can_do + competency.working_on + competency.ready
    ]
    assert len(shown) == 5  # what can be done, what is under way, what is ready
    assert _is_in_order(shown, expected)

    client.force_login(lena)  # the plan's and the goals' forms offer the map's targets
    for page, form, field in (
        ("learning_plan", "add_form", "target"),
        ("goal_list", "form", "targets"),
    ):
        context = client.get(reverse(page, args=[lena.pk])).context
        assert list(context[form].fields[field].queryset) == list(found.targets)

    given = {}
    real = pathways_services.recommendations

    def recommendations(targets, edges, statuses, **options):
        given.update(targets=list(targets), edges=list(edges), statuses=dict(statuses))
        return real(targets, edges, statuses, **options)

    monkeypatch.setattr(pathways_services, "recommendations", recommendations)
    pathways_services.plan_draft(learner=lena, by=lena)
    assert given["targets"] == [t.pk for t in found.targets]
    assert given["edges"] == list(found.edges)
    assert given["statuses"] == found.statuses
