"""Batches: every report card of a section or a whole school for one period, as one ZIP
with a PDF per learner, made in the background worker with progress the page shows.

Who is in the batch is fixed when it is requested (``learner_ids``), so the download's
permission and its record of disclosures name exactly the learners in the ZIP. The worker
reads each card and renders its HTML with one ``PdfPrinter`` (fonts, stylesheet and
template loaded once), lays the PDFs out in ``CONTINUUM_REPORT_PROCESSES`` processes, and
writes the ZIP beside its final name, renaming it only when it is complete.
"""

import secrets
import zipfile
from collections.abc import Iterator
from pathlib import Path

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django_tasks import task

from continuum.people.models import Role, Section, User
from continuum.reports.documents import PdfPrinter, pdf_printing, report_card_read
from continuum.reports.models import ReportBatch, ReportingPeriod
from continuum.reports.selectors.batches import batch_learner_list

ARCHIVES = "report_batches"  # under settings.VAR_DIR
CHUNK = 10  # learners between progress updates


def _check_batch(
    *, by: User, period: ReportingPeriod, section: Section | None, language: str
) -> None:
    if language not in {code for code, _name in settings.LANGUAGES}:
        raise ValidationError(
            _("Continuum does not write report cards in “%(code)s”.") % {"code": language}
        )
    if section is not None and section.school_id != period.school_id:
        raise ValidationError(_("That section is not at the reporting period's school."))
    leads = by.role == Role.LEADER and by.organization_id == period.school_id
    teaches = (
        section is not None
        and by.role == Role.EDUCATOR
        and section.educators.filter(pk=by.pk).exists()
    )
    if not (leads or teaches):
        raise PermissionDenied(
            _("Only the school's leaders, or an educator for a section they teach, make these.")
        )


@transaction.atomic
def report_batch_request(
    *, by: User, period: ReportingPeriod, section: Section | None, language: str
) -> ReportBatch:
    """Record the batch (a section's, else the whole school's) and queue its making once
    the request is committed (the worker must read it)."""
    _check_batch(by=by, period=period, section=section, language=language)
    learners = list(
        batch_learner_list(school=period.school, section=section).values_list("pk", flat=True)
    )
    if not learners:
        raise ValidationError(_("There are no learners to make report cards for."))
    batch = ReportBatch.objects.create(
        requested_by=by,
        school=period.school,
        section=section,
        period=period,
        language=language,
        learner_ids=learners,
        total=len(learners),
    )
    batch_id = batch.pk
    transaction.on_commit(lambda: report_batch_task.enqueue(batch_id=batch_id))
    return batch


def entry_name(learner: User, taken: set[str]) -> str:
    """A safe, readable file name in the ZIP: ``ortiz-lena.pdf`` (ASCII, no path), with
    the learner's id added when two learners share a name."""
    stem = slugify(f"{learner.last_name} {learner.first_name}") or slugify(learner.username)
    name = f"{stem or 'learner'}.pdf"
    if name in taken:
        name = f"{stem or 'learner'}-{learner.pk}.pdf"
    taken.add(name)
    return name


@task()
def report_batch_task(*, batch_id: int) -> dict[str, int]:
    """Write every learner's card into the batch's ZIP, counting learners done."""
    batch = ReportBatch.objects.select_related("period").get(pk=batch_id)
    folder = Path(settings.VAR_DIR) / ARCHIVES
    folder.mkdir(parents=True, exist_ok=True)
    relative = f"{ARCHIVES}/{batch.pk}-{secrets.token_hex(8)}.zip"
    partial = Path(settings.VAR_DIR) / f"{relative}.part"
    ReportBatch.objects.filter(pk=batch_id).update(done=0, error="")
    try:
        _write(batch, partial)
    except Exception as error:
        partial.unlink(missing_ok=True)
        ReportBatch.objects.filter(pk=batch_id).update(error=f"{type(error).__name__}: {error}")
        raise
    partial.rename(Path(settings.VAR_DIR) / relative)
    ReportBatch.objects.filter(pk=batch_id).update(archive=relative, finished_at=timezone.now())
    return {"learners": batch.total}


def _write(batch: ReportBatch, path: Path) -> None:
    today, taken = timezone.localdate(), set[str]()
    found = User.objects.select_related("organization").in_bulk(batch.learner_ids)
    # A learner removed since the request has no card.
    learners = [found[pk] for pk in batch.learner_ids if pk in found]
    printer = PdfPrinter()

    def documents() -> Iterator[str]:
        for learner in learners:
            card = report_card_read(
                learner=learner, period=batch.period, language=batch.language, today=today
            )
            yield printer.html(card=card, language=batch.language)

    with (
        pdf_printing(settings.CONTINUUM_REPORT_PROCESSES) as printed,
        zipfile.ZipFile(path, "w", compression=zipfile.ZIP_STORED) as archive,
    ):
        # Stored, not deflated: WeasyPrint's PDFs are compressed already.
        for place, (learner, pdf) in enumerate(
            zip(learners, printed(documents()), strict=True), start=1
        ):
            archive.writestr(entry_name(learner, taken), pdf)
            if place % CHUNK == 0 or place == len(learners):
                ReportBatch.objects.filter(pk=batch.pk).update(done=place)


def batch_archive_path(batch: ReportBatch) -> Path | None:
    """The finished ZIP on disk, or None while it is being made (or if it failed)."""
    if not batch.archive or batch.finished_at is None:
        return None
    path = Path(settings.VAR_DIR) / batch.archive
    return path if path.is_file() else None
