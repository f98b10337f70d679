"""Assessment pages: creating, aligning, adding questions, scoring, taking, results."""

import pytest
from django.urls import reverse

from continuum.evidence.models import Assessment, Evidence, Question
from continuum.evidence.services.assessments import (
    AlignmentSpec,
    alignment_set,
    assessment_create,
    question_add,
)


@pytest.fixture
def quiz(world, sample):
    """Erin's quiz for Math 6A on N.1.a (one numeric question) and N.1.b (none)."""
    assessment = assessment_create(
        creator=world["erin"], title="Ratios quiz", kind="summative", section=world["math_a"]
    )
    first, _ = alignment_set(
        assessment=assessment,
        by=world["erin"],
        alignments=[
            AlignmentSpec(sample["N.1.a"]),
            AlignmentSpec(sample["N.1.b"], rubric={"3": "Finds three"}),
        ],
    )
    question_add(alignment=first, by=world["erin"], prompt="2:3 = 4:?", kind="numeric", answer="6")
    return assessment


def url(name, assessment, **query):
    path = reverse(name, kwargs={"assessment_id": assessment.pk})
    return path + ("?" + "&".join(f"{k}={v}" for k, v in query.items()) if query else "")


def test_an_educator_creates_an_assessment_aligned_to_two_targets(client, world, sample):
    client.force_login(world["erin"])
    page = client.get(reverse("assessment_create"))
    assert "N.1.a" in page.text
    assert "Understand ratios" in page.text
    response = client.post(
        reverse("assessment_create"),
        {
            "title": "Ratio project",
            "kind": "project",
            "section": world["math_a"].pk,
            "targets": [sample["N.1.a"].pk, sample["N.2.a"].pk],
            "weight": "1.5",
        },
    )
    assessment = Assessment.objects.get()
    assert response["Location"] == url("assessment_detail", assessment)
    assert [a.target for a in assessment.alignments.all()] == [sample["N.1.a"], sample["N.2.a"]]
    assert assessment.evidence_kind == "summative"
    assert {a.weight for a in assessment.alignments.all()} == {1.5}


def test_the_create_form_explains_what_is_missing(client, world):
    client.force_login(world["erin"])
    response = client.post(reverse("assessment_create"), {"title": "x", "kind": "project"})
    assert "Choose at least one target." in response.text
    assert not Assessment.objects.exists()


def test_the_detail_shows_the_rubric_and_falls_back_to_target_descriptors(client, world, quiz):
    client.force_login(world["erin"])
    page = client.get(url("assessment_detail", quiz)).text
    assert "N.1.a at proficient" in page  # the target's own descriptor
    assert "Finds three" in page  # this assessment's own text
    assert url("assessment_score", quiz, alignment=quiz.alignments.first().pk) in page


def test_the_alignment_page_shows_descriptors_as_placeholders_and_saves(
    client, world, sample, quiz
):
    client.force_login(world["erin"])
    first, second = quiz.alignments.all()
    page = client.get(url("assessment_alignments", quiz)).text
    assert 'placeholder="N.1.a at beginning"' in page
    response = client.post(
        url("assessment_alignments", quiz),
        {
            f"weight_{first.pk}": "2",
            f"rubric_{first.pk}_4": "Explains why",
            f"weight_{second.pk}": "1",
            f"remove_{second.pk}": "on",
            "add_targets": [sample["N.1.c"].pk],
        },
    )
    assert response.status_code == 302
    first.refresh_from_db()
    assert (first.weight, first.rubric) == (2, {"4": "Explains why"})
    assert [a.target.human_coding_scheme for a in quiz.alignments.all()] == ["N.1.a", "N.1.c"]


def test_removing_a_target_with_questions_is_refused_on_the_page(client, world, quiz):
    client.force_login(world["erin"])
    first, second = quiz.alignments.all()
    response = client.post(
        url("assessment_alignments", quiz),
        {f"weight_{first.pk}": "1", f"remove_{first.pk}": "on", f"weight_{second.pk}": "1"},
    )
    assert "N.1.a has questions" in response.text
    assert quiz.alignments.count() == 2


def test_adding_a_multiple_choice_question(client, world, quiz):
    client.force_login(world["erin"])
    second = quiz.alignments.last()
    response = client.post(
        url("question_add", quiz),
        {
            "alignment": second.pk,
            "kind": "multiple_choice",
            "prompt": "Equal to 1:2?",
            "choices": "2:4\n2:1",
            "answer": "2:4",
        },
    )
    assert response.status_code == 302
    assert Question.objects.get(alignment=second).choices == ["2:4", "2:1"]


def test_scoring_the_class_records_everything_or_lists_each_problem(client, world, quiz):
    client.force_login(world["erin"])
    first, second = quiz.alignments.all()
    lena = world["lena"].pk
    refused = client.post(
        url("assessment_score", quiz),
        {f"cell-{lena}-{first.pk}": "3", f"cell-{lena}-{second.pk}": "9"},
    )
    assert "Lena Ortiz, N.1.b: Level 9 is not on the scale" in refused.text
    assert not Evidence.objects.exists()
    saved = client.post(
        url("assessment_score", quiz),
        {f"cell-{lena}-{first.pk}": "3", f"cell-{lena}-{second.pk}": "excused"},
    )
    assert saved.status_code == 302
    assert sorted(Evidence.objects.values_list("mark", flat=True)) == ["excused", "scored"]


def test_a_learner_takes_the_quiz_and_sees_the_level_it_became(client, world, quiz):
    client.force_login(world["lena"])
    assert "Ratios quiz" in client.get(reverse("assessment_list")).text
    question = Question.objects.get()
    blank = client.post(url("assessment_take", quiz), {})
    assert "Type a number." in blank.text
    response = client.post(url("assessment_take", quiz), {f"q_{question.pk}": "6"}, follow=True)
    assert "1 of 1 right" in response.text
    assert "4 Advanced" in response.text


def test_the_educator_sees_results_with_the_knowledge_trace(client, world, quiz):
    question = Question.objects.get()
    client.force_login(world["lena"])
    client.post(url("assessment_take", quiz), {f"q_{question.pk}": "6"})
    client.force_login(world["erin"])
    page = client.get(url("assessment_results", quiz)).text
    assert "Probability Lena has mastered N.1.a: 0.6" in page
    assert "knowledge tracing" in page


def test_learners_see_only_assessments_with_questions(client, world, sample):
    empty = assessment_create(
        creator=world["erin"], title="Observation", kind="observation", section=world["math_a"]
    )
    alignment_set(assessment=empty, by=world["erin"], alignments=[AlignmentSpec(sample["N.1.a"])])
    client.force_login(world["lena"])
    assert "Observation" not in client.get(reverse("assessment_list")).text
    assert client.get(url("assessment_take", empty)).status_code == 404


def test_the_list_narrows_by_title_and_section_and_pages_by_fifty(client, world):
    erin = world["erin"]
    for n in range(51):
        assessment_create(
            creator=erin, title=f"Check-in {n}", kind="formative_check", section=world["math_a"]
        )
    assessment_create(
        creator=world["eli"], title="Ratios project", kind="summative", section=world["math_b"]
    )
    client.force_login(world["leo"])  # the school leader sees both sections' lists

    def titles(**query) -> list[str]:
        page = client.get(reverse("assessment_list"), query).context["assessments"]
        return [assessment.title for assessment in page]

    assert len(titles()) == 50
    assert len(titles(page=2)) == 2
    assert titles(title="RATIOS") == ["Ratios project"]
    assert titles(section=world["math_b"].pk) == ["Ratios project"]
    assert len(titles(section=world["math_a"].pk, page=2)) == 1
    assert len(titles(section="not a section")) == 50
    page = client.get(reverse("assessment_list"), {"title": "check-in 5"}).text
    assert "2 assessments" in page  # 5 and 50
    first = client.get(reverse("assessment_list"), {"section": world["math_a"].pk}).text
    assert f"section={world['math_a'].pk}&amp;page=2" in first  # the next page keeps the filter
