"""The chart's geometry (pure: no database)."""

from continuum.evidence.models import EstimateStatus
from continuum.reports.chart import status_bar


def test_segments_follow_the_status_order_and_fill_the_bar():
    bar = status_bar({EstimateStatus.PROFICIENT: 1, EstimateStatus.NOT_STARTED: 3})
    assert [(s.status, s.x, s.width) for s in bar.segments] == [
        (EstimateStatus.NOT_STARTED, 0, 75),
        (EstimateStatus.PROFICIENT, 75, 25),
    ]
    assert bar.total == 4


def test_a_competency_with_no_targets_draws_nothing():
    assert status_bar({}).segments == ()
