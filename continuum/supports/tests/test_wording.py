"""How pace is said: never more mastered than needed, a rate in words, and no date for a
projection far past the learner's expected graduation. Pure: no database."""

from datetime import date

import pytest

from continuum.supports.wording import PaceWords, rate_in_words

DUE = date(2027, 6, 1)


def _words(**changes) -> PaceWords:
    values = {
        "status": "behind",
        "mastered": 3,
        "needed": 4,
        "remaining": 1,
        "rate_per_week": 0.5,
        "projected_on": date(2027, 1, 15),
        "due_on": DUE,
        "finish_by": DUE,
    }
    return PaceWords(**{**values, **changes})


def test_more_mastered_than_a_share_needs_is_never_more_than_needed():
    words = _words(status="ahead", mastered=21, needed=20, remaining=4)
    assert words.mastered_needed == 20
    assert words.count == "20 of the 20 targets needed mastered (21 of all 25)"
    assert "21 of the 20" not in words.sentence()


def test_a_rule_that_needs_every_target_says_only_the_count():
    assert _words().count == "3 of the 4 targets needed mastered"


@pytest.mark.parametrize(
    ("rate", "said"),
    [
        (None, "no target mastered yet"),
        (2.4, "about 2 targets a week"),
        (1.0, "about one target a week"),
        (0.56, "about one target every 2 weeks"),
        (1 / 7, "about one target every 7 weeks"),
        (0.05, "about one target every 5 months"),
        (0.01, "less than one target a year"),
    ],
)
def test_a_rate_is_said_in_words(rate, said):
    assert rate_in_words(rate) == said


def test_a_projection_within_a_year_of_graduation_is_a_date():
    words = _words(projected_on=date(2028, 5, 31))
    assert not words.out_of_reach
    assert words.projection == "31 May 2028"


def test_a_projection_past_graduation_and_a_year_is_not_a_date():
    words = _words(projected_on=date(2032, 3, 1), finish_by=date(2029, 6, 1))
    assert words.out_of_reach
    assert words.projection == "not on track to finish by 1 Jun 2029 at this pace"
    assert "2032" not in words.sentence()


def test_no_mastery_yet_has_no_projection():
    words = _words(mastered=0, remaining=4, rate_per_week=None, projected_on=None)
    assert words.projection.startswith("no projection yet")
