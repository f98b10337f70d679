"""The transcript as read: what is demonstrated, since when, awards, the conversion."""

from datetime import date

from django.utils import timezone, translation

from continuum.credentials.public import award_revoke
from continuum.transcripts.models import GradeConversion
from continuum.transcripts.selectors import conversion_current, transcript_get
from continuum.transcripts.tests.conftest import TODAY, demonstrate, on


def _lines(transcript):
    return {
        line.target.human_coding_scheme: line
        for _area, groups in transcript.areas
        for group in groups
        for line in group.lines
    }


def test_only_targets_at_least_proficient_are_listed_with_the_day_first_shown(world, record):
    transcript = transcript_get(learner=world["lena"], today=TODAY)
    lines = _lines(transcript)
    assert set(lines) == {"N.1.a", "N.1.b", "SEL.1.a"}
    assert lines["N.1.a"].first_on == date(2025, 10, 3)  # proficient then, level 4 later
    assert lines["N.1.a"].words == "can do it"
    assert lines["N.1.b"].first_on == date(2026, 2, 2)


def test_academic_and_lifelong_learning_are_apart_and_grouped_by_competency(world, record):
    transcript = transcript_get(learner=world["lena"], today=TODAY)
    maths = record["maths"]
    assert [group.competency for group in transcript.academic] == [maths["N.1"]]
    assert [group.competency for group in transcript.lifelong] == [maths["SEL.1"]]
    assert transcript.academic[0].framework == "Credentials Mathematics"


def test_a_target_that_fell_back_below_proficient_is_not_listed(world, record):
    demonstrate(world["lena"], record["maths"]["N.1.b"], 2, on(2026, 4, 1))
    assert "N.1.b" not in _lines(transcript_get(learner=world["lena"], today=TODAY))


def test_revoked_awards_are_left_out(world, record):
    assert [view.award for view in transcript_get(learner=world["lena"], today=TODAY).awards] == [
        record["award"]
    ]
    award_revoke(award=record["award"], by=world["leo"], reason="Entered in error")
    assert transcript_get(learner=world["lena"], today=TODAY).awards == []


def test_a_learner_with_nothing_demonstrated_gets_an_honest_empty_transcript(world):
    transcript = transcript_get(learner=world["omar"], today=TODAY)
    assert transcript.empty
    assert transcript.academic == []
    assert transcript.awards == []


def _table(world, version: int, effective: date, rows: list) -> GradeConversion:
    return GradeConversion.objects.create(
        school=world["school"], version=version, effective_from=effective, rows=rows, reason="r"
    )


def test_the_table_in_effect_is_the_newest_version_effective_by_then(world):
    first = _table(world, 1, date(2025, 8, 1), [])
    second = _table(world, 2, date(2026, 8, 1), [])
    assert conversion_current(school_id=world["school"].pk, on=date(2026, 1, 1)) == first
    assert conversion_current(school_id=world["school"].pk, on=date(2026, 8, 1)) == second
    assert conversion_current(school_id=world["birch"].pk, on=date(2026, 8, 1)) is None


def test_the_conversion_is_a_secondary_figure_beside_the_status(world, record):
    rows = [
        {"min_level": 3.5, "max_level": 4, "letter": "A", "points": 4.0},
        {"status": 3, "letter": "B", "points": 3.0},
    ]
    _table(world, 1, date(2025, 8, 1), rows)
    lines = _lines(transcript_get(learner=world["lena"], today=TODAY))
    assert (lines["N.1.a"].conversion.letter, lines["N.1.a"].words) == ("A", "can do it")
    assert lines["N.1.b"].conversion.points == 3.0


def test_the_digest_is_the_same_in_any_language_and_changes_with_the_record(world, record):
    digest = transcript_get(learner=world["lena"], today=TODAY).digest()
    with translation.override("es"):
        assert transcript_get(learner=world["lena"], today=TODAY).digest() == digest
    demonstrate(world["lena"], record["maths"]["N.1.c"], 3, timezone.now())
    assert transcript_get(learner=world["lena"], today=TODAY).digest() != digest
