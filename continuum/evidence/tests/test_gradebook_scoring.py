"""Scoring at the speed of teaching: a cell's scorer (levels, missing, excused, feedback),
the confirmation and Undo beside the cell, "set all to" on the bulk screens, and an
override with no level chosen for the educator."""

from datetime import UTC, datetime, timedelta

import pytest
from django.urls import reverse

from continuum.evidence.models import Estimate, Evidence, Mark
from continuum.evidence.services.assessments import AlignmentSpec, alignment_set, assessment_create
from continuum.evidence.services.recording import UNDONE, evidence_record
from continuum.people.models import Enrollment, Role, User

MONDAY = datetime(2026, 9, 7, 9, tzinfo=UTC)
HTMX = {"HTTP_HX_REQUEST": "true"}


@pytest.fixture
def book(decaying_average_district, sample):
    """Math 6A: Lena and Nia (Erin's learners) on the sample framework; Lena has a 2 on
    N.1.b from last week. Eli teaches Math 6B, not Lena."""
    world = decaying_average_district
    nia = User.objects.create_user(
        "nia", role=Role.LEARNER, organization=world["school"], first_name="Nia", last_name="Adams"
    )
    Enrollment.objects.create(section=world["math_a"], learner=nia)
    evidence_record(
        learner=world["lena"],
        target=sample["N.1.b"],
        scorer=world["erin"],
        level=2,
        assessed_at=MONDAY,
    )
    return {**world, "sample": sample, "nia": nia}


def cell_url(book, learner="lena", code="N.1.b"):
    args = [book["math_a"].pk, book[learner].pk, book["sample"][code].pk]
    return reverse("gradebook_cell_record", args=args)


def record(client, book, entry, **extra):
    return client.post(cell_url(book), {"entry": entry, **extra}, **HTMX)


def estimate(book, code="N.1.b"):
    return Estimate.objects.get(learner=book["lena"], target=book["sample"][code])


def test_a_cell_links_to_its_scorer_and_keeps_the_explanation_apart(client, book):
    client.force_login(book["erin"])
    page = client.get(reverse("gradebook_section", args=[book["math_a"].pk])).text
    assert f'href="{cell_url(book)}"' in page
    explain = reverse(
        "gradebook_explain",
        args=[book["math_a"].pk, book["lena"].pk, book["sample"]["N.1.b"].pk],
    )
    assert f'data-explain="{explain}"' in page


def test_a_reader_who_cannot_record_still_opens_the_explanation_from_a_cell(client, book):
    client.force_login(book["leo"])
    page = client.get(reverse("gradebook_section", args=[book["math_a"].pk])).text
    assert cell_url(book) not in page
    assert client.get(cell_url(book)).status_code == 403


def test_the_scorer_offers_the_scales_levels_missing_excused_and_feedback(client, book):
    client.force_login(book["erin"])
    scorer = client.get(cell_url(book), **HTMX).text
    assert "<h1>" not in scorer  # only the scorer, for the cell
    for label in ("1 Beginning", "2 Developing", "3 Proficient", "4 Advanced"):
        assert label in scorer
    assert scorer.count("(not yet)") == 1  # levels below the cut read "not yet"
    assert 'value="missing"' in scorer
    assert 'value="excused"' in scorer
    assert 'name="feedback"' in scorer
    assert "Explain this estimate" in scorer


def test_without_javascript_the_cell_is_a_scoring_page_of_its_own(client, book):
    client.force_login(book["erin"])
    page = client.get(cell_url(book)).text
    assert "<h1>Score Lena Ortiz on N.1.b</h1>" in page
    assert 'form="gb-scorer-form"' in page  # kind and source belong to the scorer's form
    response = client.post(cell_url(book), {"entry": "3", "feedback": "Well argued"})
    evidence = Evidence.objects.filter(learner=book["lena"]).latest("pk")
    assert response.status_code == 302
    assert response["Location"] == f"{cell_url(book)}?recorded={evidence.pk}"
    after = client.get(response["Location"]).text
    assert "Recorded: 3 Proficient." in after
    assert reverse("gradebook_evidence_undo", args=[book["math_a"].pk, evidence.pk]) in after


def test_recording_stores_the_feedback_and_the_learner_reads_it(client, book):
    client.force_login(book["erin"])
    record(client, book, "3", feedback="Show the unit rate next time.")
    evidence = Evidence.objects.filter(learner=book["lena"]).latest("pk")
    assert evidence.feedback == "Show the unit rate next time."
    client.force_login(book["lena"])
    page = client.get(reverse("learner_evidence", args=[book["lena"].pk])).text
    assert "Show the unit rate next time." in page


def test_the_confirmation_and_undo_come_back_inside_the_cell(client, book):
    client.force_login(book["erin"])
    response = record(client, book, "3")
    page = response.text
    evidence = Evidence.objects.filter(learner=book["lena"]).latest("pk")
    assert page.lstrip().startswith("<td")
    assert page.rstrip().endswith("</td>")  # nothing goes to the top of the page
    assert "Recorded: 3 Proficient" in page
    assert 'role="status"' in page
    assert reverse("gradebook_evidence_undo", args=[book["math_a"].pk, evidence.pk]) in page


def test_undo_withdraws_the_evidence_as_an_audited_correction_and_recalculates(client, book):
    client.force_login(book["erin"])
    before = estimate(book).level
    record(client, book, "4")
    assert estimate(book).level != before
    evidence = Evidence.objects.filter(learner=book["lena"]).latest("pk")
    url = reverse("gradebook_evidence_undo", args=[book["math_a"].pk, evidence.pk])
    response = client.post(url, {"view": "estimate"}, **HTMX)
    assert response.status_code == 200
    assert "Undone: 4 Advanced withdrawn" in response.text
    evidence.refresh_from_db()
    assert (evidence.mark, evidence.level) == (Mark.WITHDRAWN, None)
    latest = evidence.history.first()
    assert (latest.history_change_reason, latest.history_user) == (UNDONE, book["erin"])
    assert estimate(book).level == before  # as if never recorded
    assert Evidence.objects.filter(pk=evidence.pk).exists()  # kept, never deleted


def test_undone_evidence_leaves_the_latest_evidence_view(client, book):
    client.force_login(book["erin"])
    record(client, book, "m")
    evidence = Evidence.objects.filter(learner=book["lena"]).latest("pk")
    client.post(reverse("gradebook_evidence_undo", args=[book["math_a"].pk, evidence.pk]), **HTMX)
    page = client.get(reverse("gradebook_section", args=[book["math_a"].pk]) + "?view=evidence")
    assert "2 AP" in page.text  # the earlier 2 is the latest again
    assert "2, approaching, 1 attempt" in page.text


def test_undo_is_refused_after_a_few_minutes_and_changes_nothing(client, book):
    client.force_login(book["erin"])
    record(client, book, "4")
    evidence = Evidence.objects.filter(learner=book["lena"]).latest("pk")
    Evidence.objects.filter(pk=evidence.pk).update(
        recorded_at=evidence.recorded_at - timedelta(minutes=6)
    )
    url = reverse("gradebook_evidence_undo", args=[book["math_a"].pk, evidence.pk])
    response = client.post(url, **HTMX)
    assert response.status_code == 422
    assert "correct the score instead" in response.text
    evidence.refresh_from_db()
    assert evidence.mark == Mark.SCORED


def test_only_the_educator_who_recorded_it_can_undo(client, book):
    book["math_a"].educators.add(book["eli"])  # Eli co-teaches Math 6A
    client.force_login(book["erin"])
    record(client, book, "4")
    evidence = Evidence.objects.filter(learner=book["lena"]).latest("pk")
    client.force_login(book["eli"])
    url = reverse("gradebook_evidence_undo", args=[book["math_a"].pk, evidence.pk])
    assert client.post(url, **HTMX).status_code == 403
    evidence.refresh_from_db()
    assert evidence.mark == Mark.SCORED


def test_without_javascript_undo_returns_to_the_cell_in_the_grid(client, book):
    client.force_login(book["erin"])
    record(client, book, "3")
    evidence = Evidence.objects.filter(learner=book["lena"]).latest("pk")
    url = reverse("gradebook_evidence_undo", args=[book["math_a"].pk, evidence.pk])
    response = client.post(url)
    assert response.status_code == 302
    assert response["Location"].endswith(f"#cell-{book['lena'].pk}-{book['sample']['N.1.b'].pk}")


@pytest.mark.parametrize("entry", ["missing", "excused"])
def test_missing_and_excused_are_recorded_and_never_scored(client, book, entry):
    client.force_login(book["erin"])
    before = estimate(book)
    page = record(client, book, entry, view="evidence").text
    evidence = Evidence.objects.filter(learner=book["lena"]).latest("pk")
    assert (evidence.mark, evidence.level) == (entry, None)
    assert f"Recorded: {entry.capitalize()}" in page
    after = estimate(book)
    assert (after.level, after.evidence_count) == (before.level, before.evidence_count)


def test_new_evidence_cannot_be_recorded_as_withdrawn(client, book):
    client.force_login(book["erin"])
    response = record(client, book, "withdrawn")
    assert response.status_code == 422
    assert not Evidence.objects.filter(mark=Mark.WITHDRAWN).exists()


def class_url(book, code="N.2.a"):
    return reverse("gradebook_class_score", args=[book["math_a"].pk, book["sample"][code].pk])


def test_class_scoring_stores_each_learners_feedback(client, book):
    client.force_login(book["erin"])
    data = {
        "kind": "summative",
        "source": "assessment",
        f"learner_{book['lena'].pk}": "3",
        f"feedback_{book['lena'].pk}": "Clear diagram",
    }
    assert client.post(class_url(book), data).status_code == 302
    assert Evidence.objects.get(target=book["sample"]["N.2.a"]).feedback == "Clear diagram"


def test_set_all_fills_only_the_empty_rows(client, book):
    client.force_login(book["erin"])
    page = client.get(class_url(book)).text
    assert "Set every empty row to" in page
    assert 'data-set-all="id_set_all"' in page
    data = {
        "kind": "formative",
        "source": "assessment",
        "set_all": "3",
        f"learner_{book['lena'].pk}": "1",  # chosen: kept
        f"learner_{book['nia'].pk}": "",  # empty: filled
    }
    assert client.post(class_url(book), data).status_code == 302
    levels = dict(
        Evidence.objects.filter(target=book["sample"]["N.2.a"]).values_list("learner", "level")
    )
    assert levels == {book["lena"].pk: 1, book["nia"].pk: 3}


@pytest.fixture
def quiz(book):
    """Erin's quiz for Math 6A on N.1.a and N.1.c."""
    assessment = assessment_create(
        creator=book["erin"], title="Ratios quiz", kind="summative", section=book["math_a"]
    )
    alignment_set(
        assessment=assessment,
        by=book["erin"],
        alignments=[AlignmentSpec(book["sample"]["N.1.a"]), AlignmentSpec(book["sample"]["N.1.c"])],
    )
    return assessment


def test_assessment_scoring_stores_feedback_and_sets_all_empty_cells(client, book, quiz):
    client.force_login(book["erin"])
    url = reverse("assessment_score", args=[quiz.pk])
    first, second = quiz.alignments.order_by("pk")
    lena, nia = book["lena"].pk, book["nia"].pk
    page = client.get(url).text
    assert f'name="set_all-{first.pk}"' in page
    assert f'name="feedback-{lena}"' in page
    data = {
        f"set_all-{first.pk}": "4",
        f"cell-{lena}-{first.pk}": "2",  # chosen: kept
        f"cell-{lena}-{second.pk}": "3",
        f"feedback-{lena}": "Good start",
    }
    assert client.post(url, data).status_code == 302
    recorded = {
        (e.learner_id, e.alignment_id): (e.level, e.feedback)
        for e in Evidence.objects.filter(assessment=quiz)
    }
    assert recorded == {
        (lena, first.pk): (2, "Good start"),
        (lena, second.pk): (3, "Good start"),
        (nia, first.pk): (4, ""),
    }


def test_the_override_form_preselects_no_level_and_requires_one(client, book):
    client.force_login(book["erin"])
    args = [book["math_a"].pk, book["lena"].pk, book["sample"]["N.1.b"].pk]
    page = client.get(reverse("gradebook_explain", args=args), **HTMX).text
    assert '<option value="" selected>— choose a level —</option>' in page
    assert "selected>1 Beginning" not in page
    response = client.post(
        reverse("gradebook_override", args=args), {"level": "", "reason": "Project"}, **HTMX
    )
    assert response.status_code == 422
    assert not estimate(book).is_overridden


def test_after_an_override_the_swapped_cell_still_opens_its_scorer(client, book):
    client.force_login(book["erin"])
    args = [book["math_a"].pk, book["lena"].pk, book["sample"]["N.1.b"].pk]
    response = client.post(
        reverse("gradebook_override", args=args), {"level": "4", "reason": "Project"}, **HTMX
    )
    assert 'hx-swap-oob="outerHTML"' in response.text
    assert f'href="{cell_url(book)}"' in response.text
