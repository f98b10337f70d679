"""After an action the learner lands where they were: at the target or the work they acted
on, by its id in the URL's fragment, not at the top of a page many screens long."""

from datetime import UTC, datetime

import pytest
from django.urls import reverse

from continuum.evidence.models import Artifact
from continuum.evidence.services.recording import evidence_record
from continuum.learning.tests.portfolio_files import png, private_storage_in

PREPARED = "I redid the ratio tables with a tutor and checked each answer."


@pytest.fixture
def not_yet(world, sample):
    """Lena has a not yet (level 1) on N.1.a, scored by Erin."""
    evidence_record(
        learner=world["lena"],
        target=sample["N.1.a"],
        scorer=world["erin"],
        level=1,
        assessed_at=datetime(2026, 9, 7, 9, tzinfo=UTC),
    )
    return sample["N.1.a"]


def test_asking_for_reassessment_returns_to_the_target_on_the_evidence_page(client, world, not_yet):
    lena = world["lena"]
    client.force_login(lena)
    url = reverse("reassessment_request", args=[lena.pk, not_yet.pk])
    response = client.post(url, {"preparation": PREPARED})
    evidence_page = reverse("learner_evidence", args=[lena.pk])
    assert response["Location"] == f"{evidence_page}#target-{not_yet.pk}"
    assert f'id="target-{not_yet.pk}"' in client.get(evidence_page).content.decode()


def test_a_proposal_returns_to_its_target_on_the_evidence_page(client, world, not_yet):
    lena = world["lena"]
    client.force_login(lena)
    url = reverse("proposal_create", args=[lena.pk, not_yet.pk])
    response = client.post(url, {"way": "project", "description": PREPARED})
    evidence_page = reverse("learner_evidence", args=[lena.pk])
    assert response["Location"] == f"{evidence_page}#target-{not_yet.pk}"


def test_an_upload_returns_to_its_row_in_the_portfolio(client, world, not_yet, tmp_path):
    private_storage_in(tmp_path)
    lena = world["lena"]
    client.force_login(lena)
    url = reverse("artifact_upload", args=[lena.pk])
    response = client.post(url, {"title": "Poster", "file": png(), "targets": [not_yet.pk]})
    artifact = Artifact.objects.get()
    portfolio = reverse("portfolio", args=[lena.pk])
    assert response["Location"] == f"{portfolio}#artifact-{artifact.pk}"
    assert f'id="artifact-{artifact.pk}"' in client.get(portfolio).content.decode()
