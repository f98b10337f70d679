"""Correcting a recorded score: the reason, the audit, the recomputed estimate, the page and
who sees the correction. Lena is in Erin's Math 6A; Gabe is her guardian; Eli teaches Omar
in Math 6B and not Lena."""

from datetime import UTC, datetime, timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from continuum.evidence.models import Estimate, Evidence, EvidenceKind, Mark
from continuum.evidence.models import EstimateStatus as S
from continuum.evidence.selectors.corrections import correction_list
from continuum.evidence.services.recording import evidence_record, evidence_update
from continuum.frameworks.scales import scales_for

MONDAY = datetime(2026, 9, 7, 9, tzinfo=UTC)


@pytest.fixture
def scored(world, sample):
    """Lena's 2 on N.1.a, recorded by Erin: not yet."""
    return evidence_record(
        learner=world["lena"],
        target=sample["N.1.a"],
        scorer=world["erin"],
        level=2,
        assessed_at=MONDAY,
    )


def correct(world, evidence, who="erin", **changes):
    values = {"level": evidence.level, "mark": evidence.mark, "reason": "Misread the rubric"}
    return evidence_update(evidence=evidence, by=world[who], **(values | changes))


def estimate_of(world, sample) -> Estimate:
    return Estimate.objects.get(learner=world["lena"], target=sample["N.1.a"])


def test_correcting_a_score_recomputes_the_estimate_and_keeps_who_why_and_the_old_value(
    world, sample, scored
):
    assert estimate_of(world, sample).status == S.NOT_YET
    correct(world, scored, level=3)
    assert estimate_of(world, sample).status == S.PROFICIENT
    before, after = scored.history.order_by("history_date")
    assert (before.level, after.level) == (2, 3)
    assert (after.history_user, after.history_change_reason) == (
        world["erin"],
        "Misread the rubric",
    )


def test_kind_weight_date_and_feedback_can_be_corrected(world, sample, scored):
    correct(
        world,
        scored,
        kind=EvidenceKind.FORMATIVE,
        weight=0,
        assessed_at=MONDAY + timedelta(days=1),
        feedback="Recheck question 3.",
    )
    scored.refresh_from_db()
    assert (scored.kind, scored.weight, scored.assessed_at, scored.feedback) == (
        EvidenceKind.FORMATIVE,
        0,
        MONDAY + timedelta(days=1),
        "Recheck question 3.",
    )
    assert estimate_of(world, sample).evidence_count == 0  # weighted zero no longer counts


def test_a_score_can_be_corrected_to_excused_and_back(world, sample, scored):
    correct(world, scored, mark=Mark.EXCUSED, level=None)
    assert estimate_of(world, sample).evidence_count == 0
    correct(world, scored, mark=Mark.SCORED, level=4)
    assert estimate_of(world, sample).level == 4


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"reason": "  "}, "needs a reason"),
        ({"level": 5}, r"Level 5 is not on the scale of N.1.a"),
        ({"weight": float("inf")}, "weight must be a number from 0 to 100"),
        ({"assessed_at": datetime(1980, 1, 1, tzinfo=UTC)}, "assessed_at must be between"),
        ({"kind": "homework"}, "homework is not a kind of evidence"),
        ({"mark": Mark.MISSING, "level": 2}, "Missing evidence has no level"),
        ({}, "Nothing to correct"),
    ],
)
def test_a_bad_correction_is_refused_and_changes_nothing(world, sample, scored, changes, message):
    with pytest.raises(ValidationError, match=message):
        correct(world, scored, **changes)
    assert Evidence.objects.get().level == 2
    assert scored.history.count() == 1
    assert estimate_of(world, sample).level == 2


def test_only_an_educator_of_the_learner_may_correct(world, sample, scored):
    with pytest.raises(PermissionDenied):
        correct(world, scored, who="eli", level=3)
    assert Evidence.objects.get().level == 2


def test_the_correction_list_says_each_value_old_and_new_newest_first(world, sample, scored):
    correct(world, scored, level=3)
    correct(world, scored, kind=EvidenceKind.FORMATIVE, reason="It was a practice quiz")
    target = sample["N.1.a"]
    latest, first = correction_list(
        learner=world["lena"], target=target, scale=scales_for([target])[target.pk]
    )
    assert [(c.field, c.old, c.new) for c in first.changes] == [
        ("Level", "2 Developing", "3 Proficient")
    ]
    assert (first.by, first.reason) == (world["erin"], "Misread the rubric")
    assert [(c.old, c.new) for c in latest.changes] == [("Summative", "Formative")]
    assert latest.reason == "It was a practice quiz"


def _page(client, world, sample, who):
    client.force_login(world[who])
    url = reverse("learner_estimate", args=[world["lena"].pk, sample["N.1.a"].pk])
    return client.get(url).content.decode()


def test_the_educator_corrects_from_the_page_and_returns_to_the_recalculated_estimate(
    client, world, sample, scored
):
    page = _page(client, world, sample, "erin")
    url = reverse("evidence_correct", args=[scored.pk])
    assert f'href="{url}"' in page
    form = client.get(url)
    assert 'name="reason"' in form.content.decode()
    response = client.post(
        url,
        {
            "mark": "scored",
            "level": "3",
            "kind": "summative",
            "weight": "1",
            "assessed_at": "2026-09-07",
            "feedback": "",
            "reason": "Misread the rubric",
        },
    )
    assert response.status_code == 302
    assert response["Location"] == reverse(
        "learner_estimate", args=[world["lena"].pk, sample["N.1.a"].pk]
    )
    scored.refresh_from_db()
    assert (scored.level, scored.assessed_at) == (3, MONDAY)  # same day: the moment is kept
    assert estimate_of(world, sample).status == S.PROFICIENT


def test_a_correction_without_a_reason_shows_the_error_on_the_form(client, world, sample, scored):
    client.force_login(world["erin"])
    data = {"mark": "scored", "level": "3", "kind": "summative", "weight": "1"}
    response = client.post(
        reverse("evidence_correct", args=[scored.pk]), data | {"assessed_at": "2026-09-07"}
    )
    assert response.status_code == 422
    assert "This field is required." in response.content.decode()
    assert Evidence.objects.get().level == 2


def test_scored_evidence_needs_a_level_on_the_form(client, world, sample, scored):
    client.force_login(world["erin"])
    data = {"mark": "scored", "level": "", "kind": "summative", "weight": "1", "reason": "Typo"}
    response = client.post(
        reverse("evidence_correct", args=[scored.pk]), data | {"assessed_at": "2026-09-07"}
    )
    assert "Scored evidence needs a level." in response.content.decode()


def test_a_date_outside_the_bounds_lands_on_the_date_field(client, world, sample, scored):
    client.force_login(world["erin"])
    data = {"mark": "scored", "level": "3", "kind": "summative", "weight": "1", "reason": "Typo"}
    response = client.post(
        reverse("evidence_correct", args=[scored.pk]), data | {"assessed_at": "1980-01-01"}
    )
    assert response.status_code == 422
    assert "assessed_at must be between 1990-01-01" in response.content.decode()
    assert Evidence.objects.get().assessed_at == MONDAY


@pytest.mark.parametrize("who", ["lena", "gabe", "erin"])
def test_the_learner_and_family_see_the_corrected_score_that_it_was_corrected_and_why(
    client, world, sample, scored, who
):
    correct(world, scored, level=3)
    page = _page(client, world, sample, who)
    assert "Corrected scores" in page
    assert "Misread the rubric" in page
    assert "Erin Walsh corrected the evidence of 7 Sep 2026" in page
    correct_url = reverse("evidence_correct", args=[scored.pk])
    assert (f'href="{correct_url}"' in page) is (who == "erin")


def test_a_page_without_corrections_says_nothing_about_them(client, world, sample, scored):
    assert "Corrected scores" not in _page(client, world, sample, "lena")
