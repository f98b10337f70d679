"""The gradebook: the grid, keyboard entry, class scoring, explanations and overrides."""

from datetime import UTC, datetime, timedelta

import pytest
from django.urls import reverse

from continuum.evidence.models import Estimate, Evidence, GradingPolicyRecord, Mark
from continuum.evidence.services.recording import evidence_record
from continuum.people.models import Enrollment, Role, User

MONDAY = datetime(2026, 9, 7, 9, tzinfo=UTC)
HTMX = {"HTTP_HX_REQUEST": "true"}


@pytest.fixture
def book(decaying_average_district, sample):
    """Math 6A: Lena and Nia (Erin's learners) on the sample framework; Lena has a 2
    then a 4 on N.1.a. Riverside grades by the decaying average here."""
    world = decaying_average_district
    nia = User.objects.create_user(
        "nia", role=Role.LEARNER, organization=world["school"], first_name="Nia", last_name="Adams"
    )
    Enrollment.objects.create(section=world["math_a"], learner=nia)
    for days, level in ((0, 2), (7, 4)):
        evidence_record(
            learner=world["lena"],
            target=sample["N.1.a"],
            scorer=world["erin"],
            level=level,
            assessed_at=MONDAY + timedelta(days=days),
        )
    return {**world, "sample": sample, "nia": nia}


def grid_url(book, **query):
    url = reverse("gradebook_section", args=[book["math_a"].pk])
    return url + ("?" + "&".join(f"{k}={v}" for k, v in query.items()) if query else "")


def post_cell(client, book, entry, learner="lena", code="N.1.b", **extra):
    url = reverse(
        "gradebook_cell_record",
        args=[book["math_a"].pk, book[learner].pk, book["sample"][code].pk],
    )
    return client.post(url, {"entry": entry, **extra}, **HTMX)


def test_the_home_page_lists_only_the_educators_own_sections(client, book):
    client.force_login(book["erin"])
    page = client.get(reverse("gradebook_home")).content.decode()
    assert "Math 6A" in page
    assert "Math 6B" not in page


def test_a_leader_sees_every_section_of_the_school(client, book):
    client.force_login(book["leo"])
    page = client.get(reverse("gradebook_home")).content.decode()
    assert "Math 6A" in page
    assert "Math 6B" in page


def test_the_grid_puts_academic_targets_first_and_lifelong_targets_in_their_own_block(client, book):
    client.force_login(book["erin"])
    page = client.get(grid_url(book)).content.decode()
    assert page.index("Academic targets") < page.index("Lifelong learning targets")
    assert page.index("N.1.a") < page.index("N.2.a") < page.index("SEL.1.a")
    assert "gb-first-lifelong" in page
    assert 'role="grid"' in page
    assert 'aria-rowindex="3"' in page


def test_an_estimate_cell_shows_its_level_and_status_in_words(client, book):
    client.force_login(book["erin"])
    page = client.get(grid_url(book)).content.decode()
    # 0.65 × 4 + 0.35 × 2 = 3.3: proficient, written out for screen readers too
    assert "3.3 P" in page
    assert "3.3, proficient" in page
    assert "Legend" in page
    assert "not yet" in page


def test_the_evidence_view_shows_the_latest_level_and_the_attempt_count(client, book):
    client.force_login(book["erin"])
    response = client.get(grid_url(book, view="evidence"), HTTP_HX_TARGET="gb-grid", **HTMX)
    page = response.content.decode()
    assert "<h1>" not in page  # only the grid is swapped
    assert "4 AD" in page
    assert "×2" in page
    assert "2 attempts" in page


def test_typing_a_level_records_formative_evidence_and_swaps_the_cell(client, book):
    client.force_login(book["erin"])
    response = post_cell(client, book, "3")
    assert response.status_code == 200
    evidence = Evidence.objects.get(target=book["sample"]["N.1.b"])
    assert (evidence.level, evidence.kind, evidence.scorer) == (3, "formative", book["erin"])
    assert evidence.source == "assessment"
    page = response.content.decode()
    assert page.lstrip().startswith("<td")
    assert "3 P" in page
    assert "Recorded: 3 Proficient" in page  # beside the cell, not at the top of the page


def test_the_kind_and_source_can_be_chosen(client, book):
    client.force_login(book["erin"])
    post_cell(client, book, "2", kind="summative", source="observation")
    evidence = Evidence.objects.get(target=book["sample"]["N.1.b"])
    assert (evidence.kind, evidence.source) == ("summative", "observation")


@pytest.mark.parametrize(("entry", "mark"), [("m", Mark.MISSING), ("e", Mark.EXCUSED)])
def test_m_marks_missing_and_e_marks_excused(client, book, entry, mark):
    client.force_login(book["erin"])
    response = post_cell(client, book, entry, view="evidence")
    assert Evidence.objects.get(target=book["sample"]["N.1.b"]).mark == mark
    assert {"missing": "M", "excused": "EX"}[mark] in response.content.decode()


def test_a_level_outside_the_scale_is_announced_and_changes_nothing(client, book):
    client.force_login(book["erin"])
    response = post_cell(client, book, "7")
    assert response.status_code == 422
    assert response["HX-Retarget"] == "#gb-status"
    assert "Level 7 is not on the scale of N.1.b (allowed: 1, 2, 3, 4)" in response.content.decode()
    assert not Evidence.objects.filter(target=book["sample"]["N.1.b"]).exists()


def test_text_that_is_not_a_level_is_refused(client, book):
    client.force_login(book["erin"])
    response = post_cell(client, book, "x")
    assert response.status_code == 422
    assert "is not a level" in response.content.decode()


def test_a_learner_outside_your_sections_cannot_be_scored(client, book):
    client.force_login(book["erin"])
    response = post_cell(client, book, "3", learner="omar")
    assert response.status_code == 403
    assert "Omar Haddad is not in Math 6A" in response.content.decode()
    assert not Evidence.objects.filter(learner=book["omar"]).exists()


def test_a_leader_reads_the_gradebook_but_cannot_record(client, book):
    client.force_login(book["leo"])
    page = client.get(grid_url(book)).content.decode()
    assert 'aria-readonly="true"' in page
    assert "Score class" not in page
    assert post_cell(client, book, "3").status_code == 403
    assert not Evidence.objects.filter(target=book["sample"]["N.1.b"]).exists()


def test_another_educators_section_is_not_found(client, book):
    client.force_login(book["eli"])
    assert client.get(grid_url(book)).status_code == 404


def test_the_framework_picker_switches_framework(client, book):
    from continuum.frameworks.tests.factories import sample_framework

    other = sample_framework(title="Maple Grove Science")
    client.force_login(book["erin"])
    default = client.get(grid_url(book)).content.decode()
    assert "Maple Grove Science" in default  # offered in the picker, after the used one
    assert default.index("Maple Grove Mathematics") < default.index("Maple Grove Science")
    chosen = client.get(grid_url(book, framework=other.framework.pk)).content.decode()
    assert f'value="{other.framework.pk}" selected' in chosen


def test_the_explanation_shows_method_contributions_and_what_if(client, book):
    client.force_login(book["erin"])
    url = reverse(
        "gradebook_explain", args=[book["math_a"].pk, book["lena"].pk, book["sample"]["N.1.a"].pk]
    )
    page = client.get(url, **HTMX).content.decode()
    assert "decaying average" in page
    assert "w = 0.65" in page
    assert "Each piece of evidence and its part in the estimate" in page
    assert "65 %" in page
    assert "35 %" in page
    assert "If the next score were 1, the estimate would be" in page
    assert "Save the override" in page


def test_each_piece_in_the_explanation_links_to_correcting_its_score(client, book):
    client.force_login(book["erin"])
    url = reverse(
        "gradebook_explain", args=[book["math_a"].pk, book["lena"].pk, book["sample"]["N.1.a"].pk]
    )
    page = client.get(url, **HTMX).content.decode()
    for evidence in Evidence.objects.filter(learner=book["lena"]):
        assert reverse("evidence_correct", args=[evidence.pk]) in page


def test_an_override_needs_a_reason_and_changes_nothing_without_one(client, book):
    client.force_login(book["erin"])
    url = reverse(
        "gradebook_override", args=[book["math_a"].pk, book["lena"].pk, book["sample"]["N.1.a"].pk]
    )
    response = client.post(url, {"level": "4", "reason": ""}, **HTMX)
    assert response.status_code == 422
    assert "The override was not saved" in response.content.decode()
    assert not Estimate.objects.get(target=book["sample"]["N.1.a"]).is_overridden


def test_an_override_shows_as_an_override_and_in_the_audit_log(client, book):
    client.force_login(book["erin"])
    url = reverse(
        "gradebook_override", args=[book["math_a"].pk, book["lena"].pk, book["sample"]["N.1.a"].pk]
    )
    response = client.post(url, {"level": "4", "reason": "Presented the project"}, **HTMX)
    page = response.content.decode()
    assert response.status_code == 200
    assert "Shown instead (override)" in page
    assert "Presented the project" in page
    assert 'hx-swap-oob="outerHTML"' in page
    assert "4 AD ✎" in page
    estimate = Estimate.objects.get(target=book["sample"]["N.1.a"])
    assert estimate.shown_level == 4
    assert estimate.overridden_by == book["erin"]
    latest = estimate.history.first()
    assert (latest.history_change_reason, latest.history_user) == (
        "Presented the project",
        book["erin"],
    )
    assert "Override history" in page


def test_a_leader_cannot_override(client, book):
    client.force_login(book["leo"])
    url = reverse(
        "gradebook_override", args=[book["math_a"].pk, book["lena"].pk, book["sample"]["N.1.a"].pk]
    )
    assert client.post(url, {"level": "4", "reason": "Looks right"}).status_code == 403
    assert not Estimate.objects.get(target=book["sample"]["N.1.a"]).is_overridden


def test_scoring_the_whole_class_records_every_chosen_level(client, book):
    client.force_login(book["erin"])
    url = reverse("gradebook_class_score", args=[book["math_a"].pk, book["sample"]["N.2.a"].pk])
    assert "Nia Adams" in client.get(url).content.decode()
    data = {
        "kind": "summative",
        "source": "assessment",
        f"learner_{book['lena'].pk}": "3",
        f"learner_{book['nia'].pk}": "",
    }
    response = client.post(url, data)
    assert response.status_code == 302
    recorded = Evidence.objects.filter(target=book["sample"]["N.2.a"])
    assert [(e.learner, e.level, e.kind) for e in recorded] == [(book["lena"], 3, "summative")]


def test_a_bad_level_in_the_class_form_records_nothing(client, book):
    client.force_login(book["erin"])
    url = reverse("gradebook_class_score", args=[book["math_a"].pk, book["sample"]["N.2.a"].pk])
    data = {
        "kind": "formative",
        "source": "assessment",
        f"learner_{book['lena'].pk}": "3",
        f"learner_{book['nia'].pk}": "9",
    }
    response = client.post(url, data)
    assert response.status_code == 422
    assert "Nothing was recorded." in response.content.decode()
    assert not Evidence.objects.filter(target=book["sample"]["N.2.a"]).exists()


def test_a_leader_cannot_score_the_class(client, book):
    client.force_login(book["leo"])
    url = reverse("gradebook_class_score", args=[book["math_a"].pk, book["sample"]["N.2.a"].pk])
    data = {"kind": "formative", "source": "assessment", f"learner_{book['lena'].pk}": "3"}
    assert client.get(url).status_code == 403
    assert client.post(url, data).status_code == 403
    assert not Evidence.objects.filter(target=book["sample"]["N.2.a"]).exists()


def test_under_the_default_a_typed_formative_score_is_said_not_to_count(client, book):
    GradingPolicyRecord.objects.all().delete()  # Riverside back on the default
    client.force_login(book["erin"])
    assert "counts summative evidence only" in client.get(grid_url(book)).content.decode()
    page = post_cell(client, book, "3").content.decode()
    assert "Formative: shown and used for feedback, not counted in the estimate." in page
    assert "not-started" in page  # the estimate waits for summative evidence
