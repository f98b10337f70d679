"""Who a requirement applies to, and pace only for those it applies to.

In the supports world Lena is in Math 6A and Omar in Math 6B; the course credit is Math
6A's. Lena's counselor is Cora.
"""

from datetime import date

from django.utils import timezone

from continuum.supports.models import LearnerPace, Requirement, RequirementElection
from continuum.supports.public import (
    requirement_applies_to,
    requirement_learners,
    requirement_rule,
    requirement_targets,
    requirements_applying_to,
)
from continuum.supports.services.compute import supports_compute
from continuum.supports.services.elections import election_create, election_decide
from continuum.supports.tests.conftest import TODAY


def _requirement(world, kind, title, items) -> Requirement:
    requirement = Requirement.objects.create(
        title=title,
        kind=kind,
        organization=world["school"],
        starts_on=date(2026, 1, 5),
        due_on=date(2027, 6, 1),
    )
    requirement.competencies.set(items)
    return requirement


def _certificate(supports) -> Requirement:
    return _requirement(
        supports,
        Requirement.Kind.CTE_CERTIFICATION,
        "Health certificate",
        [supports["maths"]["N.2"]],
    )


def test_course_credit_applies_to_the_learners_of_its_sections(supports):
    credit = supports["requirement"]
    assert list(requirement_learners(credit)) == [supports["lena"]]
    assert requirement_applies_to(credit, supports["lena"])
    assert not requirement_applies_to(credit, supports["omar"])


def test_graduation_applies_to_every_learner_of_the_school_only(supports):
    graduation = _requirement(
        supports, Requirement.Kind.GRADUATION, "Diploma", [supports["maths"]["N.1"]]
    )
    assert set(requirement_learners(graduation)) == {supports["lena"], supports["omar"]}
    assert not requirement_applies_to(graduation, supports["lara"])
    assert requirements_applying_to(supports["omar"]) == [graduation]


def test_a_certificate_applies_only_once_a_counselor_confirms_the_election(supports):
    certificate, lena = _certificate(supports), supports["lena"]
    election = election_create(learner=lena, requirement=certificate, by=lena, why="Nursing")
    assert not requirement_applies_to(certificate, lena)
    election_decide(election=election, by=supports["cora"], confirm=True)
    assert requirement_applies_to(certificate, lena)
    assert list(requirement_learners(certificate)) == [lena]
    assert not requirement_applies_to(certificate, supports["omar"])


def test_a_retired_requirement_applies_to_no_one(supports):
    credit = supports["requirement"]
    credit.active = False
    credit.save()
    assert not requirement_learners(credit).exists()
    assert requirements_applying_to(supports["lena"]) == []


def test_the_rule_and_targets_are_those_the_engine_reads(supports):
    credit, maths = supports["requirement"], supports["maths"]
    assert requirement_rule(credit).name == "all_proficient"
    codes = [t.human_coding_scheme for t in requirement_targets(credit)]
    assert codes == ["N.1.a", "N.1.b", "N.1.c", "N.2.a"]
    credit.competencies.set([maths["N.1.c"], maths["N.1.a"]])
    assert [t.human_coding_scheme for t in requirement_targets(credit)] == ["N.1.a", "N.1.c"]


def test_pace_is_stored_only_for_requirements_that_apply(supports):
    _certificate(supports)
    supports_compute(school=supports["school"], today=TODAY)
    assert list(LearnerPace.objects.values_list("learner__username", "requirement__title")) == [
        ("lena", "Grade 6 mathematics credit")
    ]


def test_the_next_compute_removes_pace_on_requirements_that_no_longer_apply(supports):
    certificate, lena = _certificate(supports), supports["lena"]
    RequirementElection.objects.create(
        learner=lena,
        requirement=certificate,
        elected_at=timezone.now(),
        state=RequirementElection.State.CONFIRMED,
    )
    supports_compute(school=supports["school"], today=TODAY)
    assert LearnerPace.objects.filter(learner=lena).count() == 2
    RequirementElection.objects.update(state=RequirementElection.State.WITHDRAWN)
    supports["requirement"].sections.set([supports["math_b"]])
    supports_compute(school=supports["school"], today=TODAY)
    assert list(LearnerPace.objects.values_list("learner__username", "requirement__title")) == [
        ("omar", "Grade 6 mathematics credit")
    ]


def test_pace_is_not_behind_on_a_certificate_the_learner_never_chose(supports):
    _certificate(supports)
    supports_compute(school=supports["school"], today=TODAY)
    flags = supports["lena"].flags.filter(kind="behind_pace")
    assert all("Health certificate" not in flag.explanation for flag in flags)


def test_pace_on_a_points_rule_needs_only_the_points(supports):
    credit = supports["requirement"]
    credit.rule = {"name": "points", "parameters": {"points": 1}}
    credit.save()
    supports_compute(school=supports["school"], today=TODAY)
    pace = LearnerPace.objects.get(learner=supports["lena"])
    assert (pace.status, pace.mastered, pace.needed) == ("ahead", 1, 1)
