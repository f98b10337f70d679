"""The learner's own credits page, the staff page for one learner, and revoking there."""

import pytest
from django.urls import reverse

from continuum.credentials.models import Award
from continuum.credentials.public import awards_sync
from continuum.credentials.tests.conftest import AFTER_THE_COURSE, TODAY, all_proficient, shown


@pytest.fixture
def awarded(credit):
    all_proficient(credit, credit["lena"])
    awards_sync(school=credit["school"], today=TODAY)
    return Award.objects.get(learner=credit["lena"])


def test_a_learner_sees_each_award_with_its_date_rule_version_targets_and_evidence(
    client, credit, awarded
):
    client.force_login(credit["lena"])
    page = client.get(reverse("my_credentials")).content.decode()
    assert "My credits and certificates" in page
    assert "Grade 6 ratios credit" in page
    assert "Awarded on 20 Nov 2026." in page
    version = credit["requirement"].history.count()  # its versions so far, not a row id
    assert f"Rule version {version}: every target proficient." in page
    assert "<caption>The targets and the evidence behind this award" in page
    assert page.count('<th scope="row"><span class="code">N.1.') == 3
    assert "1 Oct 2026" in page  # the date of the evidence behind each target
    assert "Revoke" not in page


def test_a_learner_sees_what_to_relearn_when_a_course_ended_without_credit(client, credit):
    shown(credit["lena"], credit["maths"]["N.1.a"], 3)
    awards_sync(school=credit["school"], today=AFTER_THE_COURSE)
    client.force_login(credit["lena"])
    page = client.get(reverse("my_credentials")).content.decode()
    assert "Courses that ended without credit" in page
    assert "The course ended on 1 Jun 2027 before these targets were proficient." in page
    assert "They are in the learning plan to re-learn." in page
    assert "N.1.b" in page
    assert "N.1.c" in page
    assert "No credits or certificates awarded yet." in page


def test_the_counselor_sees_the_award_with_a_revoke_form(client, credit, awarded):
    client.force_login(credit["cora"])
    page = client.get(reverse("learner_credentials", args=[credit["lena"].pk])).content.decode()
    assert "Credits and certificates: Lena Ortiz" in page
    assert reverse("award_revoke", args=[awarded.pk]) in page
    assert f'<label for="reason-{awarded.pk}">Why is this award revoked?</label>' in page


def test_an_educator_sees_the_award_but_no_revoke_form(client, credit, awarded):
    client.force_login(credit["erin"])
    page = client.get(reverse("learner_credentials", args=[credit["lena"].pk])).content.decode()
    assert "Grade 6 ratios credit" in page
    assert reverse("award_revoke", args=[awarded.pk]) not in page


def test_revoking_without_a_reason_says_so_and_changes_nothing(client, credit, awarded):
    client.force_login(credit["cora"])
    response = client.post(reverse("award_revoke", args=[awarded.pk]), {"reason": "  "})
    assert response.status_code == 200
    assert "This field is required." in response.content.decode()
    assert Award.objects.get(pk=awarded.pk).state == Award.State.AWARDED


def test_revoking_with_a_reason_shows_the_award_as_revoked_with_who_and_why(
    client, credit, awarded
):
    client.force_login(credit["leo"])
    url = reverse("award_revoke", args=[awarded.pk])
    response = client.post(url, {"reason": "Scores were for another learner"}, follow=True)
    page = response.content.decode()
    assert "The award was revoked." in page
    assert "by Leo Brandt:</strong> Scores were for another learner" in page
    assert url not in page  # a revoked award has no revoke form
    assert Award.objects.get(pk=awarded.pk).state == Award.State.REVOKED


def test_an_educator_may_not_revoke(client, credit, awarded):
    client.force_login(credit["erin"])
    response = client.post(reverse("award_revoke", args=[awarded.pk]), {"reason": "No"})
    assert response.status_code == 403
    assert Award.objects.get(pk=awarded.pk).state == Award.State.AWARDED


def test_a_learner_reaches_her_credits_from_the_navigation(client, credit):
    client.force_login(credit["lena"])
    page = client.get(reverse("home"), follow=True).content.decode()
    assert f'<a href="{reverse("my_credentials")}">My credits and certificates</a>' in page


def test_staff_reach_a_learners_credits_from_the_learner_page(client, credit):
    url = reverse("learner_credentials", args=[credit["lena"].pk])
    client.force_login(credit["cora"])
    assert url in client.get(reverse("learner_detail", args=[credit["lena"].pk])).content.decode()


def test_the_rule_behind_an_award_is_in_words_not_its_code():
    from continuum.credentials.models import Award
    from continuum.credentials.selectors import AwardView

    share = Award(rule={"name": "share_proficient", "parameters": {"share": 0.8, "floor": 2}})
    assert AwardView(share, []).rule_words == (
        "at least 80 % of the targets proficient, none below level 2"
    )
    assert AwardView(Award(rule={"name": "all_proficient"}), []).rule_words == (
        "every target proficient"
    )
