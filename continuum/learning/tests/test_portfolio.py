"""Portfolio uploads: the allow-list and the sniffed type, the size limit, private storage,
permission-checked downloads, and the educator's review into evidence."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from continuum.evidence.models import Artifact, Estimate, Evidence
from continuum.evidence.models import EstimateStatus as S
from continuum.learning.services.portfolio import (
    artifact_return,
    artifact_upload,
    artifact_validate,
    sniffed_type,
)
from continuum.learning.tests.portfolio_files import JPEG, PDF, PNG, png, private_storage_in, upload


@pytest.fixture(autouse=True)
def storage(tmp_path):
    private_storage_in(tmp_path)
    return tmp_path


def stored_files(folder):
    return [path for path in folder.rglob("*") if path.is_file()]


def add(world, sample, file=None, by="lena", targets=("N.1.a",)):
    return artifact_upload(
        learner=world["lena"],
        by=world[by],
        upload=file or png(),
        title="Ratio poster",
        targets=[sample[code] for code in targets],
    )


def test_leading_bytes_tell_the_type():
    assert sniffed_type(PNG) == "image/png"
    assert sniffed_type(PDF) == "application/pdf"
    assert sniffed_type(JPEG) == "image/jpeg"
    assert sniffed_type(b"\x00\x00\x00\x18ftypmp42") == "video/mp4"
    assert sniffed_type(b"Ratios are comparisons.") == "text/plain"
    assert sniffed_type(b"MZ\x90\x00\x03\x00") is None
    assert sniffed_type(b"\xff\xfe\x00bad") is None


def test_a_png_is_stored_privately_under_a_random_name(world, sample, storage):
    artifact = add(world, sample, targets=("N.1.a", "N.1.b"))
    assert artifact.content_type == "image/png"
    assert artifact.original_name == "ratio-poster.png"
    assert artifact.size == len(PNG)
    [stored] = stored_files(storage)
    assert stored.read_bytes() == PNG
    assert "ratio-poster" not in stored.name
    assert set(artifact.targets.values_list("human_coding_scheme", flat=True)) == {"N.1.a", "N.1.b"}


@pytest.mark.parametrize(
    ("file", "message"),
    [
        (upload("run-me.exe", b"MZ\x90\x00"), "not a type of file the portfolio accepts"),
        (upload("page.html", b"<script>alert(1)</script>"), "not a type of file"),
        (upload("poster.png", PDF), "named .png but its contents are not a PNG image"),
        (upload("essay.pdf", b"<html>not a pdf</html>"), "contents are not a PDF document"),
        (upload("notes.txt", PNG), "contents are not plain text"),
        (upload("empty.png", b""), "is empty"),
    ],
    ids=["executable", "html", "spoofed png", "spoofed pdf", "binary as text", "empty"],
)
def test_a_disallowed_upload_is_refused_and_leaves_nothing(world, sample, storage, file, message):
    with pytest.raises(ValidationError, match=message):
        add(world, sample, file=file)
    assert not Artifact.objects.exists()
    assert not stored_files(storage)


def test_a_file_over_the_size_limit_is_refused(world, sample, storage, settings):
    settings.CONTINUUM_PORTFOLIO_MAX_BYTES = 50
    with pytest.raises(ValidationError, match="the portfolio accepts files up to"):
        add(world, sample, file=upload("big.txt", b"a" * 51))
    assert not Artifact.objects.exists()
    assert not stored_files(storage)


def test_work_needs_a_target_and_only_learning_targets(world, sample, storage):
    with pytest.raises(ValidationError, match="at least one learning target"):
        add(world, sample, targets=())
    with pytest.raises(ValidationError, match="not a learning target"):
        add(world, sample, targets=("N.1",))
    assert not stored_files(storage)


@pytest.mark.parametrize("who", ["erin", "gabe", "omar"])
def test_only_the_learner_uploads_to_her_portfolio(world, sample, storage, who):
    with pytest.raises(PermissionDenied):
        add(world, sample, by=who)
    assert not stored_files(storage)


def test_the_educator_accepts_work_as_evidence_at_a_level(world, sample):
    artifact = add(world, sample, targets=("N.1.a", "N.1.b"))
    artifact_validate(
        artifact=artifact,
        by=world["erin"],
        levels={sample["N.1.a"]: 3},
        feedback="Clear tables.",
    )
    artifact.refresh_from_db()
    assert (artifact.status, artifact.reviewed_by) == ("validated", world["erin"])
    evidence = Evidence.objects.get()
    assert (evidence.source, evidence.level, evidence.artifact) == ("portfolio", 3, artifact)
    assert Estimate.objects.get(target=sample["N.1.a"]).status == S.PROFICIENT


def test_accepting_refuses_a_level_off_the_scale_and_changes_nothing(world, sample):
    artifact = add(world, sample)
    with pytest.raises(ValidationError, match="Level 9 is not on the scale"):
        artifact_validate(artifact=artifact, by=world["erin"], levels={sample["N.1.a"]: 9})
    artifact.refresh_from_db()
    assert artifact.status == "submitted"
    assert not Evidence.objects.exists()


def test_accepting_refuses_a_target_the_work_is_not_linked_to(world, sample):
    with pytest.raises(ValidationError, match=r"not linked to N\.2\.a"):
        artifact_validate(
            artifact=add(world, sample), by=world["erin"], levels={sample["N.2.a"]: 3}
        )


def test_work_is_reviewed_once(world, sample):
    artifact = artifact_return(artifact=add(world, sample), by=world["erin"], note="Add labels.")
    with pytest.raises(ValidationError, match="already returned"):
        artifact_validate(artifact=artifact, by=world["erin"], levels={sample["N.1.a"]: 3})


def test_returning_needs_a_note_and_the_learners_educator(world, sample):
    artifact = add(world, sample)
    with pytest.raises(ValidationError, match="Say what the work needs"):
        artifact_return(artifact=artifact, by=world["erin"], note="")
    with pytest.raises(PermissionDenied):
        artifact_return(artifact=artifact, by=world["eli"], note="No")


# Views


def test_uploading_from_the_page(client, world, sample, storage):
    client.force_login(world["lena"])
    url = reverse("artifact_upload", args=[world["lena"].pk]) + f"?target={sample['N.1.a'].pk}"
    page = client.get(url).content.decode()
    assert "N.1.a — I can describe a ratio" in page
    response = client.post(url, {"title": "Poster", "file": png(), "targets": [sample["N.1.a"].pk]})
    assert response.status_code == 302
    assert Artifact.objects.get().title == "Poster"


def test_a_spoofed_upload_from_the_page_shows_the_error(client, world, sample, storage):
    client.force_login(world["lena"])
    url = reverse("artifact_upload", args=[world["lena"].pk]) + f"?target={sample['N.1.a'].pk}"
    response = client.post(
        url,
        {"title": "Poster", "file": upload("poster.png", PDF), "targets": [sample["N.1.a"].pk]},
    )
    assert response.status_code == 200
    assert "its contents are not a PNG image" in response.content.decode()
    assert not stored_files(storage)


def test_the_download_is_an_attachment_that_browsers_do_not_sniff(client, world, sample):
    artifact = add(world, sample)
    client.force_login(world["gabe"])
    response = client.get(reverse("artifact_download", args=[artifact.pk]))
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == PNG
    assert response["Content-Disposition"] == 'attachment; filename="ratio-poster.png"'
    assert response["Content-Type"] == "image/png"
    assert response["X-Content-Type-Options"] == "nosniff"


@pytest.mark.parametrize("who", ["omar", "eli"])
def test_people_without_a_reason_cannot_download(client, world, sample, who):
    artifact = add(world, sample)
    client.force_login(world[who])
    assert client.get(reverse("artifact_download", args=[artifact.pk])).status_code == 404


def test_accepting_from_the_page(client, world, sample):
    artifact = add(world, sample)
    client.force_login(world["erin"])
    url = reverse("artifact_validate", args=[artifact.pk])
    page = client.post(url, {"level_1": ""}).content.decode()
    assert "Give a level on at least one" in page
    assert client.post(url, {"level_1": "4", "feedback": "Great"}).status_code == 302
    assert Evidence.objects.get().level == 4
