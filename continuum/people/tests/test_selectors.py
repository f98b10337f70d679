"""Lists show exactly the learners each person's pages would let them open."""

import pytest

from continuum.people import selectors
from continuum.people.models import Role, User


@pytest.mark.parametrize("viewer", ["lena", "gabe", "erin", "eli", "cora", "leo", "ada", "pat"])
def test_learner_lists_agree_with_the_permission_rules(world, viewer):
    user = world[viewer]
    listed = set(selectors.learner_list(user=user))
    permitted = {
        learner
        for learner in User.objects.filter(role=Role.LEARNER)
        if user.has_perm("people.view_learner", learner)
    }
    assert listed == permitted


def test_an_educator_lists_only_the_sections_they_teach(world):
    assert list(selectors.section_list(user=world["erin"])) == [world["math_a"]]


def test_a_leader_lists_every_section_of_the_school(world):
    assert set(selectors.section_list(user=world["leo"])) == {world["math_a"], world["math_b"]}


def test_guardians_and_learners_list_no_sections(world):
    assert not selectors.section_list(user=world["gabe"]).exists()
    assert not selectors.section_list(user=world["lena"]).exists()
