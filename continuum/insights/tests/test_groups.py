"""Flexible groups: suggestions, forming and editing, dissolving, the dissolve flag and
the anti-tracking monitor.

Erin teaches Math 6A, where Lena and four classmates are not yet on N.1.a; Eli teaches
Math 6B. Leo leads the school.
"""

from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import timezone

from continuum.evidence.models import Estimate, Evidence
from continuum.evidence.models import EstimateStatus as S
from continuum.evidence.services.estimates import estimate_override
from continuum.evidence.services.recompute import estimates_recompute
from continuum.evidence.services.recording import evidence_record
from continuum.frameworks.tests.factories import sample_framework
from continuum.insights.models import Group
from continuum.insights.selectors.groups import (
    group_suggestions,
    section_needs,
    section_tracking_warnings,
)
from continuum.insights.services.groups import group_create, group_dissolve, group_members_set
from continuum.people.models import Enrollment, Role, User

NOW = timezone.now()


def _estimate(learner, target, level: float, status: S) -> Estimate:
    estimate, _ = Estimate.objects.update_or_create(
        learner=learner,
        target=target,
        defaults={"level": level, "status": status, "computed_at": NOW},
    )
    return estimate


def _override(klass, learner, target, level: float) -> None:
    estimate_override(
        learner=learner, target=target, level=level, by=klass["erin"], reason="Oral check"
    )


@pytest.fixture
def klass(world):
    sample = sample_framework()
    learners = [world["lena"]]
    for n in range(5):
        learner = User.objects.create_user(
            f"mate{n}", role=Role.LEARNER, organization=world["school"], last_name=f"Mate{n}"
        )
        Enrollment.objects.create(section=world["math_a"], learner=learner)
        learners.append(learner)
    for n, learner in enumerate(learners):
        _estimate(learner, sample["N.1.a"], 1 + n * 0.2, S.NOT_YET)
        _estimate(learner, sample["N.1.b"], 3.2, S.PROFICIENT)
    return {"sample": sample, "learners": learners, **world}


def test_learners_who_share_a_need_are_suggested_together(klass):
    (suggestion,) = group_suggestions(
        section=klass["math_a"], targets=[klass["sample"]["N.1.a"], klass["sample"]["N.1.b"]]
    )
    assert suggestion.target == klass["sample"]["N.1.a"]
    assert [len(members) for _, members in suggestion.groups] == [6]


def test_learners_already_in_a_group_on_the_target_are_not_suggested_again(klass):
    target = klass["sample"]["N.1.a"]
    group_create(
        section=klass["math_a"],
        target=target,
        learner_ids=[p.pk for p in klass["learners"][:3]],
        created_by=klass["erin"],
        now=NOW,
    )
    (suggestion,) = group_suggestions(section=klass["math_a"], targets=[target])
    suggested = {p.pk for _, members in suggestion.groups for p in members}
    assert suggested == {p.pk for p in klass["learners"][3:]}


def test_only_an_educator_of_the_section_forms_groups(klass):
    for person in ("eli", "leo"):
        with pytest.raises(PermissionDenied):
            group_create(
                section=klass["math_a"],
                target=klass["sample"]["N.1.a"],
                learner_ids=[klass["lena"].pk],
                created_by=klass[person],
                now=NOW,
            )
    assert not Group.objects.exists()


def test_a_learner_from_another_section_cannot_join(klass):
    with pytest.raises(ValidationError, match="enrolled in this section"):
        group_create(
            section=klass["math_a"],
            target=klass["sample"]["N.1.a"],
            learner_ids=[klass["lena"].pk, klass["omar"].pk],
            created_by=klass["erin"],
            now=NOW,
        )
    assert not Group.objects.exists()


def test_a_group_is_flagged_to_dissolve_once_every_member_is_proficient(klass):
    target = klass["sample"]["N.1.a"]
    members = klass["learners"][:2]
    group = group_create(
        section=klass["math_a"],
        target=target,
        learner_ids=[p.pk for p in members],
        created_by=klass["erin"],
        now=NOW,
    )
    assert group.dissolve_flagged_at is None
    evidence_record(
        learner=members[0], target=target, scorer=klass["erin"], level=4, assessed_at=NOW
    )
    group.refresh_from_db()
    assert group.dissolve_flagged_at is None
    _override(klass, members[1], target, 3.4)
    group.refresh_from_db()
    assert group.dissolve_flagged_at is not None
    _override(klass, members[1], target, 2.4)  # a later check lowered it
    group.refresh_from_db()
    assert group.dissolve_flagged_at is None


def test_a_batch_recompute_flags_a_group_whose_members_all_reached_proficient(klass):
    target = klass["sample"]["N.1.a"]
    members = klass["learners"][:2]
    group = group_create(
        section=klass["math_a"],
        target=target,
        learner_ids=[p.pk for p in members],
        created_by=klass["erin"],
        now=NOW,
    )
    for learner in members:  # imported in bulk: no estimate is saved one by one
        Evidence.objects.create(learner=learner, target=target, level=4, assessed_at=NOW)
    group.refresh_from_db()
    assert group.dissolve_flagged_at is None
    estimates_recompute(school=klass["school"])
    group.refresh_from_db()
    assert group.dissolve_flagged_at is not None


def test_editing_members_and_dissolving(klass):
    target = klass["sample"]["N.1.a"]
    learners = klass["learners"]
    group = group_create(
        section=klass["math_a"],
        target=target,
        learner_ids=[p.pk for p in learners[:3]],
        created_by=klass["erin"],
        now=NOW,
    )
    group_members_set(
        group=group, learner_ids=[learners[1].pk, learners[4].pk], by=klass["erin"], now=NOW
    )
    assert set(group.learners.all()) == {learners[1], learners[4]}
    with pytest.raises(ValidationError):
        group_members_set(group=group, learner_ids=[], by=klass["erin"], now=NOW)
    group_dissolve(group=group, by=klass["erin"], now=NOW)
    assert group.status == Group.Status.DISSOLVED
    with pytest.raises(ValidationError):
        group_members_set(group=group, learner_ids=[learners[0].pk], by=klass["erin"], now=NOW)


def test_the_same_learners_grouped_on_three_targets_raise_a_tracking_warning(klass):
    sample, trio = klass["sample"], [p.pk for p in klass["learners"][:3]]
    for code in ("N.1.a", "N.1.b", "N.1.c"):
        group_create(
            section=klass["math_a"],
            target=sample[code],
            learner_ids=trio,
            created_by=klass["erin"],
            now=NOW - timedelta(days=3),
        )
    (warning,) = section_tracking_warnings(section=klass["math_a"], now=NOW)
    assert {p.pk for p in warning.learners} == set(trio)
    assert len(warning.targets) == 3
    assert section_tracking_warnings(section=klass["math_a"], now=NOW + timedelta(weeks=9)) == []


def test_section_needs_lists_the_not_yet_first(klass):
    needs = section_needs(section=klass["math_a"], target=klass["sample"]["N.1.a"])
    assert [need[0] for need in needs] == klass["learners"]


def test_forming_a_group_from_the_page(client, klass):
    client.force_login(klass["erin"])
    target = klass["sample"]["N.1.a"]
    page = client.get(reverse("insights_groups", args=[klass["math_a"].pk]))
    assert b"Suggested group 1 on N.1.a" in page.content
    response = client.post(
        reverse("insights_group_create", args=[klass["math_a"].pk]),
        {"target": target.pk, "learner": [p.pk for p in klass["learners"][:3]]},
    )
    group = Group.objects.get()
    assert response.url == reverse("insights_group_detail", args=[group.pk])
    detail = client.get(response.url).content.decode()
    assert "Lena Ortiz" in detail
    assert "Save the members" in detail


def test_a_bad_form_says_why_and_forms_nothing(client, klass):
    client.force_login(klass["erin"])
    url = reverse("insights_group_create", args=[klass["math_a"].pk])
    response = client.post(url, {"target": klass["sample"]["N.1.a"].pk}, follow=True)
    assert b"No group formed: Choose at least one learner" in response.content
    response = client.post(url, {"target": "x", "learner": [klass["lena"].pk]}, follow=True)
    assert b"No group formed: choose a learning target." in response.content
    assert not Group.objects.exists()


def test_the_leader_sees_groups_but_no_suggestions(client, klass):
    client.force_login(klass["leo"])
    page = client.get(reverse("insights_groups", args=[klass["math_a"].pk])).content
    assert b"Suggested groups" not in page
