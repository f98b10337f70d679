"""A community partner's slice of a placed learner's record (finding 2 of issue 9).

Pat offers "Clinic ratio practice", aligned to N.1.b. Lena is placed with him this term
(see conftest.py); Erin has scored her on N.1.a and N.1.b. Pat reads N.1.b only, only
while the placement runs, and never her requests, proposals or portfolio.
"""

from datetime import UTC, datetime, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from continuum.evidence.selectors import scope
from continuum.evidence.services.recording import evidence_record
from continuum.learning.models import Proposal
from continuum.learning.services.portfolio import artifact_upload
from continuum.learning.tests.portfolio_files import png, private_storage_for_process
from continuum.pathways.models import LearningExperience
from continuum.people.models import Placement

MONDAY = datetime(2026, 9, 7, 9, tzinfo=UTC)


@pytest.fixture
def placed(world, sample):
    clinic = LearningExperience.objects.create(
        title="Clinic ratio practice", partner=world["pat"], setting="workplace"
    )
    clinic.targets.add(sample["N.1.b"])
    for code in ("N.1.a", "N.1.b"):
        evidence_record(
            learner=world["lena"],
            target=sample[code],
            scorer=world["erin"],
            level=3,
            assessed_at=MONDAY,
        )
    return world


def _end_placement(world):
    yesterday = timezone.localdate() - timedelta(days=1)
    Placement.objects.filter(partner=world["pat"]).update(
        starts_on=yesterday - timedelta(days=60), ends_on=yesterday
    )


def _codes(response) -> set[str]:
    return {row["target_code"] for row in response.json()["items"]}


def test_a_partner_reads_through_the_api_only_the_targets_of_his_experience(client, placed, sample):
    client.force_login(placed["pat"])
    assert _codes(client.get("/api/v1/evidence")) == {"N.1.b"}
    assert _codes(client.get("/api/v1/estimates")) == {"N.1.b"}
    lena = {"learner": placed["lena"].pk}
    assert _codes(client.get("/api/v1/evidence", lena)) == {"N.1.b"}


def test_a_partner_reads_nothing_through_the_api_once_the_placement_has_ended(
    client, placed, sample
):
    _end_placement(placed)
    client.force_login(placed["pat"])
    assert client.get("/api/v1/evidence").json()["items"] == []
    assert client.get("/api/v1/estimates").json()["items"] == []
    assert client.get("/api/v1/evidence", {"learner": placed["lena"].pk}).status_code == 404


def test_a_placement_that_has_not_started_shows_nothing_either(client, placed, sample):
    tomorrow = timezone.localdate() + timedelta(days=1)
    Placement.objects.filter(partner=placed["pat"]).update(starts_on=tomorrow)
    client.force_login(placed["pat"])
    assert client.get("/api/v1/estimates").json()["items"] == []


def test_the_evidence_page_shows_a_partner_only_his_slice_and_no_requests(client, placed, sample):
    Proposal.objects.create(
        learner=placed["lena"], target=sample["N.1.b"], way="project", description="A poster"
    )
    client.force_login(placed["pat"])
    page = client.get(reverse("learner_evidence", args=[placed["lena"].pk])).content.decode()
    assert "N.1.b" in page
    assert "N.1.a" not in page
    assert "A poster" not in page
    assert "Portfolio" not in page
    assert "Your placement covers the learning targets of the experiences you offer" in page


def test_the_estimate_page_of_a_target_outside_the_slice_is_404_for_a_partner(
    client, placed, sample
):
    client.force_login(placed["pat"])
    lena = placed["lena"].pk
    assert client.get(reverse("learner_estimate", args=[lena, sample["N.1.a"].pk])).status_code == (
        404
    )
    assert client.get(reverse("learner_estimate", args=[lena, sample["N.1.b"].pk])).status_code == (
        200
    )


def test_a_partner_cannot_download_a_placed_learners_portfolio_file(client, placed, sample):
    private_storage_for_process()
    artifact = artifact_upload(
        learner=placed["lena"],
        by=placed["lena"],
        upload=png(),
        title="Dosage poster",
        targets=[sample["N.1.b"]],
    )
    client.force_login(placed["pat"])
    refused = {403, 404}  # 404 where the access layer hides that the object exists
    assert client.get(reverse("artifact_download", args=[artifact.pk])).status_code in refused
    assert client.get(reverse("portfolio", args=[placed["lena"].pk])).status_code in refused


def test_everyone_else_reads_the_whole_record(placed, sample):
    for name in ("erin", "gabe", "lena", "leo"):
        codes = {e.target.human_coding_scheme for e in scope.evidence_list(user=placed[name])}
        assert codes == {"N.1.a", "N.1.b"}, name
