"""Creating, editing and retiring requirements: who may, what a rule may hold, and the
audit. Leo leads Maple Grove; Ada administers Riverside District; Otto administers
Lakeside; Erin teaches."""

from datetime import date

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from continuum.supports.models import LearnerPace, Requirement, SupportsRun
from continuum.supports.services.compute import supports_compute
from continuum.supports.services.requirements import (
    requirement_create,
    requirement_retire,
    requirement_update,
)
from continuum.supports.tests.conftest import TODAY

DATES = {"starts_on": date(2026, 9, 1), "due_on": date(2027, 6, 1)}


def _create(supports, by=None, **changes):
    fields = {
        "by": by or supports["leo"],
        "school": supports["school"],
        "title": "Grade 6 ratios credit",
        "kind": Requirement.Kind.COURSE_CREDIT,
        "competencies": [supports["maths"]["N.1"]],
        "sections": [supports["math_a"]],
        **DATES,
        **changes,
    }
    return requirement_create(**fields)


def test_a_leader_creates_a_course_credit_for_a_section_and_pace_is_recomputed(supports):
    credit = _create(supports, rule="share_proficient", share=0.75, floor=2)
    assert credit.rule == {"name": "share_proficient", "parameters": {"share": 0.75, "floor": 2}}
    assert list(credit.sections.all()) == [supports["math_a"]]
    assert credit.history.get().history_user == supports["leo"]
    assert SupportsRun.objects.filter(school=supports["school"], requested_by=supports["leo"])


def test_the_district_admin_may_edit_its_schools_requirements_but_not_anothers(supports):
    assert _create(supports, by=supports["ada"]).organization == supports["school"]
    with pytest.raises(PermissionDenied):
        _create(supports, by=supports["otto"])
    with pytest.raises(PermissionDenied):
        _create(supports, by=supports["erin"])


def test_academic_and_lifelong_targets_are_never_mixed_in_one_rule(supports):
    maths = supports["maths"]
    with pytest.raises(ValidationError) as refused:
        _create(
            supports,
            kind=Requirement.Kind.CTE_CERTIFICATION,
            sections=[],
            competencies=[maths["N.1"], maths["SEL.1"]],
        )
    assert "Academic: N.1" in str(refused.value)
    assert "Lifelong learning / SEL: SEL.1" in str(refused.value)
    assert not Requirement.objects.filter(title="Grade 6 ratios credit").exists()


def test_a_lifelong_learning_requirement_of_its_own_is_accepted(supports):
    portfolio = _create(
        supports,
        title="Lifelong learning portfolio",
        kind=Requirement.Kind.GRADUATION,
        sections=[],
        competencies=[supports["maths"]["SEL.1"]],
    )
    assert portfolio.active


@pytest.mark.parametrize(
    ("parameters", "message"),
    [
        ({"share": 0}, "The share must be more than 0 and at most 1"),
        ({"share": 1.5, "floor": 2}, "The share must be more than 0 and at most 1"),
        ({"share": 0.8}, "Give the floor"),
        ({"share": 0.8, "floor": 3.5}, "between the lowest level (1) and proficient (3)"),
        ({"share": 0.8, "floor": 0}, "between the lowest level (1) and proficient (3)"),
    ],
)
def test_a_share_rules_parameters_are_checked_with_a_specific_message(
    supports, parameters, message
):
    with pytest.raises(ValidationError, match=message.replace("(", r"\(").replace(")", r"\)")):
        _create(supports, rule="share_proficient", **parameters)
    assert not Requirement.objects.filter(title="Grade 6 ratios credit").exists()


def test_points_are_between_one_and_the_number_of_targets(supports):
    with pytest.raises(ValidationError, match="between 1 and the number of targets \\(3\\)"):
        _create(supports, rule="points", points=4)
    credit = _create(supports, rule="points", points=2)
    assert credit.rule == {"name": "points", "parameters": {"points": 2.0}}


def test_named_targets_are_targets_and_read_back_as_named(supports):
    maths = supports["maths"]
    with pytest.raises(ValidationError, match=r"N\.1 are competencies"):
        _create(supports, rule="named_targets", competencies=[maths["N.1"], maths["N.2.a"]])
    named = _create(supports, rule="named_targets", competencies=[maths["N.1.a"], maths["N.2.a"]])
    assert named.rule == {"name": "all_proficient", "parameters": {}}
    assert named.rule_choice == "named_targets"
    assert named.rule_in_words == "All of these named targets proficient"


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"sections": []}, "Course credit needs at least one section"),
        ({"kind": Requirement.Kind.GRADUATION}, "Only course credit is tied to sections"),
        ({"due_on": date(2026, 8, 1)}, "The due date must come after the start date"),
        ({"competencies": []}, "Choose at least one competency or target"),
        ({"title": "  "}, "A requirement needs a title"),
    ],
)
def test_bad_input_is_refused_and_nothing_is_saved(supports, changes, message):
    with pytest.raises(ValidationError, match=message):
        _create(supports, **changes)
    assert Requirement.objects.count() == 1


def test_a_section_of_another_school_is_refused(supports):
    with pytest.raises(ValidationError, match="Birch Math 7 belong to another school"):
        _create(supports, sections=[supports["birch_math"]])


def test_an_edit_needs_a_reason_which_the_history_keeps(supports):
    credit = _create(supports)
    edit = {
        "requirement": credit,
        "by": supports["leo"],
        "title": "Grade 6 ratios and rates credit",
        "kind": credit.kind,
        "competencies": [supports["maths"]["N.1"], supports["maths"]["N.2"]],
        "sections": [supports["math_a"], supports["math_b"]],
        **DATES,
    }
    with pytest.raises(ValidationError, match="Say why"):
        requirement_update(reason=" ", **edit)
    requirement_update(reason="Rates were added to the course", **edit)
    credit.refresh_from_db()
    assert credit.title == "Grade 6 ratios and rates credit"
    latest = credit.history.first()
    assert (latest.history_change_reason, latest.history_user) == (
        "Rates were added to the course",
        supports["leo"],
    )
    assert credit.sections.count() == 2
    # One record per change, holding the lists as they were: the version an award cites.
    created, edited = reversed(credit.history.all())
    assert (created.history_type, edited.history_type) == ("+", "~")
    assert [c.frameworkitem.human_coding_scheme for c in created.competencies.all()] == ["N.1"]
    assert edited.sections.count() == 2


def test_retiring_removes_pace_at_once_and_keeps_the_requirement(supports):
    credit = supports["requirement"]
    supports_compute(school=supports["school"], today=TODAY)
    assert LearnerPace.objects.filter(requirement=credit).exists()
    with pytest.raises(ValidationError, match="Say why"):
        requirement_retire(requirement=credit, by=supports["leo"], reason="")
    requirement_retire(requirement=credit, by=supports["leo"], reason="Course discontinued")
    credit.refresh_from_db()
    assert not credit.active
    assert not LearnerPace.objects.filter(requirement=credit).exists()
    assert credit.history.first().history_change_reason == "Course discontinued"
    supports_compute(school=supports["school"], today=TODAY)
    assert not LearnerPace.objects.exists()
