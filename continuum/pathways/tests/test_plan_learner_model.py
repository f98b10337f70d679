"""The plan's draft follows the learner model: among targets whose prerequisites are met,
the first step is the one the learner is most likely ready for."""

from continuum.evidence.services.learner_model import learner_model_fit
from continuum.evidence.tests.learner_model_factories import class_answers, questions_on
from continuum.pathways import services


def test_the_draft_puts_first_the_ready_target_the_learner_is_most_likely_ready_for(
    world, sample, mastered
):
    lena = world["lena"]
    # Without a model, N.1.b comes first: it opens the way to two later targets.
    assert services.plan_draft(learner=lena, by=lena)[0].target == sample["N.1.b"]
    rates = {"N.1.b": 0.15, "SEL.1.a": 0.9}  # Erin's class finds SEL.1.a easy, N.1.b hard
    class_answers(world, questions_on(world, {c: sample[c] for c in rates}), rates)
    learner_model_fit(school=world["school"], framework=sample.framework)
    drafted = services.plan_draft(learner=lena, by=lena)
    assert [item.target for item in drafted][:2] == [sample["SEL.1.a"], sample["N.1.b"]]
    assert "chance of mastery" in drafted[0].reason
