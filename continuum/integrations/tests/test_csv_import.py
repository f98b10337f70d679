"""CSV import of scores: a template, line-by-line errors, all or nothing."""

from datetime import timedelta

import pytest
from django.core.management import CommandError, call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from continuum.evidence.models import Assessment, Estimate, Evidence
from continuum.integrations.services.csv_import import (
    COLUMNS,
    ImportRefusedError,
    scores_csv_import,
    scores_csv_parse,
    template_csv,
)

HEADER = "learner_username,target_code,level,assessed_on,kind,weight,feedback,assessment\n"


def csv_of(*lines: str) -> str:
    return HEADER + "".join(line + "\n" for line in lines)


GOOD = csv_of(
    "lena,N.1.a,2,2026-09-07,formative,1,Good start,Ratios check",
    "lena,N.1.a,3,2026-09-14,summative,2,,Ratios check",
    "lena,N.1.b,missing,2026-09-14,summative,,,",
    "lena,SEL.1.a,excused,2026-09-15,formative,,,",
)


def refused(world, text: str | bytes) -> list[str]:
    with pytest.raises(ImportRefusedError) as caught:
        scores_csv_import(data=text, user=world["erin"])
    assert not Evidence.objects.exists(), "a refused file must change nothing"
    assert not Estimate.objects.exists()
    return [str(error) for error in caught.value.errors]


def test_the_template_has_the_header_and_one_example(world, sample):
    lines = template_csv().splitlines()
    assert lines[0].split(",") == list(COLUMNS)
    assert len(lines) == 2


def test_a_good_file_records_every_line_as_imported_evidence(world, sample):
    recorded = scores_csv_import(data=GOOD.encode(), user=world["erin"])
    assert len(recorded) == 4
    assert {e.source for e in recorded} == {"import"}
    assert {e.scorer for e in recorded} == {world["erin"]}
    assert [e.mark for e in recorded] == ["scored", "scored", "missing", "excused"]
    assessment = Assessment.objects.get(title="Ratios check")
    assert assessment.evidence.count() == 2
    assert [e.attempt for e in recorded[:2]] == [1, 2]
    estimate = Estimate.objects.get(learner=world["lena"], target=sample["N.1.a"])
    assert estimate.evidence_count == 1  # the default counts the summative 3 only
    assert estimate.level == 3
    assert recorded[0].history.first().history_change_reason == "CSV import"


def test_a_level_outside_the_scale_names_the_line_field_and_allowed_levels(world, sample):
    errors = refused(world, csv_of("lena,N.1.a,2,2026-09-07,,,,", "lena,N.1.a,5,2026-09-07,,,,"))
    assert errors == ["line 3, field level: 5 is not on the scale of N.1.a (allowed: 1, 2, 3, 4)"]


def test_a_learner_outside_your_sections_is_refused_like_an_unknown_one(world, sample):
    errors = refused(world, csv_of("omar,N.1.a,2,2026-09-07,,,,", "nobody,N.1.a,2,2026-09-07,,,,"))
    assert errors == [
        "line 2, field learner_username: “omar” is not a learner in any of your sections",
        "line 3, field learner_username: “nobody” is not a learner in any of your sections",
    ]


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        (",N.1.a,2,2026-09-07,,,,", "line 3, field learner_username: required"),
        ("lena,X.9,2,2026-09-07,,,,", "line 3, field target_code: no learning target X.9"),
        ("lena,N.1,2,2026-09-07,,,,", "line 3, field target_code: no learning target N.1"),
        (
            "lena,,2,2026-09-07,,,,",
            "line 3, field target_code: give a target_code or a target_identifier",
        ),
        (
            "lena,N.1.a,,2026-09-07,,,,",
            "line 3, field level: required: a level of the scale, or missing, or excused",
        ),
        (
            "lena,N.1.a,good,2026-09-07,,,,",
            "line 3, field level: “good” is not a level; use a number, missing or excused",
        ),
        (
            "lena,N.1.a,2,07/09/2026,,,,",
            "line 3, field assessed_on: “07/09/2026” is not a date like 2026-10-05 (YYYY-MM-DD)",
        ),
        (
            "lena,N.1.a,2,2026-09-07,often,,,",
            "line 3, field kind: “often” is not formative or summative",
        ),
        (
            "lena,N.1.a,2,2026-09-07,,-1,,",
            "line 3, field weight: weight must be a number from 0 to 100.",
        ),
        ("lena,N.1.a,2,2026-09-07,,,,,extra", "line 3: 1 more cell(s) than there are columns"),
    ],
)
def test_each_kind_of_bad_line_gets_its_own_message_and_nothing_is_recorded(
    world, sample, line, expected
):
    assert refused(world, csv_of("lena,N.1.a,2,2026-09-07,,,,", line)) == [expected]


def test_a_date_in_the_future_is_refused(world, sample):
    tomorrow = timezone.localdate() + timedelta(days=1)
    errors = refused(world, csv_of(f"lena,N.1.a,2,{tomorrow},,,,"))
    assert errors == [f"line 2, field assessed_on: {tomorrow} is in the future"]


def test_bad_headers_are_reported_on_line_1(world, sample):
    errors = refused(world, "learner,target_code,level,assessed_on\nlena,N.1.a,2,2026-09-07\n")
    assert errors[0].startswith("line 1: unknown column(s): learner (expected:")
    assert errors[1] == "line 1: missing column(s): learner_username"
    assert refused(world, "") == ["line 1: the file is empty; start from the template"]
    assert refused(world, HEADER) == ["line 2: the file has a header but no scores"]
    assert refused(world, b"\xff\xfe\x00bad") == [
        "line 1: the file is not UTF-8 text; save it as “CSV UTF-8” and upload it again."
    ]


def test_every_bad_line_is_listed_not_only_the_first(world, sample):
    errors = refused(
        world,
        csv_of("lena,N.1.a,9,2026-09-07,,,,", "lena,N.1.a,2,2026-09-07,,,,", "omar,N.1.a,2,x,,,,"),
    )
    assert [e.split(":")[0] for e in errors] == [
        "line 2, field level",
        "line 4, field learner_username",
        "line 4, field assessed_on",
    ]


def test_targets_by_identifier_and_framework(world, sample):
    identifier = sample["N.1.b"].identifier
    title = sample.framework.title
    text = (
        "learner_username,target_identifier,framework,level,assessed_on\n"
        f"lena,{identifier},{title},4,2026-09-07\n"
    )
    plan = scores_csv_parse(data=text, user=world["erin"])
    assert not plan.errors
    assert plan.rows[0].target == sample["N.1.b"]
    wrong = text.replace(title, "Unknown framework")
    assert [str(e) for e in scores_csv_parse(data=wrong, user=world["erin"]).errors] == [
        "line 2, field framework: no framework with the identifier or title “Unknown framework”"
    ]


def test_the_command_imports_or_refuses(world, sample, tmp_path, capsys):
    good = tmp_path / "good.csv"
    good.write_text(GOOD)
    call_command("import_scores", str(good), "--user", "erin")
    assert "Imported 4 scores for 1 learners" in capsys.readouterr().out
    bad = tmp_path / "bad.csv"
    bad.write_text(csv_of("lena,N.1.a,7,2026-09-07,,,,"))
    with pytest.raises(CommandError, match="Nothing imported: 1 error"):
        call_command("import_scores", str(bad), "--user", "erin")
    assert "line 2, field level: 7 is not on the scale" in capsys.readouterr().err
    assert Evidence.objects.count() == 4


def test_the_upload_page_previews_then_imports(client, world, sample):
    client.force_login(world["erin"])
    url = reverse("integrations_import")
    assert client.get(url).status_code == 200
    upload = _file(GOOD)
    page = client.post(url, {"file": upload})
    assert page.status_code == 200
    assert b"4 scores are ready to import" in page.content
    assert not Evidence.objects.exists()
    done = client.post(url, {"confirm": "1", "payload": GOOD}, follow=True)
    assert b"Imported 4 scores" in done.content
    assert Evidence.objects.count() == 4


def test_the_upload_page_lists_errors_and_records_nothing(client, world, sample):
    client.force_login(world["erin"])
    page = client.post(
        reverse("integrations_import"), {"file": _file(csv_of("lena,N.1.a,5,2026-09-07,,,,"))}
    )
    assert page.status_code == 200
    assert "line 2, field level: 5 is not on the scale of N.1.a (allowed: 1, 2, 3, 4)" in (
        page.content.decode()
    )
    # a tampered confirmation is checked again
    client.post(
        reverse("integrations_import"),
        {"confirm": "1", "payload": csv_of("omar,N.1.a,2,2026-09-07,,,,")},
    )
    assert not Evidence.objects.exists()


def test_the_template_downloads(client, world):
    client.force_login(world["erin"])
    response = client.get(reverse("integrations_import_template"))
    assert response["Content-Type"].startswith("text/csv")
    assert "attachment" in response["Content-Disposition"]
    assert response.content.decode().startswith("learner_username,")


def _file(text: str):
    from django.core.files.uploadedfile import SimpleUploadedFile

    return SimpleUploadedFile("scores.csv", text.encode(), content_type="text/csv")


def _lines(count: int) -> str:
    return csv_of(
        *(
            f"lena,{('N.1.a', 'N.1.b')[n % 2]},{n % 4 + 1},2026-09-{n % 28 + 1:02},summative,1,,"
            f"Quiz {n % 2}"
            for n in range(count)
        )
    )


def test_importing_100_lines_runs_as_many_queries_as_importing_10(world, sample):
    counts = []
    for size in (10, 100):
        with CaptureQueriesContext(connection) as captured:
            scores_csv_import(data=_lines(size), user=world["erin"])
        counts.append(len(captured))
    assert counts[1] <= counts[0]  # the second file reuses the quizzes the first created
    assert Evidence.objects.count() == 110
    assert Estimate.objects.get(learner=world["lena"], target=sample["N.1.a"]).evidence_count == 55
