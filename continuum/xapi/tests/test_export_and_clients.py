"""Exporting a learner's evidence as xAPI statements, and issuing clients (audited)."""

import io
import json
from datetime import UTC, datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.management import CommandError, call_command
from django.urls import reverse
from ralph.models.xapi.base.statements import BaseXapiStatement

from continuum.evidence.models import Evidence
from continuum.evidence.public import evidence_record
from continuum.xapi.models import XapiClient
from continuum.xapi.services import xapi_client_issue, xapi_client_revoke


def test_a_learners_evidence_is_exported_as_valid_statements_that_come_back_as_the_same_evidence(
    client, world, sample, lms, tmp_path
):
    target = sample["N.1.a"]
    when = datetime(2026, 11, 2, 10, tzinfo=UTC)
    evidence_record(
        learner=world["lena"], target=target, scorer=world["erin"], assessed_at=when, level=3
    )
    out = tmp_path / "lena.json"
    call_command("export_xapi", "lena", f"--out={out}", stdout=io.StringIO())
    [statement] = json.loads(out.read_text())
    BaseXapiStatement.model_validate(statement)
    assert statement["actor"]["account"]["name"] == "lena"
    assert statement["result"]["score"] == {"raw": 3.0, "min": 1.0, "max": 4.0, "scaled": 0.6667}
    assert statement["object"]["id"] == f"urn:continuum:{target.identifier}"
    # The export names the target the way the endpoint aligns: by its URI.
    target.uri = "https://case.example.org/ims/case/v1p1/CFItems/" + target.identifier
    target.save()
    call_command("export_xapi", "lena", f"--out={out}", stdout=io.StringIO())
    [statement] = json.loads(out.read_text())
    _, headers = lms
    del statement["id"]
    client.post("/xapi/statements", statement, content_type="application/json", headers=headers)
    levels = Evidence.objects.filter(learner=world["lena"], target=target).values_list("level")
    assert list(levels) == [(3.0,), (3.0,)]


def test_the_export_refuses_someone_who_is_not_a_learner(world, tmp_path):
    with pytest.raises(CommandError, match="No learner"):
        call_command("export_xapi", "erin", f"--out={tmp_path / 'x.json'}")


def test_an_issued_client_keeps_only_a_digest_and_the_issue_is_audited(world):
    client, secret = xapi_client_issue(by=world["ada"], name="Moodle", scorer=world["erin"])
    assert secret not in client.secret_digest
    assert client.district == world["district"]
    issued = client.history.get()
    assert issued.history_user == world["ada"]
    assert issued.history_change_reason == "xAPI client issued"
    xapi_client_revoke(client=client, by=world["ada"])
    assert client.history.latest().history_change_reason == "xAPI client revoked"


def test_only_a_district_admin_issues_and_only_for_their_own_educators(world):
    with pytest.raises(PermissionDenied):
        xapi_client_issue(by=world["erin"], name="Moodle", scorer=world["erin"])
    with pytest.raises(ValidationError, match="educator of your district"):
        xapi_client_issue(by=world["otto"], name="Canvas", scorer=world["erin"])
    with pytest.raises(ValidationError, match="Name the system"):
        xapi_client_issue(by=world["ada"], name="  ", scorer=world["erin"])
    assert not XapiClient.objects.exists()


def test_another_districts_admin_cannot_revoke(world):
    client, _ = xapi_client_issue(by=world["ada"], name="Moodle", scorer=world["erin"])
    with pytest.raises(PermissionDenied):
        xapi_client_revoke(client=client, by=world["otto"])


def test_the_admin_page_shows_the_secret_once(client, world):
    client.force_login(world["ada"])
    response = client.post(reverse("xapi_admin"), {"name": "Moodle", "scorer": world["erin"].pk})
    issued = XapiClient.objects.get()
    assert issued.key.encode() in response.content
    assert b"shown only once" in response.content
    assert b"shown only once" not in client.get(reverse("xapi_admin")).content
