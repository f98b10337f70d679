"""A policy for one framework's targets: the narrowest scope wins (the school's policy for
the framework, the school's, the district's for the framework, the district's), every
path (one at a time, batch, replay, adoption) follows it, and a district cannot scope a
policy to a framework it does not use.

Known answer (``one_then_three``): Lena scores 1 then 3 on a target. Under the default
power law she is proficient (3.0); under a decaying average (w = 0.65) not yet (2.3).
"""

import json

import pytest
from django.core.exceptions import PermissionDenied
from django.core.management import call_command
from django.core.management.base import CommandError
from django.urls import reverse

from continuum.evidence.models import Estimate, EstimateStatus, GradingPolicyRecord
from continuum.evidence.public import (
    estimates_recompute,
    policy_for,
    policy_replay,
    target_policy,
)
from continuum.evidence.services.estimates import estimate_refresh
from continuum.evidence.tests.known_answers import one_then_three
from continuum.frameworks.tests.factories import sample_framework
from continuum.grading.selectors import draft_replay, scope_policies
from continuum.grading.services.policies import policy_adopt, policy_draft_create
from continuum.mastery import GradingPolicy, Status

DECAYING = {"method": "decaying_average", "parameters": {"w": 0.65}}
LATEST = {"method": "latest"}


@pytest.fixture
def science(world):
    """A second framework of Riverside's, with the same codes as the sample's."""
    return sample_framework("Riverside Science", owner=world["district"])


@pytest.fixture
def scores(world, sample, science):
    """Lena's 1 then 3 on a mathematics target and on a science target."""
    return {
        "math": one_then_three(world, sample["N.1.a"]),
        "science": one_then_three(world, science["N.1.a"]),
    }


def _adopt(world, organization, body, framework=None):
    by = world["ada"] if organization == world["district"] else world["leo"]
    draft = policy_draft_create(by=by, organization=organization, body=body, framework=framework)
    return policy_adopt(record=draft, by=by, reason="Tested")


def _levels(scores):
    for estimate in scores.values():
        estimate.refresh_from_db()
    return {name: (round(e.level, 2), e.status) for name, e in scores.items()}


def test_the_narrowest_scope_wins(world, sample, science):
    framework = science.version.framework
    school, district = world["school"], world["district"]

    def method(framework_id=None):
        return policy_for(organization=school, framework_id=framework_id).method

    assert method(framework.pk) == "power_law"  # the default
    _adopt(world, district, DECAYING)
    assert method(framework.pk) == "decaying_average"
    _adopt(world, district, {"method": "mean"}, framework)
    assert (method(), method(framework.pk)) == ("decaying_average", "mean")
    _adopt(world, school, LATEST)
    assert (method(), method(framework.pk)) == ("latest", "latest")  # school beats district
    _adopt(world, school, {"method": "highest"}, framework)
    assert (method(), method(framework.pk)) == ("latest", "highest")
    assert policy_for(organization=world["birch"], framework_id=framework.pk).method == (
        "power_law"  # Lakeside's school follows none of Riverside's
    )
    versions = GradingPolicyRecord.objects.filter(organization=school).values_list(
        "version", flat=True
    )
    assert set(versions) == {1, 2}  # numbered across frameworks: a version names one record


def test_one_framework_follows_its_policy_in_every_path(world, sample, science, scores):
    framework = science.version.framework
    _adopt(world, world["district"], DECAYING, framework)
    for target in (sample["N.1.a"], science["N.1.a"]):  # the path a new score takes
        estimate_refresh(learner=world["lena"], target=target)
    proficient, not_yet = (3.0, EstimateStatus.PROFICIENT), (2.3, EstimateStatus.NOT_YET)
    assert _levels(scores) == {"math": proficient, "science": not_yet}
    assert target_policy(world["lena"], science["N.1.a"]).method == "decaying_average"
    assert target_policy(world["lena"], sample["N.1.a"]).method == "power_law"
    Estimate.objects.filter(learner=world["lena"]).update(level=None, status=0)
    estimates_recompute(school=world["school"])  # the batch path agrees
    assert _levels(scores) == {"math": proficient, "science": not_yet}


def test_a_framework_draft_replays_and_recomputes_only_that_frameworks_targets(
    world, sample, science, scores, django_capture_on_commit_callbacks, settings
):
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
    framework = science.version.framework
    draft = policy_draft_create(
        by=world["leo"], organization=world["school"], body=DECAYING, framework=framework
    )
    replayed = draft_replay(draft)
    assert [(row.target.pk, row.moved) for row in replayed.rows] == [(science["N.1.a"].pk, True)]
    assert dict(replayed.by_transition) == {(Status.PROFICIENT, Status.NOT_YET): 1}
    with django_capture_on_commit_callbacks(execute=True):
        adopted = policy_adopt(record=draft, by=world["leo"], reason="Science reassesses less")
    adopted.refresh_from_db()
    assert adopted.recompute_finished_at is not None
    levels = _levels(scores)
    assert levels["math"][1] == EstimateStatus.PROFICIENT
    assert levels["science"][1] == EstimateStatus.NOT_YET


def test_a_district_draft_does_not_touch_a_school_with_its_own_policy(world, sample, scores):
    _adopt(world, world["school"], {"method": "power_law", "formative_weight": 0})
    draft = policy_draft_create(by=world["ada"], organization=world["district"], body=DECAYING)
    replayed = draft_replay(draft)
    assert (replayed.estimates, replayed.changed) == (2, 0)
    # replayed for the school itself, the same draft would change both estimates
    alone = policy_replay(proposed=GradingPolicy(0, "decaying_average"), school=world["school"])
    assert alone.changed == 2


def test_a_policy_cannot_name_another_districts_framework(world, sample):
    theirs = sample_framework("Lakeside Science", owner=world["lakeside"])
    with pytest.raises(PermissionDenied, match="not one your district uses"):
        policy_draft_create(
            by=world["leo"],
            organization=world["school"],
            body=LATEST,
            framework=theirs.version.framework,
        )
    assert not GradingPolicyRecord.objects.exists()


def test_the_editor_drafts_for_one_framework_and_the_scope_page_shows_it(
    client, world, sample, science
):
    framework = science.version.framework
    client.force_login(world["leo"])
    new = reverse("grading_draft_new", args=[world["school"].pk])
    page = client.get(new, {"framework": framework.pk})
    assert page.context["form"]["framework"].value() == framework.pk
    response = client.post(
        new,
        {
            "framework": framework.pk,
            "method": "latest",
            "counts": "summative",
            "minimum_evidence": 1,
            "recent_count": 0,
            "order_by": "assessed_at",
        },
    )
    draft = GradingPolicyRecord.objects.get()
    assert response.url == reverse("grading_record", args=[draft.pk])
    assert draft.framework == framework
    policy_adopt(record=draft, by=world["leo"], reason="Science grades the latest work")
    page = scope_policies(user=world["leo"], scope=world["school"])
    assert [(row.framework, row.in_force) for row in page.frameworks] == [(framework, draft)]
    assert page.in_force is None  # every other framework: still the default
    html = client.get(reverse("grading_scope", args=[world["school"].pk])).content.decode()
    assert "For one framework" in html
    assert "Riverside Science" in html


def test_the_editor_refuses_a_framework_the_district_does_not_use(client, world, sample):
    theirs = sample_framework("Lakeside Science", owner=world["lakeside"])
    client.force_login(world["leo"])
    response = client.post(
        reverse("grading_draft_new", args=[world["school"].pk]),
        {
            "framework": theirs.version.framework.pk,
            "method": "latest",
            "counts": "summative",
            "minimum_evidence": 1,
            "recent_count": 0,
            "order_by": "assessed_at",
        },
    )
    assert response.status_code == 200
    assert "framework" in response.context["form"].errors
    assert not GradingPolicyRecord.objects.exists()


def test_the_command_replays_a_policy_for_one_framework(world, sample, science, scores, tmp_path):
    policy, out = tmp_path / "policy.json", tmp_path / "out.json"
    policy.write_text(json.dumps(DECAYING))
    framework = science.version.framework
    call_command(
        "policy_replay",
        f"--policy={policy}",
        f"--school={world['school'].pk}",
        f"--framework={framework.pk}",
        f"--json={out}",
    )
    report = json.loads(out.read_text())
    assert (report["changed"], report["by_transition"]) == (1, {"proficient>not yet": 1})
    assert report["by_target"] == {str(science["N.1.a"].pk): 1}
    with pytest.raises(CommandError, match="No framework with id 999999"):
        call_command("policy_replay", f"--policy={policy}", "--framework=999999", f"--json={out}")
