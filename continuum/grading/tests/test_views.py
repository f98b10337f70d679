"""The policy pages as a leader uses them: draft, see the replay, compare, adopt."""

import pytest
from django.urls import reverse

from continuum.evidence.models import GradingPolicyRecord
from continuum.evidence.tests.known_answers import one_then_three

HTMX = {"HTTP_HX_REQUEST": "true"}
FORM = {
    "method": "decaying_average",
    "p_w": "0.65",
    "counts": "summative",
    "minimum_evidence": "1",
    "recent_count": "0",
    "order_by": "assessed_at",
    "note": "What the old default did",
}


@pytest.fixture
def scored(world, sample):
    """Lena: 1 then 3 on N.1.a (proficient under the default power law)."""
    one_then_three(world, sample["N.1.a"])
    return world


def _draft_url(world):
    return reverse("grading_draft_new", args=[world["school"].pk])


def test_the_editor_starts_from_the_policy_in_force_and_swaps_parameters_by_method(client, world):
    client.force_login(world["leo"])
    page = client.get(_draft_url(world)).content.decode()
    assert 'value="power_law" selected' in page
    assert "Parameter floor" in page
    swapped = client.get(_draft_url(world) + "?method=n_of_m", **HTMX).content.decode()
    assert swapped.lstrip().startswith('<fieldset id="method-parameters">')
    assert "Parameter n" in swapped
    assert "Parameter floor" not in swapped


def test_a_bad_parameter_is_explained_and_nothing_is_saved(client, world):
    client.force_login(world["leo"])
    response = client.post(_draft_url(world), {**FORM, "p_w": "2"})
    assert response.status_code == 200
    assert "less than or equal to 1" in response.content.decode()
    assert not GradingPolicyRecord.objects.exists()


def test_a_draft_shows_what_it_would_change_and_both_explanations(client, scored, sample):
    client.force_login(scored["leo"])
    response = client.post(_draft_url(scored), FORM)
    draft = GradingPolicyRecord.objects.get()
    assert response.url == reverse("grading_record", args=[draft.pk])
    first = client.get(response.url).content.decode()
    assert "Replaying the draft on your real evidence" in first  # the page comes first
    assert "<td>proficient</td><td>not yet</td><td>1</td>" not in first
    partial = client.get(response.url, {"replay": "now"}, headers={"HX-Request": "true"})
    assert partial.content.decode().lstrip().startswith('<section id="replay"')
    page = client.get(response.url, {"replay": "now"}).content.decode()  # without JavaScript
    assert "What adopting it would change" in page
    assert "<td>proficient</td><td>not yet</td><td>1</td>" in page
    assert "Lena Ortiz" in page
    compare = reverse("grading_compare", args=[draft.pk, scored["lena"].pk, sample["N.1.a"].pk])
    assert compare in page
    both = client.get(compare).content.decode()
    assert "Now (power law)" in both
    assert "Under the draft (decaying average)" in both
    assert "<strong>3.00</strong>" in both
    assert "<strong>2.30</strong>" in both


def test_adopting_from_the_page_shows_the_version_and_its_recompute(
    client, scored, settings, django_capture_on_commit_callbacks
):
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
    client.force_login(scored["leo"])
    client.post(_draft_url(scored), FORM)
    draft = GradingPolicyRecord.objects.get()
    adopt = reverse("grading_adopt", args=[draft.pk])
    refused = client.post(adopt, {"reason": ""}, follow=True).content.decode()
    assert "Say why" in refused
    with django_capture_on_commit_callbacks(execute=True):
        client.post(adopt, {"reason": "Trial for one term"})
    page = client.get(reverse("grading_record", args=[draft.pk])).content.decode()
    assert "Maple Grove" in page
    assert "version 1" in page
    assert "Trial for one term" in page
    assert "the estimates of all 2 learners follow this version" in page  # Lena, Omar
    scope = client.get(reverse("grading_scope", args=[scored["school"].pk])).content.decode()
    assert "decaying average · version 1" in scope


def test_the_replay_names_the_credits_pace_and_flags_a_draft_would_change(client, scored, sample):
    from datetime import date

    from continuum.supports.services.requirements import requirement_create

    requirement_create(
        by=scored["leo"],
        school=scored["school"],
        title="Ratios for graduation",
        kind="graduation",
        starts_on=date(2026, 9, 1),
        due_on=date(2027, 6, 30),
        competencies=[sample["N.1.a"]],
    )
    client.force_login(scored["leo"])
    client.post(_draft_url(scored), FORM)
    page = client.get(
        reverse("grading_record", args=[GradingPolicyRecord.objects.get().pk]), {"replay": "now"}
    ).content.decode()
    assert "Credits and certificates whose rule would be met differently" in page
    assert (
        "<td>Lena Ortiz</td><td>Ratios for graduation</td><td>would no longer be met</td>" in page
    )
    # her pace eases from ahead to on pace, and with N.1.a active again and no evidence
    # since September, supports would flag her as stalled
    assert "<td>Lena Ortiz</td><td>Ratios for graduation</td><td>ahead</td><td>on pace</td>" in page
    assert "<td>Lena Ortiz</td><td>Stalled</td><td>would be raised</td>" in page
