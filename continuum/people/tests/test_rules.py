"""Who may see a learner: relationships decide, never the role alone."""

from datetime import timedelta

import pytest
from django.utils import timezone

from continuum.people.models import Placement


@pytest.mark.parametrize(
    ("viewer", "allowed"),
    [
        ("lena", True),  # herself
        ("gabe", True),  # her guardian
        ("erin", True),  # teaches Math 6A, where Lena is enrolled
        ("cora", True),  # Lena is on her caseload
        ("leo", True),  # leads Lena's school
        ("ada", True),  # administers Lena's district
        ("pat", True),  # hosts Lena's current placement
        ("omar", False),  # another learner
        ("eli", False),  # an educator who does not teach Lena
    ],
)
def test_only_people_with_a_reason_may_see_lena(world, viewer, allowed):
    assert world[viewer].has_perm("people.view_learner", world["lena"]) is allowed


def test_a_guardian_cannot_see_another_family(world):
    assert not world["gabe"].has_perm("people.view_learner", world["omar"])


def test_a_partner_loses_access_when_the_placement_ends(world):
    Placement.objects.filter(partner=world["pat"]).update(
        ends_on=timezone.localdate() - timedelta(days=1)
    )
    assert not world["pat"].has_perm("people.view_learner", world["lena"])


def test_a_leader_of_another_school_sees_none_of_maple_grove(world):
    from continuum.people.models import Organization, Role, User

    other = Organization.objects.create(kind="school", name="Oak Hill", parent=world["district"])
    leader = User.objects.create_user("olga", role=Role.LEADER, organization=other)
    assert not leader.has_perm("people.view_learner", world["lena"])
