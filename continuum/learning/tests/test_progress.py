"""The learner's evidence page and the explanation of one estimate."""

from datetime import UTC, datetime, timedelta

import pytest
from django.urls import reverse

from continuum.evidence.services.estimates import estimate_override
from continuum.evidence.services.recording import evidence_record
from continuum.frameworks.scales import scales_for
from continuum.learning.selectors.progress import learner_progress, progress_grouped

MONDAY = datetime(2026, 9, 7, 9, tzinfo=UTC)


def record(world, sample, code, level, days=0, **options):
    return evidence_record(
        learner=world["lena"],
        target=sample[code],
        scorer=world["erin"],
        level=level,
        assessed_at=MONDAY + timedelta(days=days),
        **options,
    )


@pytest.fixture
def lenas_evidence(world, sample):
    """Lena: a not yet on N.1.a then a 3; a 4 on N.2.a; a 2 on lifelong SEL.1.a."""
    record(world, sample, "N.1.a", 1, feedback="Check the order of the ratio.")
    record(world, sample, "N.1.a", 3, days=7)
    record(world, sample, "N.2.a", 4)
    record(world, sample, "SEL.1.a", 2)
    return sample


def test_targets_are_grouped_by_area_framework_and_competency(world, lenas_evidence):
    rows = learner_progress(learner=world["lena"], viewer=world["erin"])
    areas = progress_grouped(rows, scales=scales_for(row.target for row in rows))
    academic, lifelong = areas
    assert academic.area == "academic"
    [framework] = academic.frameworks
    codes = [
        [row.target.human_coding_scheme for row in group.targets]
        for group in framework.competencies
    ]
    assert codes == [["N.1.a"], ["N.2.a"]]
    assert [getattr(g.competency, "human_coding_scheme", None) for g in framework.competencies] == [
        "N.1",
        "N.2",
    ]
    [lifelong_framework] = lifelong.frameworks
    assert lifelong_framework.competencies[0].targets[0].target.human_coding_scheme == "SEL.1.a"


def test_the_page_shows_not_yet_as_not_yet_with_evidence_and_scorer(client, world, sample):
    record(world, sample, "N.1.a", 1, feedback="Check the order of the ratio.")
    client.force_login(world["lena"])
    page = client.get(reverse("learner_evidence", args=[world["lena"].pk])).content.decode()
    assert "My evidence" in page
    assert "Not yet · 1<" in page
    assert "1 Beginning" in page
    assert "Check the order of the ratio." in page
    assert "Erin Walsh" in page
    assert "Ask for reassessment" in page
    assert "fail" not in page.lower()


def test_lifelong_learning_is_shown_apart(client, world, lenas_evidence):
    client.force_login(world["lena"])
    page = client.get(reverse("learner_evidence", args=[world["lena"].pk])).content.decode()
    assert page.index("N.2.a") < page.index("Lifelong learning / SEL") < page.index("SEL.1.a")


def test_an_override_is_shown_as_an_override_with_its_reason(client, world, lenas_evidence):
    estimate_override(
        learner=world["lena"],
        target=lenas_evidence["N.1.a"],
        level=4,
        by=world["erin"],
        reason="Explained it fully in conference",
    )
    client.force_login(world["gabe"])
    page = client.get(reverse("learner_evidence", args=[world["lena"].pk])).content.decode()
    assert "Evidence: Lena Ortiz" in page
    assert "Set by your educator" in page
    assert "Explained it fully in conference" in page


def test_under_the_default_a_3_after_a_not_yet_is_proficient(client, world, lenas_evidence):
    client.force_login(world["lena"])
    url = reverse("learner_estimate", args=[world["lena"].pk, lenas_evidence["N.1.a"].pk])
    page = client.get(url).content.decode()
    assert "Your estimate follows the trend of your scores over time" in page
    assert "Proficient · 3" in page


def test_the_explanation_gives_each_part_and_the_what_ifs(
    client, decaying_average_district, lenas_evidence
):
    world = decaying_average_district
    client.force_login(world["lena"])
    url = reverse("learner_estimate", args=[world["lena"].pk, lenas_evidence["N.1.a"].pk])
    page = client.get(url).content.decode()
    assert "Your newest evidence counts most" in page
    assert "65% of the estimate" in page  # the 3, newest
    assert "35% of the estimate" in page  # the 1
    assert "What if my next score were" in page
    # next 4: 0.65 × 4 + 0.35 × (0.65 × 3 + 0.35 × 1) = 3.405 → proficient 3.4
    assert "Proficient · 3.4" in page
    assert "N.1.a at advanced" in page  # what each level looks like


def test_a_target_without_evidence_is_not_started(client, world, sample):
    client.force_login(world["lena"])
    url = reverse("learner_estimate", args=[world["lena"].pk, sample["N.1.c"].pk])
    page = client.get(url).content.decode()
    assert "No scored evidence yet" in page


def test_the_page_uses_a_constant_number_of_queries(
    client, world, sample, django_assert_max_num_queries
):
    for day in range(3):
        record(world, sample, "N.1.a", 2, days=day)
    client.force_login(world["lena"])
    url = reverse("learner_evidence", args=[world["lena"].pk])
    client.get(url)
    for day in range(3, 20):
        record(world, sample, "N.1.b", 3, days=day)
    with django_assert_max_num_queries(16):
        client.get(url)


@pytest.mark.parametrize(
    ("who", "status"), [("omar", 404), ("eli", 404), ("erin", 200), ("gabe", 200)]
)
def test_who_may_see_lenas_evidence(client, world, sample, who, status):
    client.force_login(world[who])
    assert client.get(reverse("learner_evidence", args=[world["lena"].pk])).status_code == status


def test_practice_alone_is_listed_and_the_estimate_waits_for_summative_work(client, world, sample):
    evidence_record(
        learner=world["lena"],
        target=sample["N.1.c"],
        scorer=world["erin"],
        level=2,
        kind="formative",
        assessed_at=datetime(2026, 9, 7, 9, tzinfo=UTC),
    )
    client.force_login(world["lena"])
    page = client.get(
        reverse("learner_estimate", args=[world["lena"].pk, sample["N.1.c"].pk])
    ).content.decode()
    assert "Your estimate starts with your first summative evidence" in page
    assert "Only summative evidence counts" in page
    assert "Evidence that does not count towards the estimate" in page
    assert "(formative, level 2)" in page
