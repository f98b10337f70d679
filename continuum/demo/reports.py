"""The demo school's reporting period: the term its sixteen weeks of evidence fall in, so
report cards (pages, PDF, `continuum report_card`) have something to report on at once."""

from datetime import date, timedelta

from continuum.demo.semester import WEEKS
from continuum.people.models import Organization
from continuum.reports.models import ReportingPeriod


def demo_reports_build(*, school: Organization, today: date) -> ReportingPeriod:
    monday = today - timedelta(days=today.weekday())
    return ReportingPeriod.objects.create(
        school=school,
        name="Term 1",
        starts_on=monday - timedelta(weeks=WEEKS),
        ends_on=today + timedelta(weeks=4),
    )
