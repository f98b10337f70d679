"""The list "ready to learn next" follows the learner model when the school has a fit: the target
the learner is most likely ready for comes first; without a fit, the usual order."""

from datetime import UTC, datetime

from continuum.dashboard.selectors import dashboard_get
from continuum.evidence.services.learner_model import learner_model_fit
from continuum.evidence.services.recording import evidence_record
from continuum.evidence.tests.learner_model_factories import class_answers, questions_on
from continuum.mastery import Status

MONDAY = datetime(2026, 9, 7, 9, tzinfo=UTC)


def codes(tiles) -> list[str]:
    return [tile.target.human_coding_scheme for tile in tiles]


def test_ready_to_learn_next_puts_the_most_likely_target_first(world, sample):
    lena = world["lena"]
    evidence_record(
        learner=lena, target=sample["N.1.a"], scorer=world["erin"], level=3, assessed_at=MONDAY
    )
    # Without a model: N.1.b, just unlocked, comes before SEL.1.a.
    assert codes(dashboard_get(learner=lena).ready) == ["N.1.b", "SEL.1.a"]
    rates = {"N.1.b": 0.15, "SEL.1.a": 0.9}  # Erin's class finds SEL.1.a easy, N.1.b hard
    class_answers(world, questions_on(world, {c: sample[c] for c in rates}), rates)
    learner_model_fit(school=world["school"], framework=sample.framework)
    dashboard = dashboard_get(learner=lena)
    assert codes(dashboard.ready) == ["SEL.1.a", "N.1.b"]
    assert {tile.status for tile in dashboard.ready} == {Status.NOT_STARTED}
