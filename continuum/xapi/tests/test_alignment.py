"""The statement reading rules, without a database."""

import pytest

from continuum.xapi.alignment import (
    activity_ids,
    activity_name,
    actor_account_name,
    actor_email,
    item_identifiers,
    level_reached,
    score_fraction,
)

LEVELS = [1.0, 2.0, 3.0, 4.0]


@pytest.mark.parametrize(
    ("fraction", "level"), [(0.0, 1), (0.33, 1), (0.34, 2), (0.5, 2), (2 / 3, 3), (0.8, 3), (1, 4)]
)
def test_a_score_becomes_the_highest_level_it_reaches(fraction, level):
    assert level_reached(fraction, LEVELS) == level


def test_the_scaled_score_wins_and_is_kept_between_0_and_1():
    assert score_fraction({"result": {"score": {"scaled": 0.95, "raw": 10, "max": 100}}}) == 0.95
    assert score_fraction({"result": {"score": {"scaled": -0.5}}}) == 0.0


def test_a_raw_score_is_placed_between_its_min_and_max():
    assert score_fraction({"result": {"score": {"raw": 15, "min": 10, "max": 20}}}) == 0.5


@pytest.mark.parametrize(
    "result",
    [None, {}, {"score": {"raw": 5}}, {"score": {"raw": 5, "min": 3, "max": 3}}, {"success": True}],
)
def test_a_statement_without_a_usable_score_has_none(result):
    assert score_fraction({"result": result}) is None


def test_the_object_and_every_context_activity_are_candidates_in_order():
    statement = {
        "object": {"id": "https://lms.example/quiz/1"},
        "context": {
            "contextActivities": {
                "parent": [{"id": "https://case.example/ims/case/v1p1/CFItems/abc"}],
                "other": {"id": "https://lms.example/course"},
            }
        },
    }
    ids = activity_ids(statement)
    assert ids == [
        "https://lms.example/quiz/1",
        "https://case.example/ims/case/v1p1/CFItems/abc",
        "https://lms.example/course",
    ]
    assert item_identifiers(ids) == ["abc"]


def test_an_agent_object_is_not_an_activity():
    assert activity_ids({"object": {"objectType": "Agent", "mbox": "mailto:a@b.c"}}) == []


def test_the_actor_is_read_from_mbox_or_account():
    assert actor_email({"actor": {"mbox": "mailto:lena@example.org"}}) == "lena@example.org"
    assert actor_account_name({"actor": {"account": {"name": "lena", "homePage": "x"}}}) == "lena"
    assert actor_email({"actor": {}}) is None


def test_the_activity_name_prefers_english():
    statement = {"object": {"definition": {"name": {"es": "Prueba", "en-US": "Quiz"}}}}
    assert activity_name(statement) == "Quiz"
    assert activity_name({"object": {"definition": {"name": {"es": "Prueba"}}}}) == "Prueba"
