"""The scores CSV import's limits (issue 9, findings 5 and 9): the same bounds on level,
weight and date as the API, a clear error for an over-long cell, and the 2 MB limit on
the confirm step as on the upload."""

import pytest
from django.urls import reverse

from continuum.evidence.models import Evidence
from continuum.integrations.services.csv_import import (
    MAX_BYTES,
    ImportRefusedError,
    scores_csv_import,
    scores_csv_parse,
)

HEADER = "learner_username,target_code,level,assessed_on,kind,weight,feedback,assessment\n"


def errors_of(world, text) -> list[str]:
    return [str(error) for error in scores_csv_parse(data=text, user=world["erin"]).errors]


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("lena,N.1.a,2,2026-09-07,,inf,,", "line 2, field weight: weight must be a number"),
        ("lena,N.1.a,2,2026-09-07,,1e308,,", "line 2, field weight: weight must be a number"),
        ("lena,N.1.a,2,2026-09-07,,nan,,", "line 2, field weight: weight must be a number"),
        ("lena,N.1.a,inf,2026-09-07,,,,", "line 2, field level: level must be a finite number"),
        ("lena,N.1.a,2,0001-01-01,,,,", "line 2, field assessed_on: assessed_at must be between"),
        ("lena,N.1.a,2,2099-01-01,,,,", "line 2, field assessed_on: 2099-01-01 is in the future"),
    ],
)
def test_the_csv_refuses_what_the_api_refuses_with_the_same_words(world, sample, line, expected):
    errors = errors_of(world, HEADER + line + "\n")
    assert len(errors) == 1, errors
    assert errors[0].startswith(expected), errors


def test_a_cell_longer_than_the_csv_limit_is_a_line_error_not_a_crash(world, sample):
    text = HEADER + "lena,N.1.a,2,2026-09-07,,,ok,\n" + "lena,N.1.a,2,2026-09-07,,," + "x" * 131_073
    assert errors_of(world, text) == [
        "line 3: a cell is longer than 131,072 characters; shorten it"
    ]
    with pytest.raises(ImportRefusedError):
        scores_csv_import(data=text, user=world["erin"])
    assert not Evidence.objects.exists()


def test_the_confirm_step_refuses_a_payload_over_2_mb(client, world, sample):
    client.force_login(world["erin"])
    payload = HEADER + "lena,N.1.a,2,2026-09-07,,,ok,\n" * (MAX_BYTES // 28 + 1)
    assert len(payload.encode()) > MAX_BYTES
    response = client.post(reverse("integrations_import"), {"confirm": "1", "payload": payload})
    assert response.status_code == 200
    assert "larger than 2 MB" in response.content.decode()
    assert not Evidence.objects.exists()


def test_a_nul_character_is_refused_on_its_line_before_any_lookup(world, sample):
    """PostgreSQL cannot store U+0000: it used to reach a query as a database error."""
    text = HEADER + "lena,N.1.a,2,2026-09-07,,,,Quiz\n" + "lena,N.1.a,2,2026-09-07,,,,Qu\x00iz\n"
    assert errors_of(world, text) == [
        "line 3: this line contains a NUL character (U+0000), which no text field can hold;"
        " save the file as CSV again"
    ]
    with pytest.raises(ImportRefusedError):
        scores_csv_import(data=text, user=world["erin"])
    assert not Evidence.objects.exists()
