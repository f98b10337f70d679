"""The CASE import pages (background task, polled status) and the CASE endpoint."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from continuum.frameworks.case.services import case_package_import
from continuum.frameworks.models import CaseImport, Framework
from continuum.frameworks.tests.fixtures import FOLDER, case_sample, latest

IDENTIFIER = case_sample()["CFDocument"]["identifier"]


@pytest.fixture(autouse=True)
def immediate_tasks(settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}


@pytest.fixture
def ada(client, world):
    client.force_login(world["ada"])
    return client


def upload(content: bytes) -> SimpleUploadedFile:
    return SimpleUploadedFile("sample.json", content, content_type="application/json")


def test_an_uploaded_package_is_previewed_then_imported_once_confirmed(ada, world):
    response = ada.post(
        reverse("case_import"), {"file": upload((FOLDER / "case_sample.json").read_bytes())}
    )
    case_import = CaseImport.objects.get()
    assert response.url == reverse("case_import_status", args=[case_import.pk])
    page = ada.get(response.url).content.decode()
    assert "Waiting for your confirmation" in page
    assert "A new framework, as version 1." in page
    assert "N.1.a — " in page  # the list of items it adds
    assert 'hx-trigger="every 1s"' not in page  # nothing to poll for until confirmed
    assert not Framework.objects.filter(identifier=IDENTIFIER).exists()
    confirmed = ada.post(reverse("case_import_confirm", args=[case_import.pk]))
    page = ada.get(confirmed.url).content.decode()
    assert "Maple Grove Sample Continuum" in page
    assert "created" in page
    assert latest(IDENTIFIER).created_by == world["ada"]
    assert CaseImport.objects.get().payload == ""  # the upload is not kept once imported


def test_a_preview_cannot_be_confirmed_by_another_district(client, ada, world):
    ada.post(reverse("case_import"), {"file": upload((FOLDER / "case_sample.json").read_bytes())})
    case_import = CaseImport.objects.get()
    client.force_login(world["otto"])
    response = client.post(reverse("case_import_confirm", args=[case_import.pk]))
    assert response.status_code == 404
    assert CaseImport.objects.get().status == "previewed"


def test_the_status_fragment_alone_is_sent_to_htmx_and_stops_polling_when_done(ada):
    response = ada.post(reverse("case_import"), {"file": upload(b"{ truncated")})
    fragment = ada.get(response.url, headers={"HX-Request": "true"})
    assert fragment.content.decode().lstrip().startswith('<div id="import-status"')
    assert b"hx-trigger" not in fragment.content
    assert b"not valid JSON" in fragment.content
    assert b"Nothing was changed" in fragment.content


def test_a_queued_import_keeps_polling(ada, world):
    queued = CaseImport.objects.create(
        source="big.json", created_by=world["ada"], organization=world["district"]
    )
    page = ada.get(reverse("case_import_status", args=[queued.pk]))
    assert b'hx-trigger="every 1s"' in page.content


def test_the_url_field_cannot_read_the_servers_files(ada):
    ada.post(reverse("case_import"), {"url": f"file://{FOLDER / 'case_sample.json'}"})
    assert not CaseImport.objects.exists()  # the form only takes http(s) URLs
    response = ada.post(reverse("case_import"), {})
    assert b"Choose a file or give a URL" in response.content


def test_the_case_endpoint_serves_the_package_as_json(client, world):
    case_package_import(package=case_sample(), source="test")
    client.force_login(world["lena"])
    response = client.get(reverse("case_package", args=[IDENTIFIER]))
    assert response["Content-Type"] == "application/json"
    assert response.json() == case_sample()


def test_the_case_endpoint_answers_unknown_identifiers_with_404_json(client, world):
    client.force_login(world["lena"])
    response = client.get(reverse("case_package", args=["nope"]))
    assert response.status_code == 404
    assert response.json()["imsx_codeMajor"] == "failure"


def test_the_case_endpoint_asks_anonymous_callers_to_authenticate(client, db):
    response = client.get(reverse("case_package", args=[IDENTIFIER]))
    assert response.status_code == 401
    assert response.json()["imsx_description"].startswith("Sign in")
