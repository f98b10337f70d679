"""The evidence API: token authentication, recording through the service, scoped reads."""

import pytest
from django.urls import reverse

from continuum.evidence.models import Estimate, Evidence
from continuum.frameworks.tests.factories import sample_framework
from continuum.integrations.models import ApiToken
from continuum.integrations.services.tokens import api_token_create, api_token_revoke

EVIDENCE = "/api/v1/evidence"
ESTIMATES = "/api/v1/estimates"


@pytest.fixture
def sample(db):
    return sample_framework()


@pytest.fixture
def erin_token(world):
    return api_token_create(user=world["erin"], name="Quiz app")[1]


def bearer(secret: str) -> dict:
    return {"HTTP_AUTHORIZATION": f"Bearer {secret}"}


def body(world, sample, **changes):
    payload = {
        "learner_id": world["lena"].pk,
        "target_id": sample["N.1.a"].pk,
        "level": 3,
        "kind": "summative",
        "assessed_at": "2026-09-07T09:00:00Z",
        "feedback": "Clear reasoning",
    }
    return {**payload, **changes}


def post(client, payload, **headers):
    return client.post(EVIDENCE, payload, content_type="application/json", **headers)


def test_the_urls_are_where_the_docs_say(world):
    assert reverse("api-v1:evidence") == EVIDENCE
    assert reverse("api-v1:estimates") == ESTIMATES


def test_a_call_without_a_token_is_401_with_a_clear_message_and_changes_nothing(
    client, world, sample
):
    response = post(client, body(world, sample))
    assert response.status_code == 401
    assert "Authorization: Bearer <token>" in response.json()["detail"]
    assert client.get(EVIDENCE).status_code == 401
    assert client.get(ESTIMATES).status_code == 401
    assert not Evidence.objects.exists()


def test_an_unknown_or_revoked_token_is_401(client, world, sample, erin_token):
    assert post(client, body(world, sample), **bearer("ctm_not-a-token")).status_code == 401
    token = ApiToken.objects.get()
    api_token_revoke(token=token, by=world["erin"])
    response = post(client, body(world, sample), **bearer(erin_token))
    assert response.status_code == 401
    assert "revoked" in response.json()["detail"]
    basic = post(client, body(world, sample), HTTP_AUTHORIZATION="Basic abc")
    assert basic.status_code == 401
    assert not Evidence.objects.exists()


def test_a_revoked_token_is_refused_even_with_a_session(client, world, sample, erin_token):
    api_token_revoke(token=ApiToken.objects.get(), by=world["erin"])
    client.force_login(world["erin"])
    assert client.get(EVIDENCE, **bearer(erin_token)).status_code == 401


def test_recording_through_the_api_uses_the_service(client, world, sample, erin_token):
    response = post(client, body(world, sample), **bearer(erin_token))
    assert response.status_code == 201, response.content
    data = response.json()
    assert data["target_code"] == "N.1.a"
    assert data["source"] == "api"
    assert data["scorer"] == "erin"
    evidence = Evidence.objects.get()
    assert evidence.history.first().history_user == world["erin"]
    assert Estimate.objects.get().level == 3
    assert ApiToken.objects.get().last_used_at is not None


def test_recording_refuses_what_the_gradebook_refuses(client, world, sample, erin_token):
    outside = post(client, body(world, sample, learner_id=world["omar"].pk), **bearer(erin_token))
    assert outside.status_code == 403
    assert "not in any of your sections" in outside.json()["detail"]
    off_scale = post(client, body(world, sample, level=5), **bearer(erin_token))
    assert off_scale.status_code == 422
    assert off_scale.json()["detail"] == [
        "Level 5 is not on the scale of N.1.a (allowed: 1, 2, 3, 4)."
    ]
    not_a_target = post(
        client, body(world, sample, target_id=sample["N.1"].pk), **bearer(erin_token)
    )
    assert not_a_target.status_code == 422
    missing = post(client, body(world, sample, level=None, mark="missing"), **bearer(erin_token))
    assert missing.status_code == 201
    assert Evidence.objects.count() == 1


def test_reads_show_only_the_learners_the_token_owner_may_see(client, world, sample, erin_token):
    post(client, body(world, sample), **bearer(erin_token))
    eli_token = api_token_create(user=world["eli"], name="Eli's app")[1]
    post(client, body(world, sample, learner_id=world["omar"].pk, level=2), **bearer(eli_token))
    mine = client.get(EVIDENCE, **bearer(erin_token)).json()
    assert [row["learner_id"] for row in mine["items"]] == [world["lena"].pk]
    assert (
        client.get(EVIDENCE, {"learner": world["omar"].pk}, **bearer(erin_token)).status_code == 404
    )
    one = client.get(
        EVIDENCE, {"learner": world["lena"].pk, "target": sample["N.1.a"].pk}, **bearer(erin_token)
    ).json()
    assert one["count"] == 1
    estimates = client.get(ESTIMATES, {"learner": world["lena"].pk}, **bearer(erin_token)).json()
    assert [(e["target_code"], e["status"]) for e in estimates["items"]] == [
        ("N.1.a", "proficient")
    ]
    assert (
        client.get(ESTIMATES, {"learner": world["omar"].pk}, **bearer(erin_token)).status_code
        == 404
    )


def test_a_learner_signed_in_sees_only_their_own(client, world, sample, erin_token):
    post(client, body(world, sample), **bearer(erin_token))
    client.force_login(world["omar"])
    assert client.get(EVIDENCE).json()["count"] == 0
    client.force_login(world["lena"])
    assert client.get(EVIDENCE).json()["count"] == 1
    # a learner cannot record evidence, session or not
    refused = client.post(EVIDENCE, body(world, sample), content_type="application/json")
    assert refused.status_code == 403


def test_the_openapi_document_describes_bearer_auth(client):
    schema = client.get("/api/v1/openapi.json").json()
    assert "TokenAuth" in schema["components"]["securitySchemes"]
    assert schema["paths"]["/api/v1/evidence"]["post"]["summary"].startswith("Record one")


@pytest.fixture
def lakeside_target(world):
    """A target of Lakeside's own framework, which Riverside's people may not read."""
    version = world["lakeside_framework"].versions.create(
        number=1, title="Lakeside Outcomes", content_hash="x"
    )
    return version.items.create(identifier="lk-1", kind="target", full_statement="Survey")


def test_evidence_on_another_districts_target_is_refused_like_a_missing_target(
    client, world, sample, erin_token, lakeside_target
):
    response = post(client, body(world, sample, target_id=lakeside_target.pk), **bearer(erin_token))
    assert response.status_code == 422
    assert f"No learning target with id {lakeside_target.pk}" in str(response.json())
    assert not Evidence.objects.exists()


def test_a_learner_page_of_another_districts_target_is_404(client, world, lakeside_target):
    client.force_login(world["erin"])
    url = reverse("learner_estimate", args=[world["lena"].pk, lakeside_target.pk])
    assert client.get(url).status_code == 404
