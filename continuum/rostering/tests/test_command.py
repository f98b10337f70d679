"""``continuum import_oneroster``: counts to --json, errors as file:line field: reason."""

import json
from unittest import mock

import pytest
from django.core.management import call_command, execute_from_command_line
from django.core.management.base import CommandError

from continuum.people.models import User
from continuum.rostering.models import RosterImport
from continuum.rostering.tests.packages import package_bytes, small_roster


def test_the_command_imports_into_the_named_district_and_writes_the_counts(world, tmp_path):
    package = tmp_path / "riverside.zip"
    package.write_bytes(package_bytes(small_roster()))
    out = tmp_path / "out.json"

    call_command(
        "import_oneroster", str(package), f"--district={world['district'].pk}", f"--json={out}"
    )

    counts = json.loads(out.read_text())
    assert counts["created"] == {
        "orgs": 2,
        "academicSessions": 1,
        "courses": 1,
        "classes": 1,
        "users": 3,
        "enrollments": 2,
    }
    assert set(counts["updated"].values()) == {0}
    assert set(counts["deactivated"].values()) == {0}
    assert User.objects.get(username="ana.r").organization.parent == world["district"]  # type: ignore[union-attr]
    audit = RosterImport.objects.get()
    assert audit.by is None
    assert audit.state == RosterImport.State.DONE


def test_a_dry_run_counts_and_changes_nothing(world, tmp_path):
    package = tmp_path / "riverside.zip"
    package.write_bytes(package_bytes(small_roster()))
    world["district"].sourced_id = "d-river"
    world["district"].save()

    call_command("import_oneroster", str(package), "--district=d-river", "--dry-run")

    assert not User.objects.filter(username="ana.r").exists()
    assert RosterImport.objects.get().package == b""


def test_errors_exit_non_zero_and_list_file_line_and_field(world, tmp_path, capsys):
    files = small_roster()
    files["enrollments"][1]["userSourcedId"] = "u-ghost"
    files["users"][0]["enabledUser"] = "yes"
    package = tmp_path / "bad.zip"
    package.write_bytes(package_bytes(files))
    argv = ["continuum", "import_oneroster", str(package), f"--district={world['district'].pk}"]

    with mock.patch("django.db.connections.close_all"), pytest.raises(SystemExit) as stopped:
        execute_from_command_line(argv)

    assert stopped.value.code != 0
    errors = capsys.readouterr().err
    assert "enrollments.csv:3 userSourcedId: names u-ghost, which is not in users" in errors
    assert "users.csv:2 enabledUser: “yes” is not true or false" in errors
    assert "Nothing imported: 2 error(s) in bad.zip." in errors
    assert not User.objects.filter(username="ana.r").exists()


def test_the_district_must_be_named_when_there_are_several(world, tmp_path):
    package = tmp_path / "riverside.zip"
    package.write_bytes(package_bytes(small_roster()))

    with pytest.raises(CommandError, match="--district"):
        call_command("import_oneroster", str(package))
