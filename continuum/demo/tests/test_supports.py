"""The demo school yields a plausible mix of flags, paces and plans."""

from collections import Counter
from datetime import date

from django.core.management import call_command

from continuum.demo.school import demo_school_build
from continuum.demo.supports import CERTIFICATE, CREDIT, PORTFOLIO
from continuum.supports import selectors
from continuum.supports.models import (
    Flag,
    LearnerPace,
    Requirement,
    RequirementElection,
    SupportPlan,
)
from continuum.supports.public import requirement_targets

TODAY = date(2026, 11, 20)


def test_the_demo_school_has_a_mix_of_flags_paces_and_plans(db):
    demo_school_build(seed=7, today=TODAY)
    kinds = Counter(Flag.objects.values_list("kind", flat=True))
    assert {"stalled", "repeated_not_yet", "behind_pace"} <= set(kinds)
    paces = Counter(LearnerPace.objects.values_list("status", flat=True))
    assert set(paces) == {"ahead", "on pace", "behind"}
    assert paces["behind"] < sum(paces.values()) * 0.7
    assert 3 <= SupportPlan.objects.count() <= 8
    demo_learner = SupportPlan.objects.get(shared_with_family=True).learner
    assert demo_learner.username == "learner"
    assert selectors.family_summary(demo_learner)[0]["summary"].startswith("We noticed")


def test_the_command_computes_a_school(world, capsys):
    call_command("compute_supports", school=world["school"].pk)
    assert "Maple Grove: 2 learners" in capsys.readouterr().out


def test_the_demo_requirements_keep_areas_apart_and_apply_by_kind(db):
    demo_school_build(seed=7, today=TODAY)
    for requirement in Requirement.objects.all():
        areas = {target.learning_area for target in requirement_targets(requirement)}
        assert len(areas) == 1, requirement.title
    credit = Requirement.objects.get(title=CREDIT)
    assert credit.sections.count() == 4
    portfolio = Requirement.objects.get(title=PORTFOLIO)
    assert {t.learning_area for t in requirement_targets(portfolio)} == {"lifelong"}
    states = dict(
        RequirementElection.objects.values_list("learner__username", "state").order_by("pk")
    )
    assert states.pop("learner") == "confirmed"
    assert list(states.values()) == ["elected"]
    certificate = Requirement.objects.get(title=CERTIFICATE)
    assert list(
        LearnerPace.objects.filter(requirement=certificate).values_list(
            "learner__username", flat=True
        )
    ) == ["learner"]
