"""The family summary of Lena on the sample framework (N.1.a precedes N.1.b)."""

from datetime import UTC, datetime

import pytest

from continuum.evidence.services.recording import evidence_record
from continuum.family.selectors import family_children, family_summary
from continuum.frameworks.models import ItemKind
from continuum.frameworks.tests.factories import (
    descriptors_create,
    item_create,
    sample_framework,
    scale_create,
    version_create,
)
from continuum.people.models import GuardianLink

WHEN = datetime(2026, 9, 7, 9, tzinfo=UTC)


@pytest.fixture
def sample(db):
    sample = sample_framework()
    descriptors_create(sample["N.1.b"], sample.scale)
    return sample


def _score(world, sample, code: str, level: float, feedback: str = ""):
    evidence_record(
        learner=world["lena"],
        target=sample[code],
        scorer=world["erin"],
        level=level,
        assessed_at=WHEN,
        feedback=feedback,
    )


def test_can_do_working_on_and_ready_are_told_apart(world, sample):
    _score(world, sample, "N.1.a", 4, "Clear reasoning.")
    _score(world, sample, "SEL.1.a", 1)
    summary = family_summary(learner=world["lena"])
    # N.2 is left out: N.2.a waits for N.1.b, which is not yet mastered.
    ratios, time = summary.competencies
    assert [str(t.statement) for t in ratios.can_do] == ["I can describe a ratio"]
    assert ratios.can_do[0].words == "can do it with depth"
    # N.1.b's prerequisite is mastered: ready, with help that quotes its proficient
    # descriptor; N.1.c still waits for N.1.b.
    assert [str(t.statement) for t in ratios.ready] == ["I can find equal ratios"]
    assert "N.1.b at proficient" in ratios.ready[0].help
    assert time.lifelong
    assert [t.words for t in time.working_on] == ["not yet"]
    assert "tried so far" in time.working_on[0].help
    assert [(c.area, c.mastered, c.total) for c in summary.areas] == [
        ("academic", 1, 4),
        ("lifelong", 0, 1),
    ]
    assert summary.pace == [
        "Academic learning: 1 of 4 learning targets: can do it",
        "Lifelong learning (skills like planning and working with others): "
        "0 of 1 learning targets: can do it",
    ]


def test_academic_and_lifelong_targets_are_counted_apart(world, sample):
    _score(world, sample, "N.1.a", 4)
    _score(world, sample, "SEL.1.a", 4)
    summary = family_summary(learner=world["lena"])
    academic, lifelong = summary.areas
    assert (academic.area, academic.mastered, academic.total) == ("academic", 1, 4)
    assert (lifelong.area, lifelong.mastered, lifelong.total) == ("lifelong", 1, 1)
    # Together they make the old single count (2 of 5), which no sentence says any more.
    assert academic.mastered + lifelong.mastered == 2
    assert academic.total + lifelong.total == 5
    assert not any("of 5" in words for words in summary.pace)


def test_recent_evidence_is_in_words_with_its_feedback(world, sample):
    _score(world, sample, "N.1.a", 2, "Check which quantity comes first.")
    (recent,) = family_summary(learner=world["lena"]).recent
    assert recent.words == "getting close"
    assert str(recent.feedback) == "Check which quantity comes first."
    assert str(recent.statement) == "I can describe a ratio"


def test_a_child_without_evidence_has_an_empty_summary(world):
    summary = family_summary(learner=world["omar"])
    assert summary.competencies == []
    assert summary.recent == []
    assert summary.areas == []
    assert summary.pace == []


def test_active_goals_are_shown(world, sample):
    from continuum.pathways.models import Goal

    Goal.objects.create(
        learner=world["lena"], title="Master ratios", by_when=WHEN.date(), created_by=world["lena"]
    )
    Goal.objects.create(
        learner=world["lena"],
        title="Old goal",
        by_when=WHEN.date(),
        created_by=world["lena"],
        status="dropped",
    )
    goals = family_summary(learner=world["lena"]).goals
    assert goals is not None
    assert [g.title for g in goals] == ["Master ratios"]


def test_a_guardian_opens_all_their_children_and_a_learner_only_herself(world):
    GuardianLink.objects.create(guardian=world["gabe"], learner=world["omar"])
    assert list(family_children(user=world["gabe"])) == [world["lena"], world["omar"]]
    assert list(family_children(user=world["lena"])) == [world["lena"]]
    assert not family_children(user=world["erin"]).exists()


def test_the_family_reads_pace_to_each_requirement_and_only_shared_support(world, sample):
    from datetime import date

    from continuum.supports.models import SupportPlan
    from continuum.supports.tests.factories import pace_create

    pace_create(learner=world["lena"], school=world["school"])
    for shared, text in ((True, "We meet twice a week in a small group."), (False, "Staff only")):
        SupportPlan.objects.create(
            learner=world["lena"],
            concern="c",
            goal="g",
            review_on=date(2026, 12, 15),
            shared_with_family=shared,
            family_summary=text,
            created_by=world["erin"],
        )
    summary = family_summary(learner=world["lena"])
    (words,) = summary.requirements
    assert words.startswith("Grade 6 maths credit: Lena is behind pace.")
    assert "20 Aug 2027" in words
    assert "Ask Lena's educators how you can help." in words
    assert [plan["summary"] for plan in summary.support] == [
        "We meet twice a week in a small group."
    ]


def test_competencies_follow_the_framework_tree_when_places_repeat_across_domains(world, db):
    # CASE numbers items among their siblings: each domain's first competency is 0.
    version = version_create(title="Two domains")
    scale_create(version)
    for d, domain_code in enumerate(("D1", "D2")):
        domain = item_create(version, domain_code, "d", kind=ItemKind.DOMAIN, position=d)
        for c in range(2 - d):
            code = f"{domain_code}.C{c}"
            competency = item_create(
                version, code, code, kind=ItemKind.COMPETENCY, parent=domain, position=c
            )
            target = item_create(version, f"{code}.a", "t", parent=competency)
            evidence_record(
                learner=world["lena"],
                target=target,
                scorer=world["erin"],
                level=4,
                assessed_at=WHEN,
            )
    summary = family_summary(learner=world["lena"])
    competencies = [line.competency for line in summary.competencies]
    assert [c.human_coding_scheme for c in competencies if c is not None] == [
        "D1.C0",
        "D1.C1",
        "D2.C0",
    ]
