"""A retired target keeps everything recorded on it and is offered for no new work:
assessments, goals and plan steps (frameworks' ``in_use`` and ``retired_refuse``).

Maple Grove's framework belongs to Riverside; Ada (its admin) retires N.1.b. Erin teaches
Math 6A; Lena is a learner in it.
"""

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from continuum.evidence.models import Evidence
from continuum.evidence.selectors.assessments import target_choices
from continuum.evidence.services.assessments import (
    AlignmentSpec,
    alignment_set,
    assessment_create,
)
from continuum.frameworks import authoring
from continuum.frameworks.tests.factories import sample_framework
from continuum.pathways import services as pathways


@pytest.fixture
def retired(world):
    """The sample framework with N.1.b retired after Lena was assessed on it."""
    sample = sample_framework(owner=world["district"])
    Evidence.objects.create(
        learner=world["lena"], target=sample["N.1.b"], level=3, assessed_at=timezone.now()
    )
    authoring.item_retire(item=sample["N.1.b"], editor=world["ada"], reason="Merged")
    sample["N.1.b"].refresh_from_db()
    return sample


def test_a_retired_target_keeps_its_evidence(world, retired):
    assert Evidence.objects.filter(target=retired["N.1.b"], learner=world["lena"]).count() == 1


def test_a_retired_target_is_not_offered_for_a_new_assessment(retired):
    offered = set(target_choices(version=retired.version))
    assert retired["N.1.b"] not in offered
    assert retired["N.1.a"] in offered


def test_an_assessment_cannot_be_aligned_to_a_retired_target(world, retired):
    quiz = assessment_create(
        creator=world["erin"], title="Ratios", kind="summative", section=world["math_a"]
    )
    with pytest.raises(ValidationError, match="retired"):
        alignment_set(
            assessment=quiz,
            by=world["erin"],
            alignments=[AlignmentSpec(retired["N.1.a"]), AlignmentSpec(retired["N.1.b"])],
        )
    assert not quiz.alignments.exists()


def test_a_goal_or_plan_step_cannot_be_set_on_a_retired_target(world, retired):
    lena = world["lena"]
    with pytest.raises(ValidationError, match="retired"):
        pathways.goal_create(
            learner=lena,
            by=lena,
            title="Ratios",
            targets=[retired["N.1.b"]],
            by_when=timezone.localdate() + timedelta(days=7),
        )
    with pytest.raises(ValidationError, match="retired"):
        pathways.plan_item_add(learner=lena, by=lena, target=retired["N.1.b"])
