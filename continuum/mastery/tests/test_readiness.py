"""Ready to learn next: not mastered, every prerequisite mastered."""

from hypothesis import given
from hypothesis import strategies as st

from continuum.mastery.readiness import readiness
from continuum.mastery.status import Status

# 1 → 2 → 3, and 1 → 4; 5 stands alone.
EDGES = [(1, 2), (2, 3), (1, 4)]
TARGETS = [1, 2, 3, 4, 5]


def test_a_target_without_prerequisites_is_ready_from_the_start():
    found = readiness(TARGETS, EDGES, {})
    assert found.ready == (1, 5)
    assert found.blocked == {2: frozenset({1}), 3: frozenset({2}), 4: frozenset({1})}


def test_mastering_a_prerequisite_makes_what_it_unlocks_ready():
    found = readiness(TARGETS, EDGES, {1: Status.PROFICIENT, 2: Status.APPROACHING})
    assert found.mastered == {1}
    assert found.ready == (2, 4, 5)
    assert found.almost_there == (2,)


def test_approaching_is_almost_there_even_when_blocked():
    found = readiness(TARGETS, EDGES, {3: Status.APPROACHING})
    assert 3 in found.almost_there
    assert 3 in found.blocked


statuses = st.dictionaries(st.sampled_from(TARGETS), st.sampled_from(list(Status)))


@given(statuses)
def test_ready_targets_never_have_an_unmastered_prerequisite(given_statuses):
    found = readiness(TARGETS, EDGES, given_statuses)
    for target in found.ready:
        assert all(before in found.mastered for before, after in EDGES if after == target)
        assert target not in found.mastered


@given(statuses)
def test_every_target_is_mastered_ready_or_blocked_exactly_once(given_statuses):
    found = readiness(TARGETS, EDGES, given_statuses)
    groups = [set(found.mastered), set(found.ready), set(found.blocked)]
    assert set().union(*groups) == set(TARGETS) | set(found.mastered)
    assert sum(len(g) for g in groups) == len(set().union(*groups))
