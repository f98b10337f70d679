"""The district admin's pages: the log, the export and the deletion."""

import io
import json
import zipfile

from django.urls import reverse

from continuum.evidence.models import Evidence
from continuum.people.models import User
from continuum.privacy.models import Disclosure, LearnerDeletion
from continuum.privacy.public import disclose


def test_the_admin_filters_the_log_by_learner_and_downloads_it_as_csv(client, world):
    disclose(actor=world["erin"], learners=[world["lena"].pk], via="page", what="lena_page")
    disclose(actor=world["eli"], learners=[world["omar"].pk], via="page", what="omar_page")
    client.force_login(world["ada"])
    page = client.get(reverse("privacy_disclosures"), {"learner": "lena"})
    assert b"lena_page" in page.content
    assert b"omar_page" not in page.content
    assert reverse("privacy_learner_delete", args=[world["lena"].pk]).encode() in page.content
    csv = client.get(reverse("privacy_disclosures"), {"actor": "eli", "format": "csv"})
    text = b"".join(csv.streaming_content).decode()
    assert "omar_page" in text
    assert "lena_page" not in text


def test_an_admin_of_another_district_sees_none_of_riverside(client, world):
    from continuum.people.models import Organization, Role

    lakeside = Organization.objects.create(kind="district", name="Lakeside District")
    otto = User.objects.create_user("otto-x", role=Role.DISTRICT_ADMIN, organization=lakeside)
    disclose(actor=world["erin"], learners=[world["lena"].pk], via="page", what="lena_page")
    client.force_login(otto)
    page = client.get(reverse("privacy_disclosures"), {"learner": "lena"})
    assert b"lena_page" not in page.content
    assert reverse("privacy_learner_export", args=[world["lena"].pk]).encode() not in page.content


def test_an_export_from_the_page_is_a_zip_and_its_reason_is_recorded(client, world, lives):
    client.force_login(world["ada"])
    url = reverse("privacy_learner_export", args=[world["lena"].pk])
    response = client.post(url, {"reason": "Parent's request of 2 May"})
    assert response.status_code == 200
    with zipfile.ZipFile(io.BytesIO(response.content)) as archive:
        data = json.loads(archive.read("data.json"))
    assert data["learner"] == "lena"
    row = Disclosure.objects.get(via="export")
    assert (row.actor, row.learner, row.reason) == (
        world["ada"],
        world["lena"],
        "Parent's request of 2 May",
    )


def test_an_export_without_a_reason_is_refused_and_records_nothing(client, world):
    client.force_login(world["ada"])
    response = client.post(reverse("privacy_learner_export", args=[world["lena"].pk]), {})
    assert response.status_code == 200
    assert b"This field is required" in response.content
    assert not Disclosure.objects.exists()


def test_a_mistyped_confirmation_deletes_nothing(client, world, lives):
    client.force_login(world["ada"])
    url = reverse("privacy_learner_delete", args=[world["lena"].pk])
    response = client.post(url, {"reason": "Left the district", "confirm": "omar"})
    assert b"not this learner" in response.content
    assert User.objects.filter(username="lena").exists()
    assert not LearnerDeletion.objects.exists()


def test_the_typed_confirmation_deletes_and_shows_the_verification(client, world, lives):
    client.force_login(world["ada"])
    url = reverse("privacy_learner_delete", args=[world["lena"].pk])
    response = client.post(url, {"reason": "Left the district", "confirm": "lena"})
    assert response.status_code == 200
    assert b"no row references the learner" in response.content
    assert not User.objects.filter(username="lena").exists()
    assert not Evidence.objects.filter(learner_id=world["lena"].pk).exists()
    deletion = LearnerDeletion.objects.get()
    assert deletion.actor == world["ada"]
    assert deletion.verified


def test_a_reason_that_looks_like_a_formula_is_not_a_formula_in_the_csv(client, world):
    disclose(
        actor=world["ada"],
        learners=[world["lena"].pk],
        via="export",
        what="export_learner",
        reason='=HYPERLINK("http://evil.example")',
    )
    client.force_login(world["ada"])
    csv = client.get(reverse("privacy_disclosures"), {"format": "csv"})
    text = b"".join(csv.streaming_content).decode()
    assert "'=HYPERLINK" in text
    assert ',"=HYPERLINK' not in text
