"""Known answers from published examples, and the behaviour competency-based grading asks of
the default policy.

Every expected value below is either printed in the source named in its test's docstring
(we check our result rounded as the source rounds it) or, where no published number was
found, computed by hand with the derivation given and labelled as such. Canvas' published
examples (weighted and decaying average of 1, 2, 3, 4, 5) are in test_methods.py.
"""

from __future__ import annotations

from datetime import datetime

import pytest

from continuum.mastery import (
    ESTIMATE_BANDS,
    EvidenceItem,
    GradingPolicy,
    Kind,
    Status,
    decaying_average,
    explanation,
    latest,
    mean,
    median_of_last,
    policy_explanation,
    policy_status,
    power_law,
)

FLOOR = 0.1
"""The power law's default floor; none of the published examples has a score below it."""


@pytest.mark.parametrize(
    ("scores", "published"),
    [
        ([1.0, 2.0, 3.0, 4.0], 4.00),
        ([1.0, 3.0, 2.0, 4.0], 3.66),
        ([2.0, 4.0, 1.0, 3.0], 2.16),
        ([4.0, 3.0, 2.0, 1.0], 1.28),
    ],
)
def test_power_law_matches_jumpropes_four_students(scores: list[float], published: float) -> None:
    """JumpRope Support Center, "The power of the Power Law" (JumpRope, Inc.),
    https://support.jumpro.pe/hc/en-us/articles/203185740-The-power-of-the-Power-Law —
    the quick-reference table of four students' four assessments and their Power Law
    scores, which JumpRope bases on Marzano's *Transforming Classroom Grading* (ASCD 2000).
    """
    assert round(power_law(scores, floor=FLOOR), 2) == published


@pytest.mark.parametrize(
    ("scores", "published"),
    [([3.0, 3.0, 1.0, 3.0], 1.90), ([3.0, 3.0, 1.0, 3.0, 4.0, 4.0], 3.07)],
)
def test_one_low_score_drags_the_power_law_down_until_reassessed(
    scores: list[float], published: float
) -> None:
    """A teacher's published critique (not a vendor's): "Power failure", mrmathman.com,
    15 May 2014, http://mrmathman.com/blog/2014/5/15/power-failure — 3-3-1-3 gives 1.90
    and 3-3-1-3-4-4 gives 3.07. The caveat docs/mastery.md repeats: a late low score pulls
    the trend below every other score, and it takes further evidence to recover.
    """
    assert round(power_law(scores, floor=FLOOR), 2) == published


def test_a_low_last_score_pulls_the_power_law_below_every_other_score() -> None:
    """docs/mastery.md's own example of the caveat (computed, not published): 3, 3, 3, 1
    gives 1.60."""
    assert round(power_law([3.0, 3.0, 3.0, 1.0], floor=FLOOR), 2) == 1.60


def test_power_law_of_1_then_3_is_exactly_3_by_hand() -> None:
    """Hand-computed known answer (no published example of two scores was found).

    The least-squares line through (ln 1, ln 1) = (0, 0) and (ln 2, ln 3) passes through
    both points: ln a = 0 and b = ln 3 / ln 2, so the trend a·tᵇ at t = 2 is
    1 · 2^(ln 3 / ln 2) = 3. The old default, the decaying average with w = 0.65, gives
    0.35·1 + 0.65·3 = 2.3 ("not yet" on 1–4 with 3 proficient).
    """
    assert power_law([1.0, 3.0], floor=FLOOR) == 3.0  # exactly: trends are rounded to 9 decimals
    assert decaying_average([1.0, 3.0], w=0.65) == pytest.approx(2.3)


def test_decaying_average_matches_powerschools_example() -> None:
    """PowerSchool Community, "What is a Decaying Average in Standards-Based Grading?"
    (PowerSchool Learning),
    https://help.powerschool.com/t5/Learning-Applications/What-is-a-Decaying-Average-in-Standards-Based-Grading/ta-p/404
    — with 65 %: scores 2, 3 give 2.65; a further 4 gives 3.53, where the average is 3 and
    the most recent score 4.
    """
    assert round(decaying_average([2.0, 3.0], w=0.65), 2) == 2.65
    assert round(decaying_average([2.0, 3.0, 4.0], w=0.65), 2) == 3.53
    assert mean([2.0, 3.0, 4.0]) == 3
    assert latest([2.0, 3.0, 4.0]) == 4


def test_decaying_average_matches_otus_weights_and_example() -> None:
    """Otus Help Center, "Definitions of Mastery Settings" (Otus),
    https://help.otus.com/en/articles/2587242-definitions-of-mastery-settings — with 65 %,
    three assessments weigh 12 %, 23 % and 65 %; scores 1, 2, 3, 4 give 3.48; scores
    2, 3, 4 give 3.5275.
    """
    shares = [c.share for c in explanation("decaying_average", [2.0, 3.0, 4.0]).contributions]
    assert [round(share or 0.0, 2) for share in shares] == [0.12, 0.23, 0.65]
    assert round(decaying_average([1.0, 2.0, 3.0, 4.0], w=0.65), 2) == 3.48
    assert decaying_average([2.0, 3.0, 4.0], w=0.65) == pytest.approx(3.5275)


def test_median_of_recent_scores_matches_common_goal_systems_examples() -> None:
    """Common Goal Systems Help Center, "What are the standards-based grading scale grade
    calculation modes?",
    https://commongoalsystems.zendesk.com/hc/en-us/articles/360002472192 — median of the
    9 most recent: 4, 4, 3, 3, 3, 2, 2, 2, 1 gives 3; with only seven scores
    (4, 3, 3, 2, 2, 2, 1) the median of those seven, 2.
    """
    assert median_of_last([4.0, 4.0, 3.0, 3.0, 3.0, 2.0, 2.0, 2.0, 1.0], last=9) == 3
    assert median_of_last([4.0, 3.0, 3.0, 2.0, 2.0, 2.0, 1.0], last=9) == 2


# The default policy the evidence app adopts (continuum/evidence/services/policy.py): Marzano's
# power law over summative evidence only, no minimum, no recency window.
DEFAULT = GradingPolicy(version=0, method="power_law", formative_weight=0.0)


def _status(*items: EvidenceItem) -> Status:
    explained = policy_explanation(DEFAULT, items)
    if explained is None:
        return Status.NOT_STARTED
    count = len(explained.contributions)
    return policy_status(DEFAULT, explained.estimate, count, ESTIMATE_BANDS)


def _summative(score: float, day: int) -> EvidenceItem:
    return EvidenceItem(score=score, assessed_at=datetime(2026, 9, day))


def _formative(score: float, day: int) -> EvidenceItem:
    return EvidenceItem(score=score, assessed_at=datetime(2026, 9, day), kind=Kind.FORMATIVE)


def test_the_default_makes_1_then_3_proficient() -> None:
    assert _status(_summative(1, 1), _summative(3, 8)) is Status.PROFICIENT


def test_the_default_makes_1_3_4_at_least_proficient() -> None:
    assert _status(_summative(1, 1), _summative(3, 8), _summative(4, 15)) >= Status.PROFICIENT


def test_a_rising_trend_can_end_above_the_top_level() -> None:
    """Hand-computed: the least-squares trend through ln 1, ln 3, ln 4 at t = 1, 2, 3 has
    b ≈ 1.30 and ln a ≈ 0.05, so a·3ᵇ ≈ 4.39, above the top of the 1–4 scale (the caveat
    in docs/mastery.md)."""
    assert round(power_law([1.0, 3.0, 4.0], floor=FLOOR), 2) == 4.39


def test_under_the_default_formative_evidence_alone_is_not_started() -> None:
    assert _status(_formative(4, 1), _formative(3, 8)) is Status.NOT_STARTED


def test_under_the_default_an_early_formative_1_does_not_hold_back_a_summative_3() -> None:
    assert _status(_formative(1, 1), _summative(3, 8)) is Status.PROFICIENT


def test_under_the_default_a_single_summative_score_is_the_estimate() -> None:
    explained = policy_explanation(DEFAULT, [_formative(1, 1), _summative(3, 8)])
    assert explained is not None
    assert explained.estimate == 3.0


def test_the_minimum_evidence_example_in_docs_mastery() -> None:
    """docs/mastery.md, "Minimum evidence": Ana's 4 alone is approaching (1 more piece
    needed); a formative 4 does not count towards the two; a summative 3 makes her
    proficient at 3.00."""
    two_needed = GradingPolicy(
        version=1, method="power_law", formative_weight=0.0, minimum_evidence=2
    )
    first = [_summative(4, 1), _formative(4, 4)]
    explained = policy_explanation(two_needed, first)
    assert explained is not None
    assert (explained.estimate, explained.more_needed) == (4.0, 1)
    assert policy_status(two_needed, 4.0, 1, ESTIMATE_BANDS) is Status.APPROACHING
    explained = policy_explanation(two_needed, [*first, _summative(3, 8)])
    assert explained is not None
    assert round(explained.estimate, 2) == 3.00
    status = policy_status(two_needed, explained.estimate, 2, ESTIMATE_BANDS)
    assert status is Status.PROFICIENT


def test_the_recency_example_in_docs_mastery() -> None:
    """docs/mastery.md, "Recency": 1, 1, 2, 3, 4 → mean 2.20 of all, 3.00 of the last
    three (the two 1s left out); the power law 3.42 of all, 3.95 of the last three."""
    ben = [_summative(score, day) for day, score in enumerate([1, 1, 2, 3, 4], start=1)]
    for method, everything, last_three in (("mean", 2.20, 3.00), ("power_law", 3.42, 3.95)):
        explained = policy_explanation(GradingPolicy(version=1, method=method), ben)
        window = policy_explanation(GradingPolicy(version=1, method=method, recent_count=3), ben)
        assert explained is not None
        assert window is not None
        assert round(explained.estimate, 2) == everything
        assert round(window.estimate, 2) == last_three
        assert window.left_out == (0, 1)
