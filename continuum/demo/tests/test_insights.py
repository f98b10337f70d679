"""The demo school's flexible groups."""

from django.utils import timezone

from continuum.demo.insights import demo_groups_build
from continuum.insights.tests.factories import school_create

NOW = timezone.now()


def test_the_demo_groups_are_formed_on_the_targets_where_most_struggle(db):
    school = school_create(learners=24, targets=6, section_size=24, seed=9)
    formed = demo_groups_build(school=school.school, now=NOW)
    assert 1 <= len(formed) <= 2
    for group in formed:
        assert 3 <= group.memberships.count() <= 6
        assert group.created_by == school.educator
