"""The record of disclosures: pages, API lists and CASE downloads are recorded."""

from datetime import timedelta

from django.core.management import call_command
from django.urls import resolve, reverse
from django.utils import timezone

from continuum.privacy.models import Disclosure, Via
from continuum.privacy.public import disclose
from continuum.privacy.registry import LEARNER_OBJECT_PAGES


def test_a_teacher_opening_a_learners_evidence_is_recorded(client, world):
    client.force_login(world["erin"])
    assert client.get(reverse("learner_evidence", args=[world["lena"].pk])).status_code == 200
    row = Disclosure.objects.get()
    assert (row.actor, row.learner, row.district, row.via) == (
        world["erin"],
        world["lena"],
        world["district"],
        Via.PAGE,
    )
    assert row.what == "learner_evidence"
    assert row.record == "learning"


def test_a_learner_reading_her_own_record_is_not_a_disclosure(client, world):
    client.force_login(world["lena"])
    assert client.get(reverse("learner_evidence", args=[world["lena"].pk])).status_code == 200
    assert not Disclosure.objects.exists()


def test_a_refused_page_discloses_nothing(client, world):
    client.force_login(world["erin"])
    response = client.get(reverse("learner_evidence", args=[world["omar"].pk]))
    assert response.status_code in {403, 404}
    assert not Disclosure.objects.exists()


def test_a_page_naming_a_learners_goal_is_recorded_for_that_learner(client, world, lives):
    client.force_login(world["gabe"])
    goal = lives["lena"]["goal"]
    assert client.get(reverse("goal_detail", args=[goal.pk])).status_code == 200
    row = Disclosure.objects.get()
    assert (row.actor, row.learner, row.record) == (world["gabe"], world["lena"], "goal")


def test_opening_a_score_correction_is_recorded_for_the_learner(client, world, lives):
    client.force_login(world["erin"])
    evidence = lives["lena"]["evidence"]
    assert client.get(reverse("evidence_correct", args=[evidence.pk])).status_code == 200
    row = Disclosure.objects.get(what="evidence_correct")
    assert (row.learner, row.actor) == (world["lena"], world["erin"])


def test_a_portfolio_download_is_recorded(client, world, lives):
    client.force_login(world["erin"])
    artifact = lives["lena"]["artifact"]
    response = client.get(reverse("artifact_download", args=[artifact.pk]))
    assert response.status_code == 200
    assert Disclosure.objects.get().what == "artifact_download"


def test_every_registered_page_is_a_url_whose_model_leads_to_a_learner(world, lives):
    from django.apps import apps

    for url_name, page in LEARNER_OBJECT_PAGES.items():
        match = resolve(reverse(url_name, kwargs={page.kwarg: 1}))
        assert page.kwarg in match.kwargs, url_name
        model = apps.get_model(page.model)
        model._default_manager.values_list(page.learner_lookup, flat=True).first()


def test_an_api_list_records_each_learner_in_the_page_it_returned(client, world, lives):
    client.force_login(world["leo"])
    response = client.get("/api/v1/evidence", {"limit": 1})
    assert response.status_code == 200
    shown = {item["learner_id"] for item in response.json()["items"]}
    rows = Disclosure.objects.filter(via=Via.API)
    assert {row.learner_id for row in rows} == shown
    assert len(shown) == 1
    assert rows.get().actor == world["leo"]


def test_a_case_package_download_is_recorded_with_its_framework(client, world, lives):
    version = lives["sample"]["N.1.a"].version
    client.force_login(world["ada"])
    response = client.get(reverse("case_package", args=[version.framework.identifier]))
    assert response.status_code == 200
    row = Disclosure.objects.get(via=Via.CASE)
    assert row.learner is None
    assert version.framework.identifier in row.subject
    assert row.district == world["district"]


def test_disclose_writes_one_row_per_learner_in_one_insert(world, django_assert_num_queries):
    learners = [world["lena"].pk, world["omar"].pk]
    with django_assert_num_queries(2):  # one read of their districts, one insert
        written = disclose(actor=world["leo"], learners=learners, via="report", what="report")
    assert written == 2


def test_purging_deletes_only_rows_older_than_the_retention(world, settings):
    settings.CONTINUUM_DISCLOSURE_RETENTION_DAYS = 30
    disclose(actor=world["leo"], learners=[world["lena"].pk], via="page", what="old")
    Disclosure.objects.update(at=timezone.now() - timedelta(days=31))
    disclose(actor=world["leo"], learners=[world["lena"].pk], via="page", what="new")
    call_command("purge_disclosures")
    assert list(Disclosure.objects.values_list("what", flat=True)) == ["new"]


def test_signed_badges_exported_from_the_command_line_are_recorded(world):
    from continuum.credentials.public import credentials_exported

    credentials_exported.send(sender=None, learner=world["lena"], actor=None, credentials=[1, 2])
    row = Disclosure.objects.get()
    assert (row.actor, row.learner, row.via, row.what) == (
        None,
        world["lena"],
        Via.EXPORT,
        "export_credentials",
    )
    assert row.reason == "2 signed badges exported"
