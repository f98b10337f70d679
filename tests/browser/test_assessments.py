"""Erin writes an assessment on two targets with a question each; Lena takes it; the
evidence appears, and Erin sees the results with knowledge tracing."""

import pytest

from continuum.evidence.models import Evidence
from continuum.frameworks.tests.factories import sample_framework


@pytest.mark.django_db(transaction=True)
def test_an_educator_writes_an_assessment_and_a_learner_takes_it(visit, world):
    sample = sample_framework()
    page = visit.page

    visit.login("erin")
    visit.open("/assessments/", "assessments-list-empty")
    page.get_by_role("link", name="New assessment").click()
    visit.check("assessments-create")
    page.get_by_label("Title").fill("Ratios check-in")
    page.get_by_label("Kind of assessment").select_option(label="Formative check")
    page.get_by_label("Section").select_option(label="Math 6A")
    page.get_by_label("Filter targets").fill("ratio")
    page.get_by_label("N.1.a Describe a ratio relationship").check()
    page.get_by_label("N.1.b Find equivalent ratios").check()
    page.get_by_role("button", name="Create assessment").click()
    page.get_by_role("heading", name="Ratios check-in").wait_for()
    page.get_by_text("Assessment created.").wait_for()
    visit.check("assessments-detail")
    assert "N.1.a at proficient" in page.content()  # the target's descriptors as the rubric

    page.get_by_role("link", name="Edit targets and rubrics").click()
    page.get_by_role("textbox", name="4 Advanced").first.fill("Explains a ratio in two ways")
    visit.check("assessments-alignments")
    page.get_by_role("button", name="Save targets and rubrics").click()
    page.get_by_text("Alignments saved.").wait_for()

    page.get_by_role("link", name="Add a question").click()
    page.get_by_label("Learning target").select_option(label=str(sample["N.1.a"]))
    page.get_by_role("radio", name="Multiple choice").check()
    page.get_by_label("Question:", exact=True).fill("Which ratio says 2 cats for every 3 dogs?")
    page.get_by_label("Choices (multiple choice)").fill("2:3\n3:2\n2:5")
    page.get_by_label("Right answer").fill("2:3")
    visit.check("assessments-question")
    page.get_by_role("button", name="Add and write another").click()
    page.get_by_text("Question added.").wait_for()
    page.get_by_label("Learning target").select_option(label=str(sample["N.1.b"]))
    page.get_by_role("radio", name="Numeric answer").check()
    page.get_by_label("Question:", exact=True).fill("6:9 is the same as 2:?")
    page.get_by_label("Right answer").fill("3")
    page.get_by_role("button", name="Add question", exact=True).click()
    page.get_by_role("heading", name="Ratios check-in").wait_for()

    page.context.clear_cookies()
    visit.login("lena")
    visit.open("/assessments/", "assessments-learner-list")
    page.get_by_role("link", name="Take Ratios check-in").click()
    page.get_by_role("button", name="Submit my answers").click()
    page.get_by_role("alert").wait_for()
    visit.check("assessments-take-errors")
    page.get_by_label("2:3").check()
    page.get_by_label("Question 2. 6:9 is the same as 2:?").fill("4")
    visit.check("assessments-take")
    page.get_by_role("button", name="Submit my answers").click()
    page.get_by_role("heading", name="My results: Ratios check-in").wait_for()
    visit.check("assessments-my-results")
    assert "1 of 1 right" in page.content()
    assert "0 of 1 right" in page.content()
    levels = dict(Evidence.objects.values_list("target__human_coding_scheme", "level"))
    assert levels == {"N.1.a": 4, "N.1.b": 1}

    page.context.clear_cookies()
    visit.login("erin")
    visit.open("/assessments/", "assessments-list")
    page.get_by_role("link", name="Ratios check-in").click()
    page.get_by_role("link", name="Results").click()
    visit.check("assessments-results")
    assert "Probability Lena has mastered N.1.a" in page.content()
    page.get_by_role("link", name="Ratios check-in").click()
    page.get_by_role("link", name="Score this assessment").click()
    page.get_by_label("Lena Ortiz, N.1.b").select_option("2")
    visit.check("assessments-score")
    page.get_by_role("button", name="Save all scores").click()
    page.get_by_text("1 scores recorded.").wait_for()
    assert Evidence.objects.filter(source="assessment", scorer=world["erin"]).count() == 3
