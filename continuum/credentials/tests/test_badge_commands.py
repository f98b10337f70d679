"""``export_credentials`` writes one file per live badge; ``verify_credential`` exits 0
only for a genuine one, and 1 with the reason otherwise."""

import json
from unittest import mock

import pytest
from django.core.management import call_command, execute_from_command_line
from django.core.management.base import CommandError
from django.db import connections

from continuum.credentials.models import Award, IssuedCredential, IssuerKey
from continuum.credentials.public import award_revoke, awards_sync
from continuum.credentials.tests.conftest import TODAY, all_proficient


@pytest.fixture
def exported(credit, tmp_path):
    all_proficient(credit, credit["lena"])
    awards_sync(school=credit["school"], today=TODAY)
    call_command("export_credentials", "lena", f"--out={tmp_path / 'out'}")
    return list((tmp_path / "out").iterdir())


def _verify(path) -> int:
    with mock.patch.object(connections, "close_all"):
        try:
            execute_from_command_line(["continuum", "verify_credential", str(path)])
        except SystemExit as stop:
            return int(stop.code or 0)
    return 0


def test_export_writes_one_file_per_badge_and_each_verifies(credit, exported):
    assert len(exported) == 1
    assert exported[0].name.startswith("grade-6-ratios-credit-")
    assert _verify(exported[0]) == 0


def test_verify_fails_when_any_character_of_the_signed_token_is_edited(credit, exported, capsys):
    document = json.loads(exported[0].read_text())
    prefix, token = document["id"].split(",", 1)
    head, body, signature = token.split(".")
    middle = len(body) // 2
    body = body[:middle] + ("A" if body[middle] != "A" else "B") + body[middle + 1 :]
    exported[0].write_text(json.dumps({**document, "id": f"{prefix},{head}.{body}.{signature}"}))
    assert _verify(exported[0]) == 1
    assert not capsys.readouterr().out.startswith("genuine")


def test_verify_fails_with_the_reason_for_a_revoked_badge(credit, exported):
    award_revoke(award=Award.objects.get(), by=credit["cora"], reason="Wrong learner")
    with pytest.raises(CommandError, match="revoked: Revoked: Wrong learner"):
        call_command("verify_credential", str(exported[0]))


def test_revoked_badges_are_left_out_of_an_export(credit, exported, tmp_path):
    award_revoke(award=Award.objects.get(), by=credit["cora"], reason="Wrong learner")
    call_command("export_credentials", "lena", f"--out={tmp_path / 'again'}")
    assert list((tmp_path / "again").iterdir()) == []


def test_export_refuses_an_unknown_learner(db, tmp_path):
    with pytest.raises(CommandError, match="No learner with username 'nobody'"):
        call_command("export_credentials", "nobody", f"--out={tmp_path}")


def test_verify_refuses_a_missing_file(db, tmp_path):
    with pytest.raises(CommandError, match="No file"):
        call_command("verify_credential", str(tmp_path / "missing.json"))


def test_key_rotation_retires_the_old_key(credit, exported):
    old = IssuedCredential.objects.get().key
    call_command("credential_key_rotate", str(credit["district"].pk))
    assert IssuerKey.objects.filter(district=credit["district"], retired_at=None).get() != old
    assert _verify(exported[0]) == 0


def test_key_rotation_refuses_a_school(credit):
    with pytest.raises(CommandError, match="No district with id"):
        call_command("credential_key_rotate", str(credit["school"].pk))


def test_an_export_is_announced_for_the_record_of_disclosures(credit, tmp_path):
    from continuum.credentials.public import credentials_exported

    all_proficient(credit, credit["lena"])
    awards_sync(school=credit["school"], today=TODAY)
    heard = []
    receiver = lambda sender, **event: heard.append(event)  # noqa: E731
    credentials_exported.connect(receiver)
    try:
        call_command("export_credentials", "lena", f"--out={tmp_path}")
    finally:
        credentials_exported.disconnect(receiver)
    assert [(e["learner"], e["actor"], len(e["credentials"])) for e in heard] == [
        (credit["lena"], None, 1)
    ]
