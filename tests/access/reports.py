"""Report cards under /reports/.

Lena's report card (page and PDF) is for the people who may see her whole record, as the
family view is: Lena, Gabe her guardian, Erin who teaches her, Cora who counsels her, Leo
who leads Maple Grove and Ada who administers Riverside; not Pat (a partner sees only his
placement's targets) nor Otto of Lakeside. Omar's is for Leo and Ada only. Erin alone, as
Lena's educator, records her work habits and comment. "Report cards" (the list) is the
learner's and the guardian's. Leo sets Maple Grove's periods and work habits; Otto, a
district admin, has no periods page, and Leo may not edit Birch Hollow's period.
"""

from datetime import date

from continuum.reports.models import ReportingPeriod, WorkHabit
from tests.access import Case, allow

CARD_READERS = allow("learner", "guardian", "educator", "counselor", "leader", "admin")
OMARS = allow("leader", "admin")
DONE = (302,)


def populate(world: dict) -> None:
    world["reports_period"] = ReportingPeriod.objects.create(
        school=world["school"],
        name="Fall 2025",
        starts_on=date(2025, 9, 1),
        ends_on=date(2025, 12, 19),
    )
    world["reports_birch_period"] = ReportingPeriod.objects.create(
        school=world["birch"],
        name="Birch fall",
        starts_on=date(2025, 9, 1),
        ends_on=date(2025, 12, 19),
    )
    world["reports_habit"] = WorkHabit.objects.create(
        school=world["school"], name="Completes work on time"
    )


def _card(learner: str):
    return lambda w: {"learner_id": w[learner].pk, "period_id": w["reports_period"].pk}


CASES = [
    Case("report_card_home", allow("learner", "guardian")),
    Case("report_card", CARD_READERS, kwargs=_card("lena"), label="Lena"),
    Case("report_card", OMARS, kwargs=_card("omar"), label="Omar"),
    Case(
        "report_card",
        frozenset(),
        kwargs=lambda w: {"learner_id": w["lena"].pk, "period_id": w["reports_birch_period"].pk},
        label="another school's period",
    ),
    Case("report_card_pdf", CARD_READERS, kwargs=_card("lena"), label="Lena"),
    Case("report_card_pdf", OMARS, kwargs=_card("omar"), label="Omar"),
    Case("report_observations", allow("educator"), kwargs=_card("lena"), label="Lena"),
    Case("report_observations", frozenset(), kwargs=_card("omar"), label="Omar"),
    Case(
        "report_observations",
        allow("educator"),
        kwargs=_card("lena"),
        method="post",
        data=lambda w: {f"rating_{w['reports_habit'].pk}": "3", "comment": "Steady work."},
        ok_status=DONE,
        label="save",
    ),
    Case("report_period_list", allow("leader")),
    Case(
        "report_period_list",
        allow("leader"),
        method="post",
        data={"name": "Spring 2026", "starts_on": "2026-04-01", "ends_on": "2026-06-15"},
        ok_status=DONE,
        label="create",
    ),
    Case(
        "report_period_edit",
        allow("leader"),
        kwargs=lambda w: {"period_id": w["reports_period"].pk},
        label="Maple Grove's",
    ),
    Case(
        "report_period_edit",
        frozenset(),
        kwargs=lambda w: {"period_id": w["reports_birch_period"].pk},
        label="Birch Hollow's",
    ),
    Case(
        "report_work_habit_add",
        allow("leader"),
        method="post",
        data={"name": "Asks for help when stuck"},
        ok_status=DONE,
    ),
]
