"""The admin's pages: upload, preview, start, progress, history."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from continuum.people.models import User
from continuum.rostering.models import RosterImport
from continuum.rostering.tests.packages import package_bytes, small_roster


@pytest.fixture
def immediate_tasks(settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}


def _upload(client, data: bytes, name: str = "riverside.zip"):
    return client.post(
        reverse("rostering_home"), {"package": SimpleUploadedFile(name, data)}, follow=True
    )


def test_an_upload_is_previewed_then_imported_in_the_background(
    client, world, immediate_tasks, django_capture_on_commit_callbacks
):
    client.force_login(world["ada"])

    page = _upload(client, package_bytes(small_roster()))

    record = RosterImport.objects.get()
    assert record.state == RosterImport.State.PREVIEWED
    assert record.by == world["ada"]
    assert not User.objects.filter(username="ana.r").exists()
    text = page.content.decode()
    assert "What the import would do" in text
    assert "Import this package" in text
    assert "ana.r" in text  # the sample of users.csv

    with django_capture_on_commit_callbacks(execute=True):
        started = client.post(reverse("rostering_start", args=[record.pk]))

    assert started.status_code == 302
    record.refresh_from_db()
    assert record.state == RosterImport.State.DONE
    assert User.objects.filter(username="ana.r").exists()
    progress = client.get(reverse("rostering_progress", args=[record.pk])).content.decode()
    assert "Imported on" in progress
    assert "hx-get" not in progress
    history = client.get(reverse("rostering_home")).content.decode()
    assert "riverside.zip" in history
    assert "Imported" in history


def test_a_queued_import_polls_its_progress(client, world):
    client.force_login(world["ada"])
    _upload(client, package_bytes(small_roster()))
    record = RosterImport.objects.get()
    client.post(reverse("rostering_start", args=[record.pk]))  # no worker: it stays queued

    progress = client.get(reverse("rostering_progress", args=[record.pk])).content.decode()

    assert 'hx-trigger="every 2s"' in progress
    assert "Queued" in progress


def test_a_package_with_errors_lists_each_and_cannot_be_started(client, world):
    client.force_login(world["ada"])
    files = small_roster()
    files["enrollments"][0]["classSourcedId"] = "k-missing"

    page = _upload(client, package_bytes(files)).content.decode()

    assert "Nothing was imported: 1 problem to fix" in page
    assert "names k-missing, which is not in classes" in page
    assert "Import this package" not in page
    record = RosterImport.objects.get()
    client.post(reverse("rostering_start", args=[record.pk]))
    record.refresh_from_db()
    assert record.state == RosterImport.State.REFUSED


def test_a_file_that_is_not_a_zip_is_refused_with_a_clear_error(client, world):
    client.force_login(world["ada"])

    page = _upload(client, b"sourcedId,name\n", name="orgs.csv").content.decode()

    assert "This is not a zip file" in page


def test_an_import_can_be_started_only_once(client, world):
    client.force_login(world["ada"])
    _upload(client, package_bytes(small_roster()))
    record = RosterImport.objects.get()
    client.post(reverse("rostering_start", args=[record.pk]))

    again = client.post(reverse("rostering_start", args=[record.pk]), follow=True)

    assert "already been started" in again.content.decode()


def test_another_district_admin_sees_only_his_own_history(client, world):
    client.force_login(world["ada"])
    _upload(client, package_bytes(small_roster()))
    client.force_login(world["otto"])

    page = client.get(reverse("rostering_home")).content.decode()

    assert "Lakeside District" in page
    assert "riverside.zip" not in page
    record = RosterImport.objects.get()
    assert client.get(reverse("rostering_import", args=[record.pk])).status_code == 404


def test_the_navigation_offers_rostering_to_district_admins_only(client, world):
    client.force_login(world["ada"])
    assert reverse("rostering_home") in client.get(reverse("privacy_disclosures")).content.decode()
    client.force_login(world["leo"])
    assert reverse("rostering_home") not in client.get(reverse("home")).content.decode()


def test_a_running_import_shows_a_progress_bar(client, world):
    client.force_login(world["ada"])
    _upload(client, package_bytes(small_roster()))
    RosterImport.objects.update(state=RosterImport.State.RUNNING, progress_total=5, progress_done=2)
    record = RosterImport.objects.get()

    progress = client.get(reverse("rostering_progress", args=[record.pk])).content.decode()

    assert '<progress id="roster-progress" max="5" value="2">40 %</progress>' in progress
    assert "Checking the package again" in progress
    assert 'hx-trigger="every 2s"' in progress


def test_a_new_upload_supersedes_a_preview_that_was_never_started(client, world):
    client.force_login(world["ada"])
    _upload(client, package_bytes(small_roster()), name="first.zip")
    _upload(client, package_bytes(small_roster()), name="second.zip")
    first = RosterImport.objects.get(file_name="first.zip")

    client.post(reverse("rostering_start", args=[first.pk]))

    first.refresh_from_db()
    assert first.state == RosterImport.State.SUPERSEDED
    assert first.package == b""
    assert first.samples == {}
    assert RosterImport.objects.get(file_name="second.zip").state == "previewed"
