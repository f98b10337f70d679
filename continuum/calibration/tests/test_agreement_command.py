"""``continuum agreement``: a rater,unit,score file in, the agreement figures out as JSON;
bad input names its line and field, exits non-zero and writes nothing."""

import json
import re
from pathlib import Path
from unittest import mock

import pytest
from django.core.management import call_command, execute_from_command_line
from django.db import connections

# Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability": observers A–D, units
# 1–12, missing values left out (unit 12 has B's score only).
KRIPPENDORFF_2011 = {
    "A": [1, 2, 3, 3, 2, 1, 4, 1, 2, None, None, None],
    "B": [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, None, 3],
    "C": [None, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, None],
    "D": [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, None],
}


def _csv(tmp_path, text: str):
    path = tmp_path / "scores.csv"
    path.write_text(text, encoding="utf-8")
    return path


def _krippendorff_csv(tmp_path):
    lines = ["rater,unit,score"]
    for rater, scores in KRIPPENDORFF_2011.items():
        lines += [f"{rater},{unit},{s}" for unit, s in enumerate(scores, start=1) if s is not None]
    return _csv(tmp_path, "\n".join(lines) + "\n")


def _run(*args: str) -> int:
    """The command as the shell runs it: its exit code."""
    with mock.patch.object(connections, "close_all"):
        try:
            execute_from_command_line(["continuum", "agreement", *args])
        except SystemExit as stop:
            return int(stop.code or 0)
    return 0


@pytest.mark.parametrize(
    ("level", "published"),
    [("nominal", 0.743), ("ordinal", 0.815), ("interval", 0.849), ("ratio", 0.797)],
)
def test_the_command_reproduces_krippendorffs_worked_example(tmp_path, level, published):
    out = tmp_path / "out.json"
    call_command(
        "agreement", f"--csv={_krippendorff_csv(tmp_path)}", f"--level={level}", f"--json={out}"
    )
    found = json.loads(out.read_text())
    assert found["krippendorff_alpha"] == pytest.approx(published, abs=5e-4)
    assert (found["units"], found["raters"]) == (12, 4)
    assert found["fleiss_kappa"] is None  # units have 1 to 4 scores
    assert found["exact_agreement"] == pytest.approx(43 / 55)
    assert found["adjacent_agreement"] == pytest.approx(52 / 55)
    interval = found["krippendorff_alpha_interval"]
    assert interval["low"] < found["krippendorff_alpha"] <= interval["high"]


def test_fleiss_kappa_is_given_when_every_unit_has_the_same_number_of_scores(tmp_path):
    path = _csv(tmp_path, "rater,unit,score\na,1,1\nb,1,2\nc,2,2\nd,2,2\n")
    out = tmp_path / "out.json"
    call_command("agreement", f"--csv={path}", "--level=ordinal", f"--json={out}", "--resamples=0")
    found = json.loads(out.read_text())
    assert found["fleiss_kappa"] == pytest.approx(-1 / 3)
    assert found["krippendorff_alpha_interval"] is None


def test_nominal_scores_may_be_labels_and_then_have_no_adjacency(tmp_path):
    path = _csv(tmp_path, "unit,rater,score,comment\n1,a,yes,\n1,b,yes,\n2,a,no,\n2,b,yes,late\n")
    out = tmp_path / "out.json"
    call_command("agreement", f"--csv={path}", "--level=nominal", f"--json={out}")
    found = json.loads(out.read_text())
    assert found["exact_agreement"] == 0.5
    assert found["adjacent_agreement"] is None


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("", "line 1: the file is empty"),
        ("rater,score\na,1\n", "line 1, field unit: missing column unit"),
        ("rater,unit,score\n", "line 2: no scores"),
        ("rater,unit,score\na,1,2\nb,1,three\n", "line 3, field score: “three” is not a number"),
        (
            "rater,unit,score\na,1,2\nb,1,3\na,1,4\n",
            "line 4, field unit: rater “a” already scored unit “1” on line 2",
        ),
        ("rater,unit,score\na,,2\n", "line 2, field unit: is empty"),
    ],
)
def test_bad_input_exits_non_zero_naming_line_and_field_and_writes_nothing(
    tmp_path, capsys, text, reason
):
    out = tmp_path / "out.json"
    assert _run(f"--csv={_csv(tmp_path, text)}", "--level=interval", f"--json={out}") == 1
    assert reason in capsys.readouterr().err
    assert not out.exists()


def test_a_missing_file_exits_non_zero(tmp_path, capsys):
    assert (
        _run(f"--csv={tmp_path / 'nope.csv'}", "--level=ordinal", f"--json={tmp_path / 'o.json'}")
        == 1
    )
    assert "Cannot read" in capsys.readouterr().err


def test_the_output_shown_in_docs_calibration_is_what_the_command_writes(tmp_path):
    page = (Path(__file__).resolve().parents[3] / "docs" / "calibration.md").read_text()
    block = re.search(r"```json\n(.*?)```", page, re.S)
    assert block is not None
    shown = json.loads(block.group(1))
    out = tmp_path / "out.json"
    call_command(
        "agreement", f"--csv={_krippendorff_csv(tmp_path)}", "--level=ordinal", f"--json={out}"
    )
    assert json.loads(out.read_text()) == shown
