"""The report card as read: statuses from the read model, the trend from the estimate's
history, the evidence of the period, and the areas told apart."""

from continuum.evidence.models import EstimateStatus
from continuum.evidence.services.estimates import estimate_override
from continuum.reports.selectors import period_current, report_card_get
from continuum.reports.tests.conftest import TODAY, at, score


def _lines(blocks):
    return {line.target.human_coding_scheme: line for block in blocks for line in block.lines}


def test_a_period_with_no_evidence_gives_an_honest_empty_report(world, fall):
    card = report_card_get(learner=world["lena"], period=fall, today=TODAY)
    assert card.empty
    assert card.evidence_total == 0
    assert (card.academic, card.lifelong, card.habits, card.comment) == ([], [], [], None)


def test_a_period_without_new_work_still_shows_where_the_learner_stands(world, sample, fall):
    score(world, sample, "N.1.a", 3, at(2025, 6, 1))  # before the period
    card = report_card_get(learner=world["lena"], period=fall, today=TODAY)
    assert card.empty
    line = _lines(card.academic)["N.1.a"]
    assert (line.status, line.trend, line.evidence) == (EstimateStatus.PROFICIENT, "same", 0)


def test_the_trend_compares_the_status_shown_at_the_periods_start_and_end(world, sample, fall):
    score(world, sample, "N.1.a", 1, at(2025, 6, 1))
    score(world, sample, "N.1.a", 4, at(2025, 10, 1))
    score(world, sample, "N.1.a", 4, at(2025, 11, 1))
    score(world, sample, "N.1.b", 3, at(2025, 10, 2))
    # After the period ended: not part of its end status.
    score(world, sample, "N.1.b", 1, at(2026, 1, 10))
    card = report_card_get(learner=world["lena"], period=fall, today=TODAY)
    lines = _lines(card.academic)
    assert lines["N.1.a"].start == EstimateStatus.NOT_YET
    assert lines["N.1.a"].trend == "up"
    assert lines["N.1.a"].evidence == 2
    assert (lines["N.1.b"].status, lines["N.1.b"].trend) == (EstimateStatus.PROFICIENT, "new")
    assert card.evidence_total == 3
    assert not card.ongoing


def test_an_ongoing_period_shows_todays_status_as_the_read_model_gives_it(world, sample, winter):
    score(world, sample, "N.1.a", 4, at(2025, 10, 1))
    estimate_override(
        learner=world["lena"], target=sample["N.1.a"], level=3, by=world["erin"], reason="Retest"
    )
    card = report_card_get(learner=world["lena"], period=winter, today=TODAY)
    line = _lines(card.academic)["N.1.a"]
    assert card.ongoing
    assert line.status == EstimateStatus.PROFICIENT  # the override is what is shown
    assert line.words == "can do it"
    assert line.trend == "down"


def test_lifelong_learning_is_reported_apart_from_academics(world, sample, fall):
    score(world, sample, "N.1.a", 3, at(2025, 10, 1))
    score(world, sample, "SEL.1.a", 2, at(2025, 10, 1))
    card = report_card_get(learner=world["lena"], period=fall, today=TODAY)
    assert set(_lines(card.academic)) == {"N.1.a"}
    assert set(_lines(card.lifelong)) == {"SEL.1.a"}
    # The chart counts every target of the competency, not started ones included.
    ratios = card.academic[0]
    assert ratios.status_counts == [2, 0, 0, 1, 0]
    assert [s.count for s in ratios.bar.segments] == [2, 1]
    assert ratios.summary == "2 not started yet, 1 can do it"  # the PDF's alt text


def test_the_current_period_is_the_one_today_falls_in_else_the_last_ended(world, fall, winter):
    school = world["school"].pk
    assert period_current(school_id=school, today=TODAY) == winter
    assert period_current(school_id=school, today=at(2025, 12, 30).date()) == fall
    assert period_current(school_id=school, today=at(2025, 8, 1).date()) is None
