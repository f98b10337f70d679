"""The record pages added for reports, transcripts, credentials and district IT, as their
people open them in a real browser, at desktop and phone width: a guardian reads Lena's
report card in Spanish and her transcript, Lena finds her signed badges, anyone opens the
public verification page, a leader sets reporting periods and a grade conversion, and the
district admin opens rostering and xAPI clients. Every page passes axe and none scrolls
sideways on a phone."""

from datetime import date

import pytest
from django.urls import reverse

from continuum.credentials.public import awards_sync
from continuum.credentials.tests.conftest import TODAY, all_proficient, credit_world
from continuum.reports.models import ReportingPeriod

PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}


@pytest.fixture
def records(world):
    credit = credit_world(world)
    all_proficient(credit, credit["lena"])
    awards_sync(school=credit["school"], today=TODAY)
    period = ReportingPeriod.objects.create(
        school=credit["school"],
        name="Fall 2026",
        starts_on=date(2026, 9, 1),
        ends_on=date(2026, 12, 18),
    )
    return {**credit, "period": period}


def _look(visit, path: str, name: str) -> None:
    """The page at desktop and phone width: axe passes, no sideways scrolling on the phone."""
    visit.page.set_viewport_size(DESKTOP)
    visit.open(path, name)
    visit.page.set_viewport_size(PHONE)
    visit.page.reload()
    visit.check(f"{name}-phone")
    width = visit.page.evaluate("document.documentElement.scrollWidth")
    assert width <= PHONE["width"], f"{path} is {width} px wide on a phone"


@pytest.mark.django_db(transaction=True)
def test_each_person_opens_the_new_record_pages_on_desktop_and_phone(visit, records):
    lena, period = records["lena"], records["period"]
    pages = {
        "gabe": [
            (reverse("report_card", args=[lena.pk, period.pk]) + "?lang=es", "report-card-es"),
            (reverse("transcript", args=[lena.pk]), "transcript"),
        ],
        "lena": [(reverse("learner_badges", args=[lena.pk]), "badges")],
        "leo": [
            (reverse("report_period_list"), "report-periods"),
            (reverse("transcript_conversion"), "grade-conversion"),
        ],
        "ada": [(reverse("rostering_home"), "rostering"), (reverse("xapi_admin"), "xapi-admin")],
    }
    for username, visits in pages.items():
        visit.page.context.clear_cookies()
        visit.login(username)
        for path, name in visits:
            _look(visit, path, name)
    visit.page.context.clear_cookies()
    _look(visit, reverse("credential_verify"), "credential-verify")
