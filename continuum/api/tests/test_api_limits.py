"""The API's limits: bounded numbers and dates in, strict JSON out, bounded pages, bounded
nesting, and the frameworks API open to tokens like the evidence API."""

import json
from datetime import UTC, datetime

import pytest
from django.core.exceptions import ValidationError

from continuum.api.limits import MAX_BODY_BYTES, MAX_JSON_DEPTH, MAX_LIMIT, json_depth
from continuum.evidence.models import Estimate, Evidence
from continuum.evidence.services.recording import evidence_record, evidence_values_check
from continuum.frameworks.tests.factories import sample_framework
from continuum.integrations.services.tokens import api_token_create

EVIDENCE = "/api/v1/evidence"
ESTIMATES = "/api/v1/estimates"


@pytest.fixture
def sample(db):
    return sample_framework()


@pytest.fixture
def erin(client, world):
    client.force_login(world["erin"])
    return client


def body(world, sample, **changes):
    payload = {
        "learner_id": world["lena"].pk,
        "target_id": sample["N.1.a"].pk,
        "level": 3,
        "assessed_at": "2026-09-07T09:00:00Z",
    }
    return json.dumps({**payload, **changes})


def post(client, text: str):
    return client.post(EVIDENCE, text, content_type="application/json")


@pytest.mark.parametrize(
    ("field", "text"),
    [
        ("weight", "Infinity"),
        ("weight", "NaN"),
        ("weight", "1e308"),
        ("weight", "-1"),
        ("level", "Infinity"),
        ("level", "1e308"),
    ],
)
def test_a_non_finite_or_huge_number_is_refused_with_422_naming_the_field(
    erin, world, sample, field, text
):
    payload = body(world, sample).replace('"level": 3', '"level": 3, "weight": 1')
    payload = payload.replace(f'"{field}": {3 if field == "level" else 1}', f'"{field}": {text}')
    response = post(erin, payload)
    assert response.status_code == 422
    assert field in response.content.decode()
    assert not Evidence.objects.exists()


@pytest.mark.parametrize("when", ["0001-01-01T00:00:00Z", "1989-12-31T23:00:00Z", "2099-01-01"])
def test_an_assessment_date_outside_the_window_is_refused_with_422(erin, world, sample, when):
    response = post(erin, body(world, sample, assessed_at=when))
    assert response.status_code == 422
    assert "assessed_at must be between 1990-01-01 and a day from now" in str(response.json())
    assert not Evidence.objects.exists()


def test_a_time_without_a_zone_is_recorded_not_a_server_error(erin, world, sample):
    response = post(erin, body(world, sample, assessed_at="2026-09-07T09:00:00"))
    assert response.status_code == 201


def test_the_shared_check_names_every_bad_field():
    with pytest.raises(ValidationError) as refused:
        evidence_values_check(
            level=float("nan"), weight=float("inf"), assessed_at=datetime(1, 1, 1, tzinfo=UTC)
        )
    assert set(refused.value.message_dict) == {"level", "weight", "assessed_at"}


def test_the_gradebook_path_refuses_an_infinite_weight_too(world, sample):
    with pytest.raises(ValidationError, match="weight must be a number from 0 to 100"):
        evidence_record(
            learner=world["lena"],
            target=sample["N.1.a"],
            scorer=world["erin"],
            level=3,
            weight=float("inf"),
            assessed_at=datetime(2026, 9, 7, tzinfo=UTC),
        )
    assert not Evidence.objects.exists()


def test_a_stored_non_finite_value_does_not_break_the_lists(erin, world, sample):
    evidence_record(
        learner=world["lena"],
        target=sample["N.1.a"],
        scorer=world["erin"],
        level=3,
        assessed_at=datetime(2026, 9, 7, tzinfo=UTC),
    )
    # Written straight to the database, as an older release or a bad script could have.
    Evidence.objects.update(weight=float("inf"))
    Estimate.objects.update(level=float("inf"))
    for url in (EVIDENCE, ESTIMATES):
        response = erin.get(url)
        assert response.status_code == 200
        text = response.content.decode()
        assert "Infinity" not in text
        assert "NaN" not in text
        json.loads(text, parse_constant=lambda name: pytest.fail(f"bare {name}"))
    assert erin.get(EVIDENCE).json()["items"][0]["weight"] is None


@pytest.mark.parametrize(
    ("name", "value"),
    [("offset", 2**64), ("limit", 2**64), ("limit", MAX_LIMIT + 1), ("limit", 0), ("offset", -1)],
)
def test_a_page_beyond_the_bounds_is_422_naming_the_parameter(erin, world, name, value):
    for url in (EVIDENCE, ESTIMATES):
        response = erin.get(url, {name: value})
        assert response.status_code == 422
        assert name in response.content.decode()


def test_the_largest_page_is_served(erin, world):
    assert erin.get(EVIDENCE, {"limit": MAX_LIMIT, "offset": 10**9}).status_code == 200


def test_json_nested_100000_deep_is_a_clear_400(erin, world, sample):
    response = post(erin, "[" * 100_000 + "]" * 100_000)
    assert response.status_code == 400
    assert f"nests deeper than {MAX_JSON_DEPTH} levels" in response.json()["detail"]
    assert not Evidence.objects.exists()


def test_a_body_over_the_size_limit_is_a_clear_400(erin, world, sample):
    response = post(erin, body(world, sample, feedback="x" * MAX_BODY_BYTES))
    assert response.status_code == 400
    assert "larger than 256 KB" in response.json()["detail"]
    assert not Evidence.objects.exists()


def test_brackets_inside_strings_do_not_count_towards_the_depth():
    assert json_depth(b'{"feedback": "[[[[{{{{ \\" ]]"}') == 1
    assert json_depth(b"[[1], [[2]]]") == 3


def test_the_frameworks_api_accepts_an_api_token(client, world, sample):
    _token, secret = api_token_create(user=world["erin"], name="Catalog sync")
    response = client.get("/api/v1/frameworks/", HTTP_AUTHORIZATION=f"Bearer {secret}")
    assert response.status_code == 200
    assert [f["title"] for f in response.json()["items"]] == ["Maple Grove Mathematics"]
    assert client.get("/api/v1/frameworks/", HTTP_AUTHORIZATION="Bearer wrong").status_code == 401


@pytest.mark.parametrize(
    "path",
    [
        "/api/v1/evidence?learner=LENA&target=99999999999999999999",
        "/api/v1/estimates?target=99999999999999999999",
        "/api/v1/frameworks/99999999999999999999",
        "/api/v1/frameworks/items/0",
    ],
)
def test_an_id_outside_what_the_database_stores_is_refused_not_an_overflow(client, world, path):
    _, secret = api_token_create(user=world["erin"], name="fuzz")
    path = path.replace("LENA", str(world["lena"].pk))
    response = client.get(path, HTTP_AUTHORIZATION=f"Bearer {secret}")
    assert response.status_code == 422, response.content


def test_a_nul_character_in_a_string_is_a_clear_400_naming_where(erin, world, sample):
    response = post(erin, body(world, sample, feedback="Good\x00work"))
    assert response.status_code == 400
    assert response.json()["detail"].startswith("$.feedback contains a NUL character")
    assert not Evidence.objects.exists()
