"""Replaying a proposed grading policy: known answers, the command's contract, no writes.

The hand-built school (the sample framework's 1–4 scale, proficient at 3; estimates are
approaching from 2.5 and advanced from 3.5), in a district that still grades by Canvas'
decaying average (w = 0.65, Continuum's default before issue 11):

- Lena (Math 6A) scores 1 then 3 on N.1.a: 0.65·3 + 0.35·1 = 2.3, not yet;
- Lena scores 1, 3, 3 on N.1.b: 0.65·3 + 0.35·2.3 = 2.755, approaching;
- Omar (Math 6B) scores 3, 3 on N.1.a: 3.0, proficient;
- Omar scores 4 then 2 on N.1.b: 0.65·2 + 0.35·4 = 2.7, approaching.

Under "latest" Lena shows what she can do now (3, 3: proficient on both), Omar's N.1.a
stays at 3, and his N.1.b falls to his latest 2 (not yet). Under "highest" his N.1.b is
his best, 4 (advanced).
"""

import json
from datetime import UTC, datetime, timedelta
from unittest import mock

import pytest
from django.core.management import execute_from_command_line
from django.db import connections

from continuum.evidence.models import Estimate, Evidence, GradingPolicyRecord
from continuum.evidence.services.policy import DEFAULT_POLICY
from continuum.evidence.services.policy_replay import (
    PolicyError,
    policy_replay,
    proposed_policy,
)
from continuum.evidence.services.recording import evidence_record
from continuum.mastery import GradingPolicy, Status
from continuum.people.models import Role, User

START = datetime(2026, 9, 7, 8, tzinfo=UTC)
SCORERS = {"lena": "erin", "omar": "eli"}  # each learner's teacher
SCORES = {
    ("lena", "N.1.a"): [1, 3],
    ("lena", "N.1.b"): [1, 3, 3],
    ("omar", "N.1.a"): [3, 3],
    ("omar", "N.1.b"): [4, 2],
}


@pytest.fixture
def scored(world, sample):
    """The hand-built school above, recorded as summative evidence a day apart."""
    GradingPolicyRecord.objects.create(
        organization=world["district"],
        version=1,
        body={"version": 1, "method": "decaying_average", "parameters": {"w": 0.65}},
    )
    for (learner, code), levels in SCORES.items():
        for day, level in enumerate(levels):
            evidence_record(
                learner=world[learner],
                target=sample[code],
                scorer=world[SCORERS[learner]],
                level=level,
                kind="summative",
                assessed_at=START + timedelta(days=day),
            )
    return world


def _replay(policy: dict, school=None):
    return policy_replay(proposed=proposed_policy(json.dumps(policy)), school=school)


def test_latest_makes_early_not_yet_proficient_and_a_recent_drop_not_yet(scored, sample):
    report = _replay({"method": "latest"}, school=scored["school"])
    assert report.estimates == 4
    assert report.changed == 3
    assert report.by_transition == {
        (Status.NOT_YET, Status.PROFICIENT): 1,
        (Status.APPROACHING, Status.PROFICIENT): 1,
        (Status.APPROACHING, Status.NOT_YET): 1,
    }
    assert report.by_target == {sample["N.1.a"].pk: 1, sample["N.1.b"].pk: 2}
    assert report.by_section == {scored["math_a"].pk: 2, scored["math_b"].pk: 1}


def test_the_default_makes_early_not_yet_proficient(scored, sample):
    """Under the power law, Lena's 1 then 3 is the trend 1·t^1.585, read at 3 (proficient);
    her 1, 3, 3 ends at 3.54 (advanced); Omar's 4 then 2 reads 2 (not yet)."""
    report = policy_replay(proposed=DEFAULT_POLICY, school=scored["school"])
    assert report.by_transition == {
        (Status.NOT_YET, Status.PROFICIENT): 1,
        (Status.APPROACHING, Status.ADVANCED): 1,
        (Status.APPROACHING, Status.NOT_YET): 1,
    }


def test_highest_makes_the_best_score_count(scored):
    report = _replay({"method": "highest"}, school=scored["school"])
    assert report.to_dict()["by_transition"] == {
        "not yet>proficient": 1,
        "approaching>proficient": 1,
        "approaching>advanced": 1,
    }


def test_a_level_that_moves_within_its_status_is_changed_but_keeps_its_status(scored):
    # Mean: Lena's N.1.a 2.0 (still not yet), her N.1.b 2.33 (approaching → not yet),
    # Omar's N.1.a 3.0 (unchanged), his N.1.b 3.0 (approaching → proficient).
    report = _replay({"method": "mean"}, school=scored["school"])
    assert report.changed == 3
    assert report.by_transition == {
        (Status.NOT_YET, Status.NOT_YET): 1,
        (Status.APPROACHING, Status.NOT_YET): 1,
        (Status.APPROACHING, Status.PROFICIENT): 1,
    }
    assert report.status_changed == 2
    assert report.to_dict()["by_transition"] == {  # moves by status only
        "approaching>not yet": 1,
        "approaching>proficient": 1,
    }


def test_evidence_a_policy_does_not_count_leaves_the_estimate_not_started(scored, sample):
    evidence_record(
        learner=scored["lena"],
        target=sample["N.2.a"],
        scorer=scored["erin"],
        level=4,
        kind="formative",
        assessed_at=START,
    )
    report = _replay({"method": "decaying_average", "formative_weight": 0}, school=scored["school"])
    assert report.estimates == 5
    assert report.by_transition == {(Status.ADVANCED, Status.NOT_STARTED): 1}


def test_each_school_is_replayed_from_its_own_policy(scored, sample):
    """Birch Hollow already grades by "latest": replaying "latest" everywhere changes
    only Riverside's learners."""
    GradingPolicyRecord.objects.create(
        organization=scored["birch"], version=2, body={"version": 2, "method": "latest"}
    )
    teacher = User.objects.create_user(
        "bea", role=Role.EDUCATOR, organization=scored["birch"], first_name="Bea"
    )
    scored["birch_math"].educators.add(teacher)
    for day, level in enumerate([1, 4]):
        evidence_record(
            learner=scored["lara"],
            target=sample["N.1.a"],
            scorer=teacher,
            level=level,
            assessed_at=START + timedelta(days=day),
        )
    everyone = _replay({"method": "latest"})
    assert (everyone.estimates, everyone.changed) == (5, 3)
    birch = _replay({"method": "latest"}, school=scored["birch"])
    assert (birch.estimates, birch.changed) == (1, 0)


def test_a_replay_writes_nothing(scored):
    def snapshot():
        return (
            list(Estimate.objects.order_by("pk").values()),
            Estimate.history.count(),
            Evidence.objects.count(),
        )

    before = snapshot()
    assert _replay({"method": "latest"}).changed == 3
    assert snapshot() == before


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ('{"method": "median"}', "unknown method 'median'"),
        ('{"method": "decaying_average", "parameters": {"w": 2}}', "w must be within"),
        ('{"method": "n_of_m", "parameters": {"n": 4, "m": 3}}', "cannot exceed m"),
        ('{"method": "n_of_m", "parameters": {"n": "three"}}', "'n' must be a number"),
        ('{"method": "latest", "parameters": {"w": 0.5}}', "latest takes [], not ['w']"),
        ('{"method": "latest", "colour": "red"}', "unknown policy keys ['colour']"),
        ('{"method": "latest", "order_by": "name"}', "order_by must be one of"),
        ('{"method": "latest", "formative_weight": 1.5}', "formative_weight must be within"),
        ('{"method": "latest", "formative_weight": "half"}', "'formative_weight' must be a number"),
        ('{"parameters": {"w": 0.5}}', 'needs a "method"'),
        ('["latest"]', "a policy is a JSON object"),
        ("{method: latest}", "not valid JSON"),
    ],
)
def test_a_bad_policy_is_refused_with_its_reason(text, reason):
    with pytest.raises(PolicyError) as refused:
        proposed_policy(text)
    assert reason in str(refused.value)


def test_a_policy_file_names_only_what_differs_from_the_defaults():
    policy = proposed_policy('{"method": "n_of_m", "parameters": {"n": 3, "m": 5}}')
    assert policy == GradingPolicy(version=0, method="n_of_m", parameters={"n": 3, "m": 5})
    assert policy.parameters["cut"] == 3.0


def _command(tmp_path, *args: str) -> int:
    """Run the command as the shell does (exit code, stderr). Django closes every database
    connection when a command-line run ends; here that connection holds the test's
    transaction (on PostgreSQL a closed one loses it), so it is kept open."""
    with mock.patch.object(connections, "close_all"):
        try:
            execute_from_command_line(["continuum", "policy_replay", *args])
        except SystemExit as exit:
            return int(exit.code or 0)
    return 0


def test_the_command_writes_the_counts_as_json(scored, tmp_path, capsys):
    policy = tmp_path / "policy.json"
    policy.write_text('{"method": "latest"}')
    out = tmp_path / "out.json"
    school = str(scored["school"].pk)
    assert _command(tmp_path, "--policy", str(policy), "--school", school, "--json", str(out)) == 0
    written = json.loads(out.read_text())
    assert written["estimates"] == 4
    assert written["changed"] == 3
    assert written["by_transition"] == {
        "not yet>proficient": 1,
        "approaching>not yet": 1,
        "approaching>proficient": 1,
    }
    assert written["by_section"] == {str(scored["math_a"].pk): 2, str(scored["math_b"].pk): 1}
    assert "Replayed 4 estimates under latest: 3 would change" in capsys.readouterr().out


@pytest.mark.parametrize(
    ("text", "school", "reason"),
    [
        ('{"method": "median"}', None, "unknown method 'median'"),
        ('{"method": "n_of_m", "parameters": {"n": 4, "m": 3}}', None, "cannot exceed m"),
        ('{"method": "latest", "colour": "red"}', None, "unknown policy keys"),
        ("{not json", None, "not valid JSON"),
        (None, None, "Cannot read"),
        ('{"method": "latest"}', "999999", "No school with id 999999."),
        ('{"method": "latest"}', "district", "No school with id"),
    ],
)
def test_the_command_exits_non_zero_with_the_reason_and_writes_nothing(
    scored, tmp_path, capsys, text, school, reason
):
    policy = tmp_path / "policy.json"
    if text is not None:
        policy.write_text(text)
    out = tmp_path / "out.json"
    args = ["--policy", str(policy), "--json", str(out)]
    if school is not None:
        args += ["--school", str(scored["district"].pk) if school == "district" else school]
    estimates = list(Estimate.objects.order_by("pk").values())
    assert _command(tmp_path, *args) == 1
    assert reason in capsys.readouterr().err
    assert not out.exists()
    assert list(Estimate.objects.order_by("pk").values()) == estimates
