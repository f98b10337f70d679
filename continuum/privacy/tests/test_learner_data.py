"""Learner data rights: export everything, delete verifiably, and the district export."""

import io
import json
import zipfile

import pytest
from django.apps import apps
from django.core.management import CommandError, call_command

from continuum.evidence.models import Artifact
from continuum.pathways.models import Goal, GoalComment
from continuum.people.models import User
from continuum.privacy.models import Disclosure, LearnerDeletion
from continuum.privacy.public import disclose
from continuum.privacy.services.collect import user_fk_fields
from continuum.privacy.services.deletion import (
    LearnerDeletionBlockedError,
    learner_delete,
    learner_references,
)
from continuum.privacy.services.export import learner_export


def _export(learner) -> tuple[dict, zipfile.ZipFile]:
    out = io.BytesIO()
    learner_export(learner=learner, actor=None, reason="test", out=out)
    archive = zipfile.ZipFile(out)
    return json.loads(archive.read("data.json")), archive


def _rows_naming(pk: int) -> dict[str, int]:
    """Walk every model and every foreign key to a person, independently of the service."""
    found = {}
    for model in apps.get_models():
        for field in model._meta.concrete_fields:
            if getattr(field, "related_model", None) is User:
                count = model._default_manager.filter(**{field.attname: pk}).count()
                if count:
                    found[f"{model._meta.label}.{field.name}"] = count
    return found


def test_an_export_holds_the_learners_evidence_and_portfolio_file_and_nothing_of_another(
    world, lives
):
    data, archive = _export(world["lena"])
    models = data["models"]
    lena, omar = world["lena"].pk, world["omar"].pk
    assert [row["pk"] for row in models["evidence.Evidence"]] == [lives["lena"]["evidence"].pk]
    assert {row["fields"]["text"] for row in models["pathways.GoalComment"]} == {
        "I will practise every day.",
        "Good plan.",
    }
    assert "evidence.HistoricalEvidence" in models
    assert "people.HistoricalUser" in models
    artifact = lives["lena"]["artifact"]
    assert f"files/{artifact.file.name}" in archive.namelist()
    assert not any("omar" in name for name in archive.namelist())
    everything = json.dumps(models)
    assert "omar" not in everything
    for rows in models.values():
        for row in rows:
            assert row["fields"].get("learner") in (None, lena)
            assert omar not in (row["fields"].get("learner"), row["fields"].get("recipient"))


def test_an_export_carries_no_password_hash_or_token_digest(world, lives):
    data, _archive = _export(world["lena"])
    (user,) = data["models"]["people.User"]
    assert "password" not in user["fields"]


def test_deleting_a_learner_leaves_no_row_in_any_table_and_no_file(world, lives, storage):
    lena_pk = world["lena"].pk
    file_name = lives["lena"]["artifact"].file.name
    disclose(actor=world["erin"], learners=[lena_pk], via="page", what="learner_evidence")
    assert _rows_naming(lena_pk)  # the walk sees her before
    assert learner_references(lena_pk, "lena")  # and so does the verification

    deletion = learner_delete(learner=world["lena"], actor=world["ada"], reason="Left")

    assert _rows_naming(lena_pk) == {}
    assert learner_references(lena_pk, "lena") == {}
    assert deletion.verified
    assert not (storage / file_name).exists()
    assert deletion.files_removed == 1
    historical_user = apps.get_model("people", "HistoricalUser")
    assert not historical_user.objects.filter(id=lena_pk).exists()
    assert (
        not apps.get_model("evidence", "HistoricalEvidence")
        .objects.filter(id=lives["lena"]["evidence"].pk)
        .exists()
    )
    # Omar's life is untouched.
    assert Artifact.objects.filter(learner=world["omar"]).count() == 1
    assert Goal.objects.filter(learner=world["omar"]).count() == 1


def test_deleting_removes_her_sign_in_records_and_her_familys_notices_about_her(world, lives):
    from axes.models import AccessLog
    from django.urls import reverse

    from continuum.notifications.models import Notification

    AccessLog.objects.create(username="lena", ip_address="10.0.0.1", user_agent="school")
    AccessLog.objects.create(username="omar", ip_address="10.0.0.2", user_agent="school")
    family_page = reverse("family_learner", args=[world["lena"].pk])
    Notification.objects.create(recipient=world["gabe"], title="Feedback for Lena", url=family_page)
    Notification.objects.create(recipient=world["gabe"], title="School news", url="/")

    deletion = learner_delete(learner=world["lena"], actor=None, reason="Left")

    assert list(AccessLog.objects.values_list("username", flat=True)) == ["omar"]
    assert list(
        Notification.objects.filter(recipient=world["gabe"]).values_list("title", flat=True)
    ) == ["School news"]
    assert deletion.counts["axes.AccessLog"] == 1
    assert deletion.verified


def test_the_deletion_audit_counts_rows_without_holding_the_learners_data(world, lives):
    deletion = learner_delete(learner=world["lena"], actor=world["ada"], reason="Left")
    assert deletion.counts["evidence.Evidence"] == 1
    assert deletion.counts["pathways.GoalComment"] == 2
    assert deletion.counts["people.User"] == 1
    assert "lena" not in json.dumps([deletion.counts, deletion.remaining, deletion.reason])
    assert deletion.district == world["district"]


def test_disclosures_about_a_deleted_learner_stay_without_her(world, lives):
    disclose(actor=world["erin"], learners=[world["lena"].pk], via="page", what="page")
    learner_delete(learner=world["lena"], actor=world["ada"], reason="Left")
    row = Disclosure.objects.get(what="page")
    assert row.learner is None
    assert row.actor == world["erin"]
    assert row.district == world["district"]


def test_comments_a_learner_wrote_on_her_own_goal_go_with_it(world, lives):
    learner_delete(learner=world["lena"], actor=None, reason="Left")
    assert not GoalComment.objects.filter(goal__title__startswith="lena").exists()
    assert GoalComment.objects.count() == 2  # Omar's reflection and Eli's comment


def test_a_comment_on_someone_elses_goal_blocks_the_deletion_and_changes_nothing(world, lives):
    GoalComment.objects.create(
        goal=lives["omar"]["goal"], author=world["lena"], kind="comment", text="Go Omar!"
    )
    before = _rows_naming(world["lena"].pk)
    with pytest.raises(LearnerDeletionBlockedError, match=r"pathways\.GoalComment"):
        learner_delete(learner=world["lena"], actor=None, reason="Left")
    assert _rows_naming(world["lena"].pk) == before
    assert not LearnerDeletion.objects.exists()


def test_only_learners_can_be_deleted_this_way(world):
    with pytest.raises(LearnerDeletionBlockedError, match="not a learner"):
        learner_delete(learner=world["erin"], actor=None, reason="Left")


def test_every_foreign_key_to_a_person_is_walked(world):
    walked = {(m._meta.label, f.name) for m in apps.get_models() for f in user_fk_fields(m)}
    assert ("evidence.Evidence", "learner") in walked
    assert ("evidence.HistoricalEvidence", "learner") in walked
    assert ("pathways.GoalComment", "author") in walked


def test_the_commands_refuse_an_unknown_username_plainly(tmp_path, world):
    with pytest.raises(CommandError, match="No learner with username 'nobody'"):
        call_command("export_learner", "nobody", "--out", str(tmp_path / "x.zip"))
    with pytest.raises(CommandError, match="No learner with username 'nobody'"):
        call_command("delete_learner", "nobody", "--reason", "x", "--yes")
    assert not (tmp_path / "x.zip").exists()


def test_the_export_command_writes_the_zip_and_records_it(tmp_path, world, lives):
    out = tmp_path / "lena.zip"
    call_command("export_learner", "lena", "--out", str(out), "--reason", "Subject access")
    with zipfile.ZipFile(out) as archive:
        assert json.loads(archive.read("data.json"))["learner"] == "lena"
    assert Disclosure.objects.get(via="export").reason == "Subject access"


def test_the_delete_command_reports_a_verified_deletion(world, lives):
    out = io.StringIO()
    call_command("delete_learner", "lena", "--reason", "Left", "--yes", stdout=out)
    assert "verified" in out.getvalue()
    assert not User.objects.filter(username="lena").exists()


def test_the_district_export_writes_its_people_and_files_and_nothing_of_another_district(
    tmp_path, world, lives
):
    from continuum.people.models import Organization

    lakeside = Organization.objects.create(kind="district", name="Lakeside District")
    User.objects.create_user("otto-x", role="district_admin", organization=lakeside)
    out = tmp_path / "riverside"
    call_command("export_district", str(world["district"].pk), "--out", str(out))
    people = json.loads((out / "people.User.json").read_text())
    usernames = {row["fields"]["username"] for row in people}
    assert {"lena", "omar", "erin", "ada"} <= usernames
    assert "otto-x" not in usernames
    assert {
        row["fields"]["name"] for row in json.loads((out / "people.Organization.json").read_text())
    } == {"Riverside District", "Maple Grove"}
    assert json.loads((out / "people.Section.json").read_text())
    assert (out / "files" / lives["lena"]["artifact"].file.name).exists()


def test_the_district_export_refuses_an_unknown_district(tmp_path, db):
    with pytest.raises(CommandError, match="No district with id 999"):
        call_command("export_district", "999", "--out", str(tmp_path / "out"))
