"""The statements endpoint: credentials, validation, evidence from aligned statements,
everything else kept and reported, one district never seeing another's."""

import uuid

import pytest
from django.urls import reverse

from continuum.evidence.models import Evidence, EvidenceSource
from continuum.people.models import Role, User
from continuum.xapi.models import XapiStatement
from continuum.xapi.services import xapi_client_issue, xapi_client_revoke
from continuum.xapi.tests.conftest import VERSION, basic

URL = "/xapi/statements"


def aligned(template, target, *, mbox="mailto:lena.ortiz@maplegrove.example", scaled=0.95):
    """ADL's default statement and result, about Lena, on the target's CASE API address."""
    statement = template("statements/default.json")
    statement["actor"]["mbox"] = mbox
    statement["object"] = template("activities/default.json")
    statement["object"]["id"] = (
        f"https://case.example.org/ims/case/v1p1/CFItems/{target.identifier}"
    )
    statement["result"] = template("results/default.json")
    statement["result"]["score"]["scaled"] = scaled
    statement["timestamp"] = "2026-11-30T09:00:00+00:00"
    return statement


def post(client, body, headers):
    return client.post(URL, body, content_type="application/json", headers=headers)


def test_no_credentials_get_401_and_a_basic_challenge(client, db):
    response = client.get(URL, headers=VERSION)
    assert response.status_code == 401
    assert response["WWW-Authenticate"].startswith("Basic ")
    assert response["X-Experience-API-Version"] == "1.0.3"


def test_a_wrong_secret_or_a_revoked_client_gets_401(client, world, lms):
    lrs, headers = lms
    assert client.get(URL, headers=basic(lrs.key, "guess")).status_code == 401
    xapi_client_revoke(client=lrs, by=world["ada"])
    assert client.get(URL, headers=headers).status_code == 401


def test_a_request_without_the_version_header_is_refused(client, lms):
    _, headers = lms
    headers = {key: value for key, value in headers.items() if key != "X-Experience-API-Version"}
    response = client.get(URL, headers=headers)
    assert response.status_code == 400
    assert "X-Experience-API-Version" in response.json()["error"]


def test_an_aligned_statement_becomes_evidence_at_the_level_its_score_reaches(
    client, world, sample, lms, template
):
    _, headers = lms
    target = sample["N.1.a"]
    response = post(client, aligned(template, target), headers)
    assert response.status_code == 200
    [statement_id] = response.json()
    evidence = Evidence.objects.get(learner=world["lena"], target=target)
    assert evidence.level == 3  # 1 + 0.95 × 3 = 3.85: level 3 is reached, 4 is not
    assert evidence.source == EvidenceSource.API
    assert evidence.scorer == world["erin"]
    row = XapiStatement.objects.get(statement_id=statement_id)
    assert row.evidence == evidence
    assert row.not_evidence_because == ""
    assert row.activity_name == "example meeting"
    audit = evidence.history.latest()
    assert audit.history_change_reason == "xAPI activity: example meeting"


def test_the_score_is_scaled_to_the_level_reached_never_rounded_up(
    client, world, sample, lms, template
):
    _, headers = lms
    post(client, aligned(template, sample["N.1.a"], scaled=1.0), headers)
    post(client, aligned(template, sample["N.1.a"], scaled=0.5), headers)
    levels = Evidence.objects.filter(learner=world["lena"]).order_by("id")
    assert [evidence.level for evidence in levels] == [4, 2]  # 1 + 0.5 × 3 = 2.5: level 2


def test_a_stored_statement_is_read_back_with_what_the_lrs_adds(client, sample, lms, template):
    lrs, headers = lms
    sent = aligned(template, sample["N.1.a"])
    [statement_id] = post(client, sent, headers).json()
    read = client.get(URL, {"statementId": statement_id}, headers=headers).json()
    assert read["id"] == statement_id
    assert read["authority"]["account"]["name"] == lrs.key
    assert "stored" in read
    assert {key: read[key] for key in sent} == sent


def test_a_statement_aligned_to_nothing_is_kept_and_listed_with_its_reason(
    client, world, sample, lms, template
):
    _, headers = lms
    response = post(client, template("statements/default.json"), headers)
    assert response.status_code == 200
    row = XapiStatement.objects.get()
    assert row.evidence is None
    assert "not a learner" in row.not_evidence_because  # xapi@adlnet.gov is nobody here
    client.force_login(world["ada"])
    page = client.get(reverse("xapi_admin"))
    assert b"Received, not turned into evidence" in page.content
    assert row.not_evidence_because.encode() in page.content


@pytest.mark.parametrize(
    ("change", "reason"),
    [
        ({"mbox": "mailto:omar@nowhere.example"}, "not a learner"),
        ({"scaled": None}, "no score"),
    ],
)
def test_a_statement_that_cannot_be_evidence_says_why(
    client, sample, lms, template, change, reason
):
    _, headers = lms
    statement = aligned(
        template, sample["N.1.a"], mbox=change.get("mbox", "mailto:lena.ortiz@maplegrove.example")
    )
    if "scaled" in change:
        del statement["result"]["score"]
    post(client, statement, headers)
    assert reason in XapiStatement.objects.get().not_evidence_because
    assert not Evidence.objects.exists()


def test_a_learner_the_scorer_does_not_teach_is_not_scored(client, world, sample, lms, template):
    _, headers = lms
    world["omar"].email = "omar@maplegrove.example"
    world["omar"].save()
    post(client, aligned(template, sample["N.1.a"], mbox="mailto:omar@maplegrove.example"), headers)
    row = XapiStatement.objects.get()
    assert row.learner == world["omar"]
    assert row.evidence is None
    assert "cannot score" in row.not_evidence_because


def test_an_account_name_identifies_the_learner_too(client, world, sample, lms, template):
    _, headers = lms
    statement = aligned(template, sample["N.1.a"])
    del statement["actor"]["mbox"]
    statement["actor"]["account"] = {"homePage": "https://lms.example", "name": "lena"}
    post(client, statement, headers)
    assert Evidence.objects.filter(learner=world["lena"]).count() == 1


@pytest.mark.parametrize(
    "name", ["statements/no_actor.json", "statements/no_verb.json", "statements/no_object.json"]
)
def test_an_invalid_statement_is_refused_and_a_batch_with_one_stores_nothing(
    client, sample, lms, template, name
):
    _, headers = lms
    batch = [aligned(template, sample["N.1.a"]), template(name)]
    response = post(client, batch, headers)
    assert response.status_code == 400
    assert response.json()["error"].startswith("statement 2:")
    assert not XapiStatement.objects.exists()
    assert not Evidence.objects.exists()


def test_put_stores_under_the_given_id_once_and_refuses_different_content(
    client, sample, lms, template
):
    _, headers = lms
    statement_id = str(uuid.uuid4())
    statement = aligned(template, sample["N.1.a"])
    url = f"{URL}?statementId={statement_id}"

    def put(body):
        return client.put(url, body, content_type="application/json", headers=headers)

    assert put(statement).status_code == 204
    assert put(statement).status_code == 204  # the same statement again changes nothing
    assert XapiStatement.objects.count() == 1
    assert Evidence.objects.count() == 1
    statement["result"]["score"]["scaled"] = 0.1
    assert put(statement).status_code == 409
    assert (
        client.put(URL, statement, content_type="application/json", headers=headers).status_code
        == 400
    )


def test_the_list_pages_with_more_and_filters_with_since(client, sample, lms, template):
    _, headers = lms
    post(client, [template("statements/default.json") for _ in range(3)], headers)
    first = client.get(URL, {"limit": 2}, headers=headers).json()
    assert len(first["statements"]) == 2
    assert first["more"]
    rest = client.get(first["more"], headers=headers).json()
    assert len(rest["statements"]) == 1
    assert rest["more"] == ""
    stored = rest["statements"][0]["stored"]
    assert client.get(URL, {"since": stored}, headers=headers).json()["statements"] == []
    bad = client.get(URL, {"since": "yesterday"}, headers=headers)
    assert bad.status_code == 400


def test_another_districts_client_never_sees_these_statements(client, world, sample, lms, template):
    _, headers = lms
    [statement_id] = post(client, aligned(template, sample["N.1.a"]), headers).json()
    lakeside, secret = xapi_client_issue(
        by=world["otto"], name="Canvas", scorer=_lakeside_educator(world)
    )
    theirs = basic(lakeside.key, secret)
    assert client.get(URL, {"statementId": statement_id}, headers=theirs).status_code == 404
    assert client.get(URL, headers=theirs).json()["statements"] == []
    # Lakeside's client cannot score Lena either, even naming her.
    post(client, aligned(template, sample["N.1.a"]), theirs)
    assert Evidence.objects.count() == 1


def _lakeside_educator(world):
    return User.objects.create_user(
        "lee", role=Role.EDUCATOR, organization=world["birch"], password="a-long-test-password"
    )


def test_a_deleted_learners_statements_go_with_them(client, world, sample, lms, template):
    """They name the learner (e-mail, user name): privacy's learner deletion, which deletes
    what cascades from the learner, must take them too."""
    _, headers = lms
    post(client, aligned(template, sample["N.1.a"]), headers)
    world["lena"].delete()
    assert not XapiStatement.objects.exists()


def test_an_address_two_learners_share_scores_neither(client, world, sample, lms, template):
    _, headers = lms
    world["omar"].email = "lena.ortiz@maplegrove.example"  # a parent's address, say
    world["omar"].save()
    post(client, aligned(template, sample["N.1.a"]), headers)
    assert "more than one learner" in XapiStatement.objects.get().not_evidence_because
    assert not Evidence.objects.exists()


def test_a_nul_character_in_a_statement_is_refused_naming_where(client, sample, lms, template):
    _, headers = lms
    statement = aligned(template, sample["N.1.a"])
    statement["object"]["definition"] = {"name": {"en-US": "Ratios\x00"}}
    response = post(client, [statement], headers)
    assert response.status_code == 400
    assert response.json()["error"].startswith("$[0].object.definition.name.en-US contains a NUL")
    assert not XapiStatement.objects.exists()
