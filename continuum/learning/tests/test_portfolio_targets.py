"""What the upload page offers to link a piece of work to (portfolio_target_list)."""

import pytest
from django.utils import timezone

from continuum.evidence.models import Alignment, Assessment, AssessmentKind, Estimate, Evidence
from continuum.learning.selectors.portfolio import portfolio_target_list


@pytest.fixture
def linked(world, sample):
    """Lena has evidence on N.1.a (twice) and estimates on N.1.a and N.1.b, and an
    assessment of her section aligns N.1.b and N.1.c. Omar has none of these."""
    lena, now = world["lena"], timezone.now()
    for attempt in (1, 2):
        Evidence.objects.create(
            learner=lena, target=sample["N.1.a"], level=2, attempt=attempt, assessed_at=now
        )
    for code in ("N.1.a", "N.1.b"):
        Estimate.objects.create(learner=lena, target=sample[code], computed_at=now)
    quiz = Assessment.objects.create(
        title="Ratios quiz",
        kind=AssessmentKind.FORMATIVE_CHECK,
        school=world["school"],
        section=world["math_a"],
        created_by=world["erin"],
    )
    for code in ("N.1.b", "N.1.c"):
        Alignment.objects.create(assessment=quiz, target=sample[code])
    return sample


def _codes(targets):
    return [target.human_coding_scheme for target in targets]


def test_each_target_she_works_on_is_offered_once(world, linked):
    assert _codes(portfolio_target_list(learner=world["lena"])) == ["N.1.a", "N.1.b", "N.1.c"]


def test_another_learners_targets_are_not_offered(world, linked):
    assert _codes(portfolio_target_list(learner=world["omar"])) == []


def test_the_target_she_came_from_is_offered_too(world, linked):
    offered = portfolio_target_list(learner=world["omar"], chosen=str(linked["N.2.a"].pk))
    assert _codes(offered) == ["N.2.a"]


def test_a_chosen_value_that_is_not_an_id_is_ignored(world, linked):
    assert _codes(portfolio_target_list(learner=world["omar"], chosen="1 OR 1=1")) == []
