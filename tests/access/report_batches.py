"""Batches of report cards under /reports/batches/.

Educators and leaders open the page that starts a batch (an educator for a section they
teach, Erin's Math 6A; a leader for a section or the whole school). A batch and its ZIP are
for the one who asked for it and for staff who may read every learner's card in it:
Leo's whole-school batch (Lena and Omar) is Leo's and Ada's, not Erin's (she does not teach
Omar) nor Cora's (she counsels only Lena); Erin's Math 6A batch (Lena) is also open to Cora,
Leo and Ada. Learners, guardians and partners never open a batch, and Otto of Lakeside
nothing of Riverside's (a district admin starts no batch).
"""

import zipfile
from datetime import date
from pathlib import Path

from django.conf import settings
from django.utils import timezone

from continuum.reports.models import ReportBatch, ReportingPeriod
from continuum.reports.services.batches import ARCHIVES
from tests.access import Case, allow

DONE = (302,)
ACCESS_ZIP = f"{ARCHIVES}/access-matrix.zip"  # one small file, rewritten by every run


def populate(world: dict) -> None:
    period = ReportingPeriod.objects.create(
        school=world["school"],
        name="Spring 2025",
        starts_on=date(2025, 1, 6),
        ends_on=date(2025, 3, 28),
    )
    path = Path(settings.VAR_DIR) / ACCESS_ZIP
    path.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("ortiz-lena.pdf", b"%PDF-1.7")
    done = {"archive": ACCESS_ZIP, "finished_at": timezone.now(), "language": "en"}
    world["batches_period"] = period
    world["batches_school"] = ReportBatch.objects.create(
        requested_by=world["leo"],
        school=world["school"],
        period=period,
        learner_ids=[world["lena"].pk, world["omar"].pk],
        total=2,
        done=2,
        **done,
    )
    world["batches_section"] = ReportBatch.objects.create(
        requested_by=world["erin"],
        school=world["school"],
        section=world["math_a"],
        period=period,
        learner_ids=[world["lena"].pk],
        total=1,
        done=1,
        **done,
    )


def _batch(key: str):
    return lambda w: {"batch_id": w[key].pk}


SCHOOLS = allow("leader", "admin")
SECTIONS = allow("educator", "counselor", "leader", "admin")

CASES = [
    Case("report_batch_list", allow("educator", "leader")),
    Case(
        "report_batch_list",
        allow("educator", "leader"),
        method="post",
        data=lambda w: {
            "period": w["batches_period"].pk,
            "section": w["math_a"].pk,
            "language": "en",
        },
        ok_status=DONE,
        label="start Math 6A",
    ),
    Case("report_batch", SCHOOLS, kwargs=_batch("batches_school"), label="the school"),
    Case("report_batch", SECTIONS, kwargs=_batch("batches_section"), label="Math 6A"),
    Case("report_batch_zip", SCHOOLS, kwargs=_batch("batches_school"), label="the school"),
    Case("report_batch_zip", SECTIONS, kwargs=_batch("batches_section"), label="Math 6A"),
]
