"""Pathways selectors: what goal pages list, in the one target order."""

from datetime import timedelta

import pytest
from django.utils import timezone

from continuum.frameworks.models import ItemKind
from continuum.frameworks.tests.factories import item_create, version_create
from continuum.pathways.models import Goal
from continuum.pathways.selectors import goal_get, goal_list

pytestmark = pytest.mark.django_db

TOMORROW = timezone.localdate() + timedelta(days=1)


def test_a_goals_targets_are_listed_in_the_one_target_order(world):
    version = version_create(title="Sibling numbering")
    domain = item_create(version, "D", "d", kind=ItemKind.DOMAIN)
    c1 = item_create(version, "C1", "c", kind=ItemKind.COMPETENCY, parent=domain, position=0)
    c2 = item_create(version, "C2", "c", kind=ItemKind.COMPETENCY, parent=domain, position=1)
    later = item_create(version, "C2.a", "t", parent=c2, position=0)
    first = item_create(version, "C1.a", "t", parent=c1, position=1)
    lena = world["lena"]
    goal = Goal.objects.create(learner=lena, title="Both", by_when=TOMORROW, created_by=lena)
    goal.targets.set([later, first])
    assert list(goal_get(goal_id=goal.pk).targets.all()) == [first, later]
    (listed,) = goal_list(learner=lena)
    assert list(listed.targets.all()) == [first, later]
