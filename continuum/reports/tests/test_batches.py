"""Batches of report cards: who may start one, the worker's ZIP, and the download.

Erin teaches Math 6A (Lena) and Eli Math 6B (Omar); Leo leads Maple Grove; Ada administers
Riverside; Gabe is Lena's guardian; Otto administers Lakeside. The worker runs on the
immediate backend, so a batch is finished when the request's transaction commits.
"""

import io
import zipfile

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from continuum.people.models import Enrollment, Role, User
from continuum.privacy.models import Disclosure
from continuum.reports.models import ReportBatch
from continuum.reports.services import report_batch_request
from continuum.reports.services.batches import entry_name
from continuum.reports.tests.conftest import at, score
from continuum.reports.tests.test_views import _inflated


@pytest.fixture
def immediate(settings, tmp_path):
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
    settings.VAR_DIR = tmp_path
    settings.CONTINUUM_REPORT_PROCESSES = 1
    return tmp_path


def _names(zip_bytes: bytes) -> list[str]:
    return zipfile.ZipFile(io.BytesIO(zip_bytes)).namelist()


def test_a_section_batch_writes_one_pdf_per_learner_named_after_them(
    world, sample, fall, immediate, django_capture_on_commit_callbacks
):
    score(world, sample, "N.1.a", 4, at(2025, 10, 1))
    with django_capture_on_commit_callbacks(execute=True):
        batch = report_batch_request(
            by=world["erin"], period=fall, section=world["math_a"], language="es"
        )
    batch.refresh_from_db()
    assert (batch.total, batch.done, batch.error) == (1, 1, "")
    assert batch.finished_at is not None
    archive = zipfile.ZipFile(immediate / batch.archive)
    assert archive.namelist() == ["ortiz-lena.pdf"]
    assert archive.read("ortiz-lena.pdf").startswith(b"%PDF-")
    assert not list((immediate / "report_batches").glob("*.part"))


def test_a_batch_laid_out_in_two_processes_keeps_each_card_with_its_learner(
    world, sample, fall, immediate, settings, django_capture_on_commit_callbacks
):
    settings.CONTINUUM_REPORT_PROCESSES = 2
    with django_capture_on_commit_callbacks(execute=True):
        batch = report_batch_request(by=world["leo"], period=fall, section=None, language="en")
    batch.refresh_from_db()
    archive = zipfile.ZipFile(immediate / batch.archive)
    assert archive.namelist() == ["haddad-omar.pdf", "ortiz-lena.pdf"]
    for name, learner in [("haddad-omar.pdf", b"Omar Haddad"), ("ortiz-lena.pdf", b"Lena Ortiz")]:
        assert learner in _inflated(archive.read(name)), name


def test_a_leaders_school_batch_holds_every_learner_of_the_school(
    world, fall, immediate, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        batch = report_batch_request(by=world["leo"], period=fall, section=None, language="en")
    batch.refresh_from_db()
    assert sorted(batch.learner_ids) == sorted([world["lena"].pk, world["omar"].pk])
    names = zipfile.ZipFile(immediate / batch.archive).namelist()
    assert names == ["haddad-omar.pdf", "ortiz-lena.pdf"]


def test_an_educator_may_not_batch_a_section_they_do_not_teach(world, fall, immediate):
    with pytest.raises(PermissionDenied):
        report_batch_request(by=world["erin"], period=fall, section=world["math_b"], language="en")
    with pytest.raises(PermissionDenied):
        report_batch_request(by=world["erin"], period=fall, section=None, language="en")
    assert not ReportBatch.objects.exists()


def test_a_section_of_another_school_or_an_unknown_language_is_refused(world, fall, immediate):
    with pytest.raises(ValidationError, match="not at the reporting period's school"):
        report_batch_request(
            by=world["leo"], period=fall, section=world["birch_math"], language="en"
        )
    with pytest.raises(ValidationError, match="does not write report cards in"):
        report_batch_request(by=world["leo"], period=fall, section=None, language="fr")
    assert not ReportBatch.objects.exists()


def test_an_empty_section_is_refused_with_a_reason(world, fall, immediate):
    Enrollment.objects.filter(section=world["math_a"]).delete()
    with pytest.raises(ValidationError, match="no learners"):
        report_batch_request(by=world["erin"], period=fall, section=world["math_a"], language="en")


def test_a_failed_card_marks_the_batch_failed_and_leaves_no_file(
    world, fall, immediate, django_capture_on_commit_callbacks, monkeypatch
):
    def broken(**_kwargs):
        raise RuntimeError("no fonts")

    monkeypatch.setattr("continuum.reports.services.batches.report_card_read", broken)
    with django_capture_on_commit_callbacks(execute=True):  # the worker logs the error
        report_batch_request(by=world["leo"], period=fall, section=None, language="en")
    batch = ReportBatch.objects.get()
    assert batch.error == "RuntimeError: no fonts"
    assert batch.finished_at is None
    assert batch.archive == ""
    assert not list((immediate / "report_batches").iterdir())


def test_zip_entry_names_are_safe_and_distinct(db):
    taken: set[str] = set()
    first = User(pk=7, username="x", first_name="José", last_name="../Núñez")
    second = User(pk=8, username="y", first_name="José", last_name="Núñez")
    nameless = User(pk=9, username="", first_name="", last_name="")
    assert entry_name(first, taken) == "nunez-jose.pdf"
    assert entry_name(second, taken) == "nunez-jose-8.pdf"
    assert entry_name(nameless, taken) == "learner.pdf"


def test_the_page_starts_a_batch_and_the_zip_download_is_a_disclosure_per_learner(
    client, world, fall, immediate, django_capture_on_commit_callbacks
):
    client.force_login(world["leo"])
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("report_batch_list"), {"period": fall.pk, "section": "", "language": "en"}
        )
    batch = ReportBatch.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("report_batch", args=[batch.pk])
    page = client.get(response["Location"]).content.decode()
    assert "The report cards of all 2 learners are ready." in page
    assert "hx-trigger" not in page  # finished: no more polling
    download = client.get(reverse("report_batch_zip", args=[batch.pk]))
    assert download.status_code == 200
    assert _names(b"".join(download.streaming_content)) == ["haddad-omar.pdf", "ortiz-lena.pdf"]
    recorded = Disclosure.objects.filter(via="report", actor=world["leo"])
    assert sorted(recorded.values_list("learner_id", flat=True)) == sorted(
        [world["lena"].pk, world["omar"].pk]
    )


def test_a_running_batch_shows_a_progress_bar_that_polls(client, world, fall, immediate):
    batch = ReportBatch.objects.create(
        requested_by=world["leo"],
        school=world["school"],
        period=fall,
        language="en",
        learner_ids=[world["lena"].pk, world["omar"].pk],
        total=2,
        done=1,
    )
    client.force_login(world["leo"])
    partial = client.get(reverse("report_batch", args=[batch.pk]), HTTP_HX_REQUEST="true")
    html = partial.content.decode()
    assert "<h1>" not in html
    assert '<progress id="batch-bar" max="2" value="1">' in html
    assert 'hx-trigger="every 2s"' in html
    assert client.get(reverse("report_batch_zip", args=[batch.pk])).status_code == 404


def test_staff_who_may_not_see_every_learner_in_the_zip_may_not_open_it(
    client, world, fall, immediate, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        batch = report_batch_request(by=world["leo"], period=fall, section=None, language="en")
    url = reverse("report_batch_zip", args=[batch.pk])
    for name, status in [("erin", 404), ("gabe", 404), ("otto", 404), ("ada", 200)]:
        client.force_login(world[name])
        assert client.get(url).status_code == status, name
    assert not Disclosure.objects.filter(actor__in=[world["erin"], world["gabe"]]).exists()


def test_an_educator_chooses_only_among_the_sections_they_teach(client, world, fall):
    client.force_login(world["erin"])
    page = client.get(reverse("report_batch_list")).content.decode()
    assert "Math 6A" in page
    assert "Math 6B" not in page
    assert "The whole school" not in page
    response = client.post(
        reverse("report_batch_list"),
        {"period": fall.pk, "section": world["math_b"].pk, "language": "en"},
    )
    assert response.status_code == 200
    assert not ReportBatch.objects.exists()


def test_a_learner_has_no_batch_page(client, world):
    assert world["lena"].role == Role.LEARNER
    client.force_login(world["lena"])
    assert client.get(reverse("report_batch_list")).status_code == 403
