"""The learner map: Lena's targets, edges and statuses, as dashboard, family view and
pathways read them (tests/test_learner_map.py checks that the three agree)."""

from datetime import UTC, datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from continuum.evidence.selectors.learner_map import learner_map_get
from continuum.evidence.services.assessments import AlignmentSpec, alignment_set, assessment_create
from continuum.evidence.services.estimates import estimate_override
from continuum.evidence.services.recording import evidence_record
from continuum.frameworks.models import FrameworkItem
from continuum.frameworks.ordering import TARGET_ORDER
from continuum.frameworks.tests.factories import sample_framework, wide_framework
from continuum.mastery import Status

pytestmark = pytest.mark.django_db

MONDAY = datetime(2026, 9, 7, 9, tzinfo=UTC)


def score(world, target: FrameworkItem, level: float) -> None:
    evidence_record(
        learner=world["lena"], target=target, scorer=world["erin"], level=level, assessed_at=MONDAY
    )


def codes(targets) -> list[str]:
    return [
        f"{t.version.framework.title.removeprefix('Maple Grove ')} {t.human_coding_scheme}"
        for t in targets
    ]


def test_the_map_holds_every_target_of_the_versions_the_learner_has_estimates_in(world, sample):
    score(world, sample["N.1.a"], 4)
    sample_framework(title="Maple Grove Science")  # Lena has nothing there
    found = learner_map_get(learner=world["lena"])
    assert codes(found.targets) == [
        "Mathematics N.1.a",
        "Mathematics N.1.b",
        "Mathematics N.1.c",
        "Mathematics N.2.a",
        "Mathematics SEL.1.a",
    ]
    assert list(found.targets) == list(
        FrameworkItem.objects.filter(pk__in=[t.pk for t in found.targets]).order_by(*TARGET_ORDER)
    )
    n = {code: sample[code].pk for code in ("N.1.a", "N.1.b", "N.1.c", "N.2.a")}
    assert set(found.edges) == {
        (n["N.1.a"], n["N.1.b"]),
        (n["N.1.b"], n["N.1.c"]),
        (n["N.1.b"], n["N.2.a"]),
    }


def test_a_framework_the_learners_class_is_assessed_on_is_on_the_map_before_any_evidence(
    world, sample
):
    science = sample_framework(title="Maple Grove Science")
    quiz = assessment_create(
        creator=world["erin"], title="Cells", kind="summative", section=world["math_a"]
    )
    alignment_set(assessment=quiz, by=world["erin"], alignments=[AlignmentSpec(science["N.2.a"])])
    lena, omar = learner_map_get(learner=world["lena"]), learner_map_get(learner=world["omar"])
    assert codes(lena.targets) == [
        "Science N.1.a",
        "Science N.1.b",
        "Science N.1.c",
        "Science N.2.a",
        "Science SEL.1.a",
    ]
    assert {lena.status(t.pk) for t in lena.targets} == {Status.NOT_STARTED}
    assert lena.readiness.ready == (science["N.1.a"].pk, science["SEL.1.a"].pk)
    assert omar.targets == ()  # Omar is in Eli's section, which has no assessment


def test_statuses_are_the_engines_and_an_override_counts(world, sample):
    score(world, sample["N.1.a"], 2)
    score(world, sample["N.1.b"], 1)
    estimate_override(
        learner=world["lena"], target=sample["N.1.a"], level=3, by=world["erin"], reason="Oral"
    )
    found = learner_map_get(learner=world["lena"])
    assert found.statuses == {
        sample["N.1.a"].pk: Status.PROFICIENT,
        sample["N.1.b"].pk: Status.NOT_YET,
    }
    assert all(type(status) is Status for status in found.statuses.values())
    assert found.status(sample["N.2.a"].pk) == Status.NOT_STARTED
    # N.1.a is mastered (by the override), so N.1.b is ready; N.1.c and N.2.a wait for it.
    assert found.ready == {sample["N.1.b"].pk, sample["SEL.1.a"].pk}
    assert found.prerequisites(sample["N.1.b"].pk) == [sample["N.1.a"]]
    assert found.estimates[sample["N.1.a"].pk].target is found.by_id[sample["N.1.a"].pk]


def _queries(learner) -> int:
    with CaptureQueriesContext(connection) as captured:
        found = learner_map_get(learner=learner)
        # what the pages read of each target and estimate is loaded with the map
        read = [t.version.framework.title for t in found.targets]
        read += [str(t.parent.parent if t.parent else None) for t in found.targets]
        read += [e.target.version.title for e in found.estimates.values()]
    assert read
    return len(captured.captured_queries)


def test_the_map_costs_three_queries_whatever_the_number_of_targets_or_estimates(world, sample):
    score(world, sample["N.1.a"], 3)
    assert _queries(world["lena"]) == 3
    wide = wide_framework()  # 45 more targets, in chains
    for target in [item for code, item in wide.items.items() if code.count(".") == 2][:30]:
        score(world, target, 4)
    assert len(learner_map_get(learner=world["lena"]).targets) == 50
    assert _queries(world["lena"]) == 3
